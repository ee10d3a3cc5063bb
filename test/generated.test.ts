// `npm run check:generated` fails, naming the command to run, when a generated file differs,
// is missing, or when a generated folder holds a file no step writes.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from './support/valid-examples.js';

let copy: string;
const check = () => spawnSync(process.execPath, [join(copy, 'scripts', 'check-generated.mjs')], { encoding: 'utf8' });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'sourceos-check-generated-'));
  for (const dir of ['schemas', 'scripts', 'generated', 'python', 'examples', 'src', 'docs', 'package.json', 'contracts-config.schema.json']) {
    try {
      cpSync(join(repoRoot, dir), join(copy, dir), { recursive: true });
    } catch {
      // a folder that does not exist yet has nothing to check
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('check:generated', () => {
  test('passes on the checked-in files', () => {
    const run = check();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('fails on an edited generated file, naming the command', () => {
    const file = join(copy, 'generated', 'types', 'lease.ts');
    appendFileSync(file, '// edited by hand\n');
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('differs: generated/types/lease.ts');
    expect(run.stderr).toContain('npm run generate');
  });

  test('fails on a stale or untracked file in a generated folder, and on a missing one', () => {
    writeFileSync(join(copy, 'generated', 'types', 'stale.ts'), 'export {};\n');
    unlinkSync(join(copy, 'generated', 'validators', 'signal.js'));
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not generated: generated/types/stale.ts');
    expect(run.stderr).toContain('missing: generated/validators/signal.js');
  });
});
