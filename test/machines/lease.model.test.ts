// Model-based test of the lease machine (the oxygen protocol): random claims, releases, expiries
// and collections against a small model; after every step, the invariants: never two live leases
// on one resource (file), never over a domain's budget without an override, every emitted Lease valid,
// and a "disk" kept by applying the emissions alone (write or remove) always holds exactly the board's leases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lease } from '../../generated/types/index.js';
import {
  claimLease,
  collectExpiredLeases,
  createLeaseBoard,
  leaseFileName,
  leaseTransitions,
  releaseLease,
  renewLease,
  resourceState,
  type LeaseBoard,
  type LeaseEmission,
} from '../../src/index.js';
import { NUM_RUNS, T0, accepted, at, deepFreeze, epoch, expectRow, expectValidEmissions, refusalCode } from './support.js';

// 'Tool:GitHubWatch' and 'tool:githubwatch' share one lease file, as do 'q y' and 'q_y'.
const RESOURCES = ['tool:githubwatch', 'Tool:GitHubWatch', 'repo:main', 'q y', 'q_y', 'db:ledger'];
const OWNERS = ['scribe', 'builder', 'guardian'];
const DOMAINS = ['scribe', 'builder', 'watcher'];
const BUDGET = 2;

interface ModelLease { file: string; owner: string; domain: string; expires: number; override: boolean }
interface Model { now: number; leases: ModelLease[] }
interface Real { board: LeaseBoard; disk: Map<string, Lease> }

/** What a writer does with an accepted transition: loop over `emitted`, write or remove. */
function applyEmissions(disk: Map<string, Lease>, emitted: readonly LeaseEmission[]): void {
  for (const e of emitted) {
    if (e.action === 'remove') {
      expect(disk.get(e.path), `removing ${e.path}`).toEqual(e.document);
      disk.delete(e.path);
    } else disk.set(e.path!, e.document);
  }
}

const live = (m: Model) => m.leases.filter((l) => m.now < l.expires);

function checkInvariants(m: Model, r: Real): void {
  const now = T0 + m.now;
  const files = r.board.leases.map((l) => leaseFileName(l.resource));
  expect(new Set(files).size).toBe(files.length);
  const liveLeases = r.board.leases.filter((l) => now < epoch(l.expires_at));
  for (const domain of new Set(liveLeases.map((l) => l.domain))) {
    const plain = liveLeases.filter((l) => l.domain === domain && !l.override);
    expect(plain.length, `domain ${domain} over budget without override`).toBeLessThanOrEqual(BUDGET);
  }
  expect([...files].sort()).toEqual(m.leases.map((l) => l.file).sort());
  expect(Object.fromEntries(r.disk)).toEqual(Object.fromEntries(r.board.leases.map((l) => [`.substrate/state/leases/${leaseFileName(l.resource)}`, l])));
  for (const l of r.board.leases) {
    const ml = m.leases.find((x) => x.file === leaseFileName(l.resource));
    expect(l.owner).toBe(ml?.owner);
    expect(epoch(l.expires_at) - T0).toBe(ml?.expires);
    expect(l.override).toBe(ml?.override);
  }
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly seconds: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += this.seconds;
    checkInvariants(m, r);
  }
  toString = () => `advance(${this.seconds})`;
}

