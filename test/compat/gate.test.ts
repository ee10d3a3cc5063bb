// The release gate, `npm run check:compat`, in a copy of this repository as a release leaves it (the
// baseline just refreshed by scripts/compat-baseline.mjs, no pending changeset): unchanged, it passes;
// a new required property on a contract with only a patch changeset fails naming that contract and
// the changeset to write; a changeset that bumps enough under the 0.x rule passes; a new warning
// rule needs a patch bump while 0.x, a removed issue code a minor one.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..', '..');
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(path.join(os.tmpdir(), 'compat-gate-'));
  for (const entry of ['package.json', 'schemas', 'src', 'generated', 'scripts', 'compat-baseline', '.changeset']) cpSync(path.join(repo, entry), path.join(copy, entry), { recursive: true });
  symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'));
  for (const f of readdirSync(path.join(copy, '.changeset'))) if (f.endsWith('.md') && f !== 'README.md') rmSync(path.join(copy, '.changeset', f));
  // as `npm run release` leaves it: the baseline is what was just released
  const refresh = spawnSync(process.execPath, [path.join(copy, 'scripts', 'compat-baseline.mjs')], { cwd: copy, encoding: 'utf8' });
  if (refresh.status !== 0) throw new Error(`compat-baseline.mjs failed: ${refresh.stderr}`);
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

const gate = () => spawnSync(process.execPath, [path.join(copy, 'scripts', 'check-compat.mjs')], { cwd: copy, encoding: 'utf8', timeout: 120_000 });
const changeset = (name: string, bump: string, quote = "'") => writeFileSync(path.join(copy, '.changeset', `${name}.md`), `---\n${quote}@sourceos/contracts${quote}: ${bump}\n---\n\nWhat changed.\n`);
const edit = (file: string, change: (json: Record<string, any>) => void) => {
  const at = path.join(copy, file);
  const json = JSON.parse(readFileSync(at, 'utf8'));
  change(json);
  writeFileSync(at, `${JSON.stringify(json, null, 2)}\n`);
};
const requireHolder = () =>
  edit('schemas/lease.schema.json', (s) => {
    s.required.push('holder');
    s.properties.holder = { type: 'string' };
  });

describe('npm run check:compat', () => {
  test('the unchanged repository, with no changeset: exit 0', () => {
    const run = gate();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('the contracts changed: none');
  });

  test('a new required property with only a patch changeset: exit 1, naming the contract, the change and the changeset to write', () => {
    requireHolder();
    changeset('small-fix', 'patch');
    const run = gate();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('lease.schema.json (https://schemas.sourceos.dev/contracts/v0/lease.schema.json): major');
    expect(run.stderr).toContain('/required  required-added: "holder" is required now');
    expect(run.stderr).toContain('.changeset/small-fix.md patch');
    expect(run.stderr).toContain("'@sourceos/contracts': minor");
  });

  test('the same with a minor changeset (enough under 0.x): exit 0', () => {
    requireHolder();
    changeset('small-fix', 'patch');
    changeset('holder-required', 'minor', '"');
    expect(gate().status).toBe(0);
  });

  test('a changeset of the fixed group (validate-contracts) counts', () => {
    requireHolder();
    writeFileSync(path.join(copy, '.changeset', 'alias.md'), "---\nvalidate-contracts: minor\n---\n\nWhat changed.\n");
    expect(gate().status).toBe(0);
  });

  test('a new optional property (minor class) needs a patch bump while 0.x', () => {
    edit('schemas/lease.schema.json', (s) => {
      s.properties.note = { type: 'string' };
    });
    expect(gate().status).toBe(1);
    changeset('note', 'patch');
    expect(gate().status).toBe(0);
  });

  test('from 1.0.0 on, a major-class change needs a major bump', () => {
    edit('package.json', (p) => {
      p.version = '1.2.3';
    });
    requireHolder();
    changeset('holder', 'minor');
    const run = gate();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("'@sourceos/contracts': major");
  });

  test('the rule registry: a removed issue code needs a minor bump while 0.x', () => {
    edit('generated/rule-registry.json', (r) => {
      delete r.codes['parse/empty'];
    });
    changeset('fix', 'patch');
    const run = gate();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/codes/parse~1empty  issue-code-removed');
  });

  test('no baseline: exit 2', () => {
    rmSync(path.join(copy, 'compat-baseline'), { recursive: true });
    const run = gate();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('scripts/compat-baseline.mjs');
  });
});
