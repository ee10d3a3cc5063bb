// The generated types under `mypy --strict` (Debian's python3-mypy): the package and a consumer
// snippet pass; a snippet of mistakes gets exactly the errors marked `# E:` on its lines.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { DEBIAN_PYTHON, mypyPresent, pythonRoot } from './support.js';

const cache = mkdtempSync(join(tmpdir(), 'sourceos-mypy-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const mypy = (...files: string[]) =>
  spawnSync(DEBIAN_PYTHON, ['-m', 'mypy', '--strict', '--no-error-summary', '--cache-dir', cache, ...files], {
    cwd: pythonRoot,
    encoding: 'utf8',
    env: { ...process.env, MYPYPATH: 'src' },
    timeout: 300_000,
  });

const available = mypyPresent();

test.runIf(available)('mypy --strict passes on the package and a consumer snippet', () => {
  const run = mypy('src/sourceos_contracts', 'tests/typed/consumer.py');
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 300_000);

test.runIf(available)('mypy --strict finds each mistake of the snippet of mistakes', () => {
  const file = 'tests/typed/consumer_errors.py';
  const marked = readFileSync(join(pythonRoot, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.includes('# E:') ? [i + 1] : []));
  const run = mypy(file);
  const lines = [...run.stdout.matchAll(/^tests\/typed\/consumer_errors\.py:(\d+): error:/gm)].map((m) => Number(m[1]));
  expect(marked.length).toBeGreaterThan(2);
  expect(lines).toEqual(marked);
}, 300_000);