class Claim implements fc.Command<Model, Real> {
  constructor(readonly resource: string, readonly owner: string, readonly domain: string, readonly ttl: number, readonly override: boolean, readonly reason: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const file = leaseFileName(this.resource);
    const existing = m.leases.find((l) => l.file === file);
    const from = !existing ? 'free' : m.now < existing.expires ? 'held' : 'expired';
    const count = live(m).filter((l) => l.domain === this.domain).length;
    const expected =
      this.override && this.reason.trim() === '' ? 'lease/override-without-reason'
      : from === 'held' ? 'lease/resource-held'
      : count >= BUDGET && !this.override ? 'lease/budget-exhausted'
      : 'ok';
    const outcome = claimLease(r.board, { resource: this.resource, owner: this.owner, domain: this.domain, ttlSeconds: this.ttl, override: this.override, overrideReason: this.reason }, at(m.now));
    if (expected !== 'ok') {
      expect(refusalCode(outcome)).toBe(expected);
      checkInvariants(m, r);
      return;
    }
    const ok = accepted(outcome);
    expectValidEmissions(ok.emitted);
    expectRow(leaseTransitions, from, 'claim', 'held');
    const lease = ok.emitted[0]?.document as Lease;
    expect(ok.emitted[0]?.path).toBe(`.substrate/state/leases/${file}`);
    expect(epoch(lease.expires_at) - epoch(lease.created_at)).toBe(this.ttl);
    expect(lease.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(lease.override).toBe(count >= BUDGET);
    expect(lease.override_reason).toBe(count >= BUDGET ? this.reason : '');
    expect(ok.replaced ? leaseFileName(ok.replaced.resource) : null).toBe(existing ? file : null);
    m.leases = [...m.leases.filter((l) => l.file !== file), { file, owner: this.owner, domain: this.domain, expires: m.now + this.ttl, override: count >= BUDGET }];
    r.board = deepFreeze(ok.state);
    applyEmissions(r.disk, ok.emitted);
    checkInvariants(m, r);
  }
  toString = () => `claim(${this.resource}, ${this.owner}, ${this.domain}, ${this.ttl}, ${this.override}, ${JSON.stringify(this.reason)})`;
}

class Release implements fc.Command<Model, Real> {
  constructor(readonly resource: string, readonly owner: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const file = leaseFileName(this.resource);
    const existing = m.leases.find((l) => l.file === file);
    const outcome = releaseLease(r.board, { resource: this.resource, owner: this.owner });
    if (!existing) expect(refusalCode(outcome)).toBe('lease/not-held');
    else if (existing.owner !== this.owner) expect(refusalCode(outcome)).toBe('lease/not-owner');
    else {
      const ok = accepted(outcome);
      expectRow(leaseTransitions, m.now < existing.expires ? 'held' : 'expired', 'release', 'free');
      expect(ok.emitted).toEqual([{ action: 'remove', contract: 'Lease', document: ok.released, filename: file, path: `.substrate/state/leases/${file}` }]);
      m.leases = m.leases.filter((l) => l !== existing);
      r.board = deepFreeze(ok.state);
      applyEmissions(r.disk, ok.emitted);
    }
    checkInvariants(m, r);
  }
  toString = () => `release(${this.resource}, ${this.owner})`;
}

class Renew implements fc.Command<Model, Real> {
  constructor(readonly resource: string, readonly owner: string, readonly ttl: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const file = leaseFileName(this.resource);
    const existing = m.leases.find((l) => l.file === file);
    const outcome = renewLease(r.board, { resource: this.resource, owner: this.owner, ttlSeconds: this.ttl }, at(m.now));
    if (!existing) expect(refusalCode(outcome)).toBe('lease/not-held');
    else if (existing.owner !== this.owner) expect(refusalCode(outcome)).toBe('lease/not-owner');
    else if (m.now >= existing.expires) expect(refusalCode(outcome)).toBe('lease/expired');
    else {
      const ok = accepted(outcome);
      expectValidEmissions(ok.emitted);
      expectRow(leaseTransitions, 'held', 'renew', 'held');
      const lease = ok.emitted[0]?.document as Lease;
      expect(lease.created_at).toBe(ok.previous.created_at);
      expect([lease.domain, lease.override, lease.override_reason]).toEqual([ok.previous.domain, ok.previous.override, ok.previous.override_reason]);
      existing.expires = m.now + this.ttl;
      r.board = deepFreeze(ok.state);
      applyEmissions(r.disk, ok.emitted);
    }
    checkInvariants(m, r);
  }
  toString = () => `renew(${this.resource}, ${this.owner}, ${this.ttl})`;
}

class Collect implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real): void {
    const ok = accepted(collectExpiredLeases(r.board, at(m.now)));
    const expired = m.leases.filter((l) => m.now >= l.expires);
    expect(ok.collected.map((l) => leaseFileName(l.resource)).sort()).toEqual(expired.map((l) => l.file).sort());
    for (const l of expired) expect(resourceState(r.board, l.file.replace(/\.json$/, ''), at(m.now))).toBe('expired');
    expect(ok.emitted.map((e) => e.action === 'remove' && e.document)).toEqual(ok.collected);
    m.leases = m.leases.filter((l) => m.now < l.expires);
    r.board = deepFreeze(ok.state);
    applyEmissions(r.disk, ok.emitted);
    checkInvariants(m, r);
  }
  toString = () => 'gc';
}

const commands = [
  fc.integer({ min: 0, max: 2400 }).map((s) => new Advance(s)),
  fc
    .tuple(fc.constantFrom(...RESOURCES), fc.constantFrom(...OWNERS), fc.constantFrom(...DOMAINS), fc.integer({ min: 1, max: 3600 }), fc.boolean(), fc.constantFrom('', '  ', 'release blocker'))
    .map(([res, owner, domain, ttl, override, reason]) => new Claim(res, owner, domain, ttl, override, reason)),
  fc.tuple(fc.constantFrom(...RESOURCES), fc.constantFrom(...OWNERS)).map(([res, owner]) => new Release(res, owner)),
  fc.tuple(fc.constantFrom(...RESOURCES), fc.constantFrom(...OWNERS), fc.integer({ min: 1, max: 3600 })).map(([res, owner, ttl]) => new Renew(res, owner, ttl)),
  fc.constant(new Collect()),
];

describe('lease machine, model-based', () => {
  it('keeps one live lease a resource, the budget, and valid Lease documents', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const board = accepted(createLeaseBoard({ maxLeasesPerDomain: BUDGET })).state;
        fc.modelRun(() => ({ model: { now: 0, leases: [] }, real: { board, disk: new Map() } }), cmds);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
