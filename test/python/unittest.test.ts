// The Python package's own tests (python/tests/, standard library unittest), run the way the
// README says: `cd python && python3 -I -S -m unittest discover -s tests -t .`.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { PYTHON, pythonPresent, pythonRoot } from './support.js';

test.runIf(pythonPresent())('python/tests pass under python3 -I -S (standard library only)', () => {
  const run = spawnSync(PYTHON, ['-I', '-S', '-m', 'unittest', 'discover', '-s', 'tests', '-t', '.'], { cwd: pythonRoot, encoding: 'utf8', timeout: 300_000 });
  expect(run.stderr, run.stderr).toMatch(/\nOK( \(skipped=\d+\))?\n?$/);
  expect(run.status).toBe(0);
}, 300_000);
