// The lease store on a real folder, in one process: the files it writes (bytes, mode, names), what
// it refuses, the budget file, files that are not leases, and the lock: a dead holder's lock is
// taken at once, a live holder's is waited for, a stale one is taken, and a holder whose lock was
// taken can change nothing (fencing).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leaseFileName } from '../../src/index.js';
import { leaseStoreRefusals, openLeaseStore, pythonJson, scan } from '../../src/node/index.js';
import { acquireLock } from '../../src/node/lease-store/lock.js';
import { corpusPresent, corpusRoot } from '../support/conformance.js';

/** The estate's lease file, beside the repository (the byte comparison skips without it, and is required under CI). */
const estateLease = corpusPresent() ? path.join(corpusRoot, 'nosos-protocol', '.substrate', 'state', 'leases', 'tool:githubwatch.json') : undefined;
let root: string;
let dir: string;
const clock = (t: string) => ({ now: () => t });
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'lease-store-'));
  dir = path.join(root, '.substrate', 'state', 'leases');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const budget = (text: string) => {
  mkdirSync(path.join(root, '.substrate', 'constants'), { recursive: true });
  writeFileSync(path.join(root, '.substrate', 'constants', 'budgets.yaml'), text);
};

describe('pythonJson', () => {
  const python = spawnSync('python3', ['-c', 'print(1)']).status === 0;
  it.skipIf(!python)('writes what json.dumps(indent=2, sort_keys=True) writes, byte for byte', () => {
    const value = { b: 1, a: [1, { z: 'é😀\u007f\n"\\\u0001', '10': true, '2': null, Z: [] }], c: {}, 'ü': 'x', '\uffff': 1, '\u{10000}': 2 };
    const script = 'import json,sys; print(json.dumps(json.load(sys.stdin), indent=2, sort_keys=True))';
    const expected = execFileSync('python3', ['-c', script], { input: JSON.stringify(value) }).toString();
    expect(`${pythonJson(value)}\n`).toBe(expected);
  });
});

describe('the lease store', () => {
  it('writes the estate lease byte for byte, mode 0600, and validate-contracts accepts it', async () => {
    const store = openLeaseStore(root, clock('2026-01-30T06:01:33Z'));
    const ok = await store.claim({ resource: 'tool:githubwatch', owner: 'scribe', domain: 'scribe' });
    expect(ok.ok).toBe(true);
    const file = path.join(dir, 'tool:githubwatch.json');
    if (estateLease) expect(readFileSync(file, 'utf8')).toBe(readFileSync(estateLease, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['tool:githubwatch.json']);
    await store.claim({ resource: 'Ünïcode Ресурс', owner: 'scribe', domain: 'scribe', override: true, overrideReason: 'naïve' });
    expect(readFileSync(path.join(dir, leaseFileName('Ünïcode Ресурс')), 'utf8')).toContain('"resource": "\\u00dcn\\u00efcode \\u0420\\u0435\\u0441\\u0443\\u0440\\u0441"');
    const result = await scan({ paths: [root], cwd: root, retention: 'all' });
    expect(result.documents.map((d) => [d.contract, d.ok])).toEqual([['Lease', true], ['Lease', true]]);
  });

  it('claims, renews, releases and collects as the machine decides, reading the time under the lock', async () => {
    const at = (t: string) => openLeaseStore(root, clock(t));
    expect((await at('2026-01-30T06:00:00Z').claim({ resource: 'r', owner: 'a', domain: 'd', ttlSeconds: 60 })).ok).toBe(true);
    const held = await at('2026-01-30T06:00:30Z').claim({ resource: 'R', owner: 'b', domain: 'd' });
    expect(held.ok || held.refusal.code).toBe('lease/resource-held');
    const renewed = await at('2026-01-30T06:00:30Z').renew({ resource: 'r', owner: 'a', ttlSeconds: 60 });
    expect(renewed.ok && renewed.lease.expires_at).toBe('2026-01-30T06:01:30Z');
    const notOwner = await at('2026-01-30T06:00:40Z').release({ resource: 'r', owner: 'b' });
    expect(notOwner.ok || notOwner.refusal.code).toBe('lease/not-owner');
    const gcEarly = await at('2026-01-30T06:01:29Z').collectExpired();
    expect(gcEarly.ok && gcEarly.collected).toEqual([]);
    const replaced = await at('2026-01-30T06:01:30Z').claim({ resource: 'r', owner: 'b', domain: 'd' });
    expect(replaced.ok && replaced.replaced?.owner).toBe('a');
    // without --owner, as scripts/oxygen, whatever lease is there
    const released = await at('2026-01-30T06:02:00Z').release({ resource: 'r' });
    expect(released.ok && released.released.owner).toBe('b');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads the budget from budgets.yaml, under budgets: or at the top, and never opens a FIFO', async () => {
    budget('budgets:\n  max_leases_per_domain: 1\n');
    const store = openLeaseStore(root, clock('2026-01-30T06:00:00Z'));
    expect((await store.claim({ resource: 'a', owner: 'o', domain: 'd' })).ok).toBe(true);
    const over = await store.claim({ resource: 'b', owner: 'o', domain: 'd' });
    expect(over.ok || over.refusal.code).toBe('lease/budget-exhausted');
    const forced = await store.claim({ resource: 'b', owner: 'o', domain: 'd', override: true, overrideReason: 'release day' });
    expect(forced.ok && forced.lease).toMatchObject({ override: true, override_reason: 'release day' });
    budget('max_leases_per_domain: 3\n');
    expect((await store.claim({ resource: 'c', owner: 'o', domain: 'd' })).ok).toBe(true);
    rmSync(path.join(root, '.substrate', 'constants', 'budgets.yaml'));
    execFileSync('mkfifo', [path.join(root, '.substrate', 'constants', 'budgets.yaml')]);
    const fifo = await store.claim({ resource: 'e', owner: 'o', domain: 'x' });
    expect(fifo.ok).toBe(true);
  });

  it('leaves a file that is not a valid lease alone and refuses to act on its resource', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'torn.json'), '{"resource": "torn", "ow');
    const valid = { created_at: '2026-01-30T06:00:00Z', domain: 'd', expires_at: '2026-01-30T06:00:01Z', override: false, override_reason: '', owner: 'o', resource: 'somewhere', ttl_seconds: 1 };
    writeFileSync(path.join(dir, 'elsewhere.json'), JSON.stringify(valid));
    const store = openLeaseStore(root, clock('2026-01-30T06:00:00Z'));
    const claim = await store.claim({ resource: 'torn', owner: 'o', domain: 'd' });
    expect(claim.ok || claim.refusal.code).toBe('lease-store/unreadable-lease');
    expect(store.list().unreadable.map((u) => u.file)).toEqual(['elsewhere.json', 'torn.json']);
    expect((await store.collectExpired()).ok).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['elsewhere.json', 'torn.json']);
  });

  it('never overwrites or removes a file a lock-less writer (scripts/oxygen) put there meanwhile', async () => {
    const foreign = (resource: string) => `${JSON.stringify({ created_at: '2026-01-30T06:00:00Z', domain: 'd', expires_at: '2026-01-30T06:30:00Z', override: false, override_reason: '', owner: 'oxygen', resource, ttl_seconds: 1800 }, null, 2)}\n`;
    const store = (write: () => void) => openLeaseStore(root, { ...clock('2026-01-30T06:00:00Z'), onTransition: (r) => r.phase === 'intent' && write() });
    const claim = await store(() => writeFileSync(path.join(dir, 'r.json'), foreign('r'))).claim({ resource: 'r', owner: 'o', domain: 'd' });
    expect(claim.ok || claim.refusal.code).toBe('lease-store/changed-on-disk');
    expect(readFileSync(path.join(dir, 'r.json'), 'utf8')).toBe(foreign('r'));
    await openLeaseStore(root, clock('2026-01-30T06:00:00Z')).claim({ resource: 's', owner: 'o', domain: 'd' });
    const release = await store(() => writeFileSync(path.join(dir, 's.json'), foreign('s'))).release({ resource: 's', owner: 'o' });
    expect(release.ok || release.refusal.code).toBe('lease-store/changed-on-disk');
    expect(readFileSync(path.join(dir, 's.json'), 'utf8')).toBe(foreign('s'));
  });

  it('has a refusal table entry for every store code', () => {
    for (const code of Object.keys(leaseStoreRefusals)) expect(code).toMatch(/^lease-store\/[a-z-]+$/);
  });
});

