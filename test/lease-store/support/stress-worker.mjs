// One process of the lease-store stress test: `ops` random operations (0: until killed) on the
// store at `root`, appending every record the store reports under its lock to the journal, one
// JSON line per write(2) on a file opened with O_APPEND. Run from the build (`npx tsup` first).
import { openSync, writeSync } from 'node:fs';
import { openLeaseStore } from '../../../dist/esm/src/node/index.js';

const [root, journalFile, name, opsText, seedText, holdText = '0'] = process.argv.slice(2);
// a slow holder: up to this many ms between reading the folder and changing it, so kills land there too
const holdMs = Number(holdText);
const pause = new Int32Array(new SharedArrayBuffer(4));
const ops = Number(opsText);
let seed = Number(seedText) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

// 'Tool:A' and 'tool:a' share one file, as do 'q y' and 'q_y'
const RESOURCES = ['tool:a', 'Tool:A', 'tool:b', 'repo:main', 'q y', 'q_y', 'db:ledger', 'cache:x'];
const DOMAINS = ['scribe', 'builder', 'watcher'];
const journal = openSync(journalFile, 'a');
let seq = 0;
const log = (entry) => writeSync(journal, `${JSON.stringify({ w: name, pid: process.pid, seq: (seq += 1), ...entry })}\n`);
// waiting is not what this test measures: a loaded machine may keep a process waiting long
const store = openLeaseStore(root, {
  lockTimeoutMs: 120_000,
  onTransition: (record) => {
    log(record);
    if (holdMs > 0 && record.phase === 'intent') {
      process.stdout.write('i');
      Atomics.wait(pause, 0, 0, Math.floor(random() * holdMs));
    }
  },
});
const mine = new Set();

for (let i = 0; ops === 0 || i < ops; i += 1) {
  const roll = random();
  const ttlSeconds = random() < 0.5 ? 1 + Math.floor(random() * 3) : 20 + Math.floor(random() * 40);
  const held = [...mine];
  const resource = held.length > 0 && random() < 0.6 ? pick(held) : pick(RESOURCES);
  let outcome;
  if (roll < 0.4) {
    const override = random() < 0.1;
    outcome = await store.claim({ resource, owner: name, domain: pick(DOMAINS), ttlSeconds, override, overrideReason: override ? 'stress' : '' });
    if (outcome.ok) mine.add(resource);
  } else if (roll < 0.6) {
    outcome = await store.renew({ resource, owner: name, ttlSeconds });
  } else if (roll < 0.85) {
    outcome = await store.release(random() < 0.2 ? { resource } : { resource, owner: name });
    mine.delete(resource);
  } else {
    outcome = await store.collectExpired();
  }
  log({ phase: 'result', ok: outcome.ok, code: outcome.ok ? null : outcome.refusal.code });
  process.stdout.write('.');
}
