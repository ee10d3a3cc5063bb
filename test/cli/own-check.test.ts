// This repository's own check: `npx validate-contracts` at its root, as the README tells a new
// contributor, exits 0 with no warning, on any day. The .contractsignore leaves out the documents
// that are test data for warnings and errors (and the example leases, which expire by the clock).
import { beforeAll, expect, test } from 'vitest';
import { ensureBuilt, repoRoot, runCli } from './support/cli.js';

beforeAll(() => ensureBuilt());

const summaryAt = (now?: string) => {
  const run = runCli(['--format', 'json', ...(now ? ['--now', now] : [])], { cwd: repoRoot });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout).summary as { documents: number; errors: number; warnings: number };
};

test('no error and no warning today, and the same report long after every example lease has expired', () => {
  const today = summaryAt();
  expect(today.documents).toBeGreaterThanOrEqual(40);
  expect([today.errors, today.warnings]).toEqual([0, 0]);
  expect(summaryAt('2999-12-31T23:59:59Z')).toEqual(today);
  expect(summaryAt('1970-01-01T00:00:00Z')).toEqual(today);
});
