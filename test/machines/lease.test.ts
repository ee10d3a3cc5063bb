// Example-based tests of the lease machine: the estate's own lease reproduced, the expiry edge,
// owner-only release, the budget and its override, and every refusal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lease } from '../../generated/types/index.js';
import { claimLease, collectExpiredLeases, createLeaseBoard, leaseFileName, liveLeasesOf, releaseLease, renewLease, resourceState, type LeaseBoard } from '../../src/index.js';
import { corpusJson } from '../support/conformance.js';
import { repoRoot } from '../support/valid-examples.js';
import { accepted, answerRefusal, expectValidEmissions, refusalCode } from './support.js';

/** The estate's lease, from the conformance corpus beside the repository (its test skips without it). */
const estateLease = corpusJson<Lease>('nosos-protocol', '.substrate', 'state', 'leases', 'tool:githubwatch.json');
/** A lease on disk: the estate's, or else an example in its image. */
const diskLease: Lease = estateLease ?? (JSON.parse(readFileSync(join(repoRoot, 'examples', 'valid', 'lease', 'builder-claim.json'), 'utf8')) as Lease);
const empty = (): LeaseBoard => accepted(createLeaseBoard()).state;
const claim = (board: LeaseBoard, resource: string, domain: string, now: string, extra: object = {}) =>
  claimLease(board, { resource, owner: domain, domain, ...extra }, now);

describe('claimLease', () => {
  it.runIf(estateLease)('writes the estate lease exactly as oxygen did, at its file', () => {
    const ok = accepted(claimLease(empty(), { resource: 'tool:githubwatch', owner: 'scribe', domain: 'scribe' }, '2026-01-30T06:01:33Z'));
    expect(ok.emitted).toHaveLength(1);
    expect(ok.emitted[0]?.document).toEqual(estateLease);
    expect(JSON.stringify(ok.emitted[0]?.document)).toBe(JSON.stringify(Object.fromEntries(Object.entries(estateLease as Lease).sort())));
    expect(ok.emitted[0]?.path).toBe('.substrate/state/leases/tool:githubwatch.json');
    expectValidEmissions(ok.emitted);
  });

  it('drops a fraction of a second and writes UTC', () => {
    const ok = accepted(claimLease(empty(), { resource: 'r', owner: 'o', domain: 'd', ttlSeconds: 60 }, '2026-01-30T07:01:33.999+01:00'));
    const lease = ok.emitted[0]?.document as Lease;
    expect([lease.created_at, lease.expires_at]).toEqual(['2026-01-30T06:01:33Z', '2026-01-30T06:02:33Z']);
  });

  it('refuses a held resource until now >= expires_at, then replaces the expired lease', () => {
    const board = accepted(claim(empty(), 'tool:x', 'scribe', '2026-01-30T06:00:00Z', { ttlSeconds: 60 })).state;
    expect(refusalCode(claim(board, 'tool:x', 'builder', '2026-01-30T06:00:59Z'))).toBe('lease/resource-held');
    expect(refusalCode(claim(board, 'TOOL:X', 'builder', '2026-01-30T06:00:59Z'))).toBe('lease/resource-held');
    const ok = accepted(claim(board, 'tool:x', 'builder', '2026-01-30T06:01:00Z'));
    expect(ok.replaced?.owner).toBe('scribe');
    expect(ok.state.leases.map((l) => l.owner)).toEqual(['builder']);
  });

  it('refuses the third live lease of a domain unless it overrides with a reason', () => {
    let board = empty();
    for (const r of ['a', 'b']) board = accepted(claim(board, r, 'builder', '2026-01-30T06:00:00Z')).state;
    expect(refusalCode(claim(board, 'c', 'builder', '2026-01-30T06:00:00Z'))).toBe('lease/budget-exhausted');
    expect(refusalCode(claim(board, 'c', 'builder', '2026-01-30T06:00:00Z', { override: true }))).toBe('lease/override-without-reason');
    expect(refusalCode(claim(board, 'c', 'builder', '2026-01-30T06:00:00Z', { override: true, overrideReason: ' ' }))).toBe('lease/override-without-reason');
    const ok = accepted(claim(board, 'c', 'builder', '2026-01-30T06:00:00Z', { override: true, overrideReason: 'hotfix' }));
    expect(ok.emitted[0]?.document).toMatchObject({ override: true, override_reason: 'hotfix' });
    expectValidEmissions(ok.emitted);
    // another domain has its own budget
    accepted(claim(board, 'c', 'scribe', '2026-01-30T06:00:00Z'));
  });

  it('records no override when the budget had room', () => {
    const ok = accepted(claim(empty(), 'a', 'builder', '2026-01-30T06:00:00Z', { override: true, overrideReason: 'just in case' }));
    expect(ok.emitted[0]?.document).toMatchObject({ override: false, override_reason: '' });
  });

  it('counts only live leases against the budget', () => {
    let board = empty();
    for (const r of ['a', 'b']) board = accepted(claim(board, r, 'builder', '2026-01-30T06:00:00Z', { ttlSeconds: 10 })).state;
    accepted(claim(board, 'c', 'builder', '2026-01-30T06:00:10Z'));
  });

  it('refuses bad input with stable codes', () => {
    expect(refusalCode(claim(empty(), 'a', 'b', 'yesterday'))).toBe('lease/invalid-now');
    expect(refusalCode(claim(empty(), 'a', 'b', '2026-02-30T00:00:00Z'))).toBe('lease/invalid-now');
    expect(refusalCode(claim(empty(), ' ', 'b', '2026-01-30T06:00:00Z'))).toBe('lease/invalid-claim');
    for (const ttlSeconds of [0, -5, 1.5, Number.NaN, 1e15]) {
      expect(refusalCode(claim(empty(), 'a', 'b', '2026-01-30T06:00:00Z', { ttlSeconds }))).toBe('lease/invalid-ttl');
    }
  });
});

