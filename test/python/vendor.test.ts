// `contracts vendor-python DIR` from the built bin: writes the package with its headers, changes
// nothing the second time, removes a file the package no longer has, and the vendored copy imports
// and validates under `python3 -I -S` with DIR on its path.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { contractsBinPath, ensureBuilt, repoRoot, runCli } from '../cli/support/cli.js';
import { PYTHON, pythonPresent } from './support.js';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(join(tmpdir(), 'sourceos-vendor-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 120_000);

const vendor = (...args: string[]) => runCli(['vendor-python', ...args], { cwd: work, bin: contractsBinPath });
const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const snapshot = (dir: string) => new Map(walk(dir).map((f) => [relative(dir, f), { text: readFileSync(f, 'utf8'), mtime: statSync(f).mtimeMs }]));

test('writes every file with the version, the schemas digest and "do not edit"; again, changes nothing', () => {
  const first = vendor('vendor');
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  const target = join(work, 'vendor', 'sourceos_contracts');
  const source = join(repoRoot, 'python', 'src', 'sourceos_contracts');
  const shipped = walk(source).filter((f) => !f.includes('__pycache__') && !f.endsWith('.pyc')).map((f) => relative(source, f)).sort();
  const before = snapshot(target);
  expect([...before.keys()].sort()).toEqual(shipped);
  const digest = /SCHEMAS_DIGEST: Final = "(sha256:[0-9a-f]{64})"/.exec(readFileSync(join(source, 'generated', 'meta.py'), 'utf8'))![1]!;
  for (const [file, { text }] of before) {
    expect(text.split('\n')[0], file).toBe(`# Vendored from @sourceos/contracts ${pkg.version} (schemas ${digest}) by \`contracts vendor-python\`.`);
    expect(text.split('\n')[1], file).toMatch(/^# Do not edit/);
  }
  const second = vendor('vendor');
  expect(second.status).toBe(0);
  expect(second.stdout).toContain('already up to date');
  expect(snapshot(target)).toEqual(before);

  writeFileSync(join(target, 'stale.py'), `${before.get('__init__.py')!.text}`);
  writeFileSync(join(target, 'mine.txt'), 'not vendored\n');
  expect(vendor('vendor').stdout).toContain('1 removed');
  expect(existsSync(join(target, 'stale.py'))).toBe(false);
  expect(existsSync(join(target, 'mine.txt'))).toBe(true);
});

test.runIf(pythonPresent())('the vendored copy imports and validates under python3 -I -S', () => {
  vendor('vendored');
  const script = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(join(work, 'vendored'))})`,
    'import sourceos_contracts as s',
    `doc = json.load(open(${JSON.stringify(join(repoRoot, 'examples', 'valid', 'lease'))} + "/" + sys.argv[1]))`,
    'print(json.dumps([s.__version__, s.__file__, s.validate(doc).ok, s.validate({}).issues[0].code]))',
  ].join('\n');
  const example = readdirSync(join(repoRoot, 'examples', 'valid', 'lease')).find((f) => f !== 'expected.json')!;
  const run = spawnSync(PYTHON, ['-I', '-S', '-c', script, example], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const [version, file, ok, code] = JSON.parse(run.stdout) as [string, string, boolean, string];
  expect(version).toBe(pkg.version);
  expect(file.startsWith(join(work, 'vendored'))).toBe(true);
  expect([ok, code]).toEqual([true, 'contract/unknown']);
});

test('usage errors exit 2', () => {
  expect(vendor().status).toBe(2);
  expect(vendor('a', 'b').status).toBe(2);
  expect(vendor('--nope').status).toBe(2);
});