describe('the lock', () => {
  const options = { staleMs: 10_000, timeoutMs: 300 };
  const lockOf = (owner: object) => {
    mkdirSync(path.join(dir, '.lock', 'someone'), { recursive: true });
    writeFileSync(path.join(dir, '.lock', 'owner'), JSON.stringify(owner));
  };

  it('is taken at once from a dead process of this host', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    lockOf({ pid: Number(dead), host: hostname(), token: 'someone', time: Date.now() });
    const lock = await acquireLock(dir, options);
    expect(lock).not.toBeNull();
    lock?.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is waited for while a live process holds it, then given up with lease-store/lock-timeout', async () => {
    lockOf({ pid: process.ppid, host: hostname(), token: 'someone', time: Date.now() });
    expect(await acquireLock(dir, options)).toBeNull();
    const outcome = await openLeaseStore(root, { lockTimeoutMs: 200 }).claim({ resource: 'r', owner: 'o', domain: 'd' });
    expect(outcome.ok || outcome.refusal.code).toBe('lease-store/lock-timeout');
    expect(readdirSync(dir)).toEqual(['.lock']);
  });

  it('is taken once older than the stale timeout, whoever holds it', async () => {
    lockOf({ pid: process.ppid, host: 'elsewhere', token: 'someone', time: Date.now() - 11_000 });
    const then = new Date(Date.now() - 11_000);
    utimesSync(path.join(dir, '.lock'), then, then);
    const lock = await acquireLock(dir, options);
    expect(lock).not.toBeNull();
    lock?.release();
  });

  it('fences a holder whose lock was taken: none of its changes lands', async () => {
    let thefts = 0;
    const store = openLeaseStore(root, {
      ...clock('2026-01-30T06:00:00Z'),
      onTransition: (r) => {
        // another process judges the lock stale and renames it away, just before the write
        if (r.phase === 'intent') renameSync(path.join(dir, '.lock'), path.join(dir, `.lock.stale-test${(thefts += 1)}`));
      },
    });
    const outcome = await store.claim({ resource: 'r', owner: 'o', domain: 'd' });
    expect(outcome.ok || outcome.refusal.code).toBe('lease-store/lock-lost');
    expect(thefts).toBe(3);
    expect(readdirSync(dir).filter((n) => n.endsWith('.json'))).toEqual([]);
  });
});