describe('releaseLease and collectExpiredLeases', () => {
  const board = accepted(claim(empty(), 'tool:x', 'scribe', '2026-01-30T06:00:00Z', { ttlSeconds: 60 })).state;

  it('lets only the owner release, expired or not', () => {
    expect(refusalCode(releaseLease(board, { resource: 'tool:x', owner: 'builder' }))).toBe('lease/not-owner');
    expect(refusalCode(releaseLease(board, { resource: 'tool:y', owner: 'scribe' }))).toBe('lease/not-held');
    const ok = accepted(releaseLease(board, { resource: 'Tool:X', owner: 'scribe' }));
    expect(ok.released.resource).toBe('tool:x');
    expect(ok.state.leases).toEqual([]);
  });

  it('tells where a resource stands, with now as RFC 3339 or as epoch seconds', () => {
    const expiry = Date.parse('2026-01-30T06:01:00Z') / 1000;
    expect([resourceState(board, 'tool:x', '2026-01-30T06:00:59Z'), resourceState(board, 'tool:x', expiry - 1), resourceState(board, 'tool:x', expiry)]).toEqual(['held', 'held', 'expired']);
    expect(resourceState(board, 'tool:y', '2026-01-30T06:00:00Z')).toBe('free');
    expect([resourceState(board, 'tool:x', 'noon'), resourceState(board, 'tool:x', 1.5), liveLeasesOf(board, 'scribe', 1.5)].map(answerRefusal)).toEqual(['lease/invalid-now', 'lease/invalid-now', 'lease/invalid-now']);
    const live = liveLeasesOf(board, 'scribe', '2026-01-30T06:00:59Z');
    expect(Array.isArray(live) && live.map((l) => l.resource)).toEqual(['tool:x']);
    expect(liveLeasesOf(board, 'scribe', '2026-01-30T06:01:00Z')).toEqual([]);
  });

  it('collects exactly the leases with now >= expires_at', () => {
    expect(accepted(collectExpiredLeases(board, '2026-01-30T06:00:59Z')).collected).toEqual([]);
    const ok = accepted(collectExpiredLeases(board, '2026-01-30T06:01:00Z'));
    expect(ok.collected.map((l) => l.resource)).toEqual(['tool:x']);
    expect(ok.state.leases).toEqual([]);
  });
});

