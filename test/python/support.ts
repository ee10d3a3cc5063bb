// The Python interpreters the Python package's tests run: `python3` on PATH (standard library only,
// run with -I -S) and Debian's /usr/bin/python3 for its python3-mypy. Under CI a missing one fails;
// elsewhere the tests that need it skip with a message.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const pythonRoot = join(repoRoot, 'python');
export const PYTHON = 'python3';
export const DEBIAN_PYTHON = '/usr/bin/python3';

const works = (python: string, ...args: string[]) => spawnSync(python, [...args, '-c', 'import sys; sys.exit(0)'], { encoding: 'utf8' }).status === 0;

/** Whether `python3` is there; under CI its absence throws, elsewhere it is reported and tests skip. */
export function pythonPresent(): boolean {
  if (works(PYTHON, '-I', '-S')) return true;
  if (process.env.CI) throw new Error('python3 is required under CI and is missing');
  console.warn('[python] tests of the Python package skipped: no python3 on PATH');
  return false;
}

/** Whether Debian's python3 with python3-mypy is there (CI installs it). */
export function mypyPresent(): boolean {
  if (existsSync(DEBIAN_PYTHON) && spawnSync(DEBIAN_PYTHON, ['-m', 'mypy', '--version'], { encoding: 'utf8' }).status === 0) return true;
  if (process.env.CI) throw new Error('/usr/bin/python3 -m mypy (python3-mypy) is required under CI and is missing');
  console.warn('[python] mypy test skipped: apt-get install -y python3-mypy');
  return false;
}
