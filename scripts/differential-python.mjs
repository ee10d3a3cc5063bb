#!/usr/bin/env node
// `npm run test:python-differential [-- RUNS [SEED]]`: the differential test (TypeScript against
// Python, test/python/differential.test.ts) on a larger number of generated documents than
// `npm test` runs (default 50,000, seed from the clock, printed so a failure can be replayed).
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? '50000';
const seed = process.argv[3] ?? String(Date.now() % 2 ** 31);
console.log(`differential test: ${runs} documents, seed ${seed}`);
const run = spawnSync('npx', ['vitest', 'run', 'test/python/differential.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DIFFERENTIAL_RUNS: runs, DIFFERENTIAL_SEED: seed },
});
process.exit(run.status ?? 1);