describe('renewLease', () => {
  const board = accepted(claim(empty(), 'tool:x', 'scribe', '2026-01-30T06:00:00Z', { ttlSeconds: 60 })).state;

  it('moves expires_at for the owner of a live lease and keeps created_at', () => {
    const ok = accepted(renewLease(board, { resource: 'TOOL:X', owner: 'scribe', ttlSeconds: 120 }, '2026-01-30T06:00:30Z'));
    expect(ok.emitted[0]?.document).toMatchObject({ created_at: '2026-01-30T06:00:00Z', expires_at: '2026-01-30T06:02:30Z', ttl_seconds: 150 });
    expect(ok.emitted[0]?.path).toBe('.substrate/state/leases/tool:x.json');
    expect(ok.previous.expires_at).toBe('2026-01-30T06:01:00Z');
    expect(ok.state.leases).toEqual([ok.emitted[0]?.document]);
    expectValidEmissions(ok.emitted);
    expect(accepted(renewLease(board, { resource: 'tool:x', owner: 'scribe' }, '2026-01-30T06:00:30Z')).emitted[0]?.document).toMatchObject({ expires_at: '2026-01-30T06:30:30Z' });
  });

  it('refuses another owner, an expired lease, a missing one, a bad ttl or now', () => {
    expect(refusalCode(renewLease(board, { resource: 'tool:x', owner: 'builder' }, '2026-01-30T06:00:30Z'))).toBe('lease/not-owner');
    expect(refusalCode(renewLease(board, { resource: 'tool:x', owner: 'scribe' }, '2026-01-30T06:01:00Z'))).toBe('lease/expired');
    expect(refusalCode(renewLease(board, { resource: 'tool:y', owner: 'scribe' }, '2026-01-30T06:00:30Z'))).toBe('lease/not-held');
    expect(refusalCode(renewLease(board, { resource: 'tool:x', owner: 'scribe', ttlSeconds: 0 }, '2026-01-30T06:00:30Z'))).toBe('lease/invalid-ttl');
    expect(refusalCode(renewLease(board, { resource: 'tool:x', owner: 'scribe' }, 'soon'))).toBe('lease/invalid-now');
  });
});

describe('createLeaseBoard and leaseFileName', () => {
  it('loads the leases on disk and refuses a board that cannot be', () => {
    expect(accepted(createLeaseBoard({ leases: [diskLease] })).state.leases).toEqual([diskLease]);
    expect(refusalCode(createLeaseBoard({ leases: [diskLease, { ...diskLease, resource: diskLease.resource.toUpperCase() }] }))).toBe('lease/invalid-board');
    expect(refusalCode(createLeaseBoard({ leases: [{ ...diskLease, ttl_seconds: 5 }] }))).toBe('lease/invalid-board');
    expect(refusalCode(createLeaseBoard({ maxLeasesPerDomain: -1 }))).toBe('lease/invalid-board');
  });

  it('names files as the oxygen protocol does', () => {
    expect(leaseFileName('tool:githubwatch')).toBe('tool:githubwatch.json');
    expect(leaseFileName('  Repo/Main Branch!! ')).toBe('repo_main_branch_.json');
    expect(leaseFileName('///')).toBe('_.json');
    expect(leaseFileName('')).toBe('resource.json');
    expect(leaseFileName('x'.repeat(300))).toBe(`${'x'.repeat(180)}.json`);
  });
});
