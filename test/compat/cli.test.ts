// `contracts compat OLD NEW`, built and run as a user runs it: the JSON report's exact shape, the
// exit codes of --fail-on, 2 for usage errors and unreadable input, the rule registries compared.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contractsBinPath, ensureBuilt, repoRoot, runCli } from '../cli/support/cli.js';

let dir: string;
const contracts = (args: readonly string[]) => runCli(['compat', ...args], { cwd: dir, bin: contractsBinPath });
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const write = (file: string, value: unknown) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'compat-cli-'));
  cpSync(path.join(repoRoot, 'schemas'), path.join(dir, 'old'), { recursive: true });
  cpSync(path.join(repoRoot, 'schemas'), path.join(dir, 'new'), { recursive: true });
  const lease = json('new/lease.schema.json') as { required: string[]; properties: Record<string, unknown>; description: string };
  lease.required.push('holder');
  lease.properties.holder = { type: 'string' };
  write('new/lease.schema.json', lease);
  const signal = json('new/signal.schema.json');
  signal.description = 'Reworded.';
  write('new/signal.schema.json', signal);
  cpSync(path.join(dir, 'old'), path.join(dir, 'patched'), { recursive: true });
  write('patched/signal.schema.json', signal);
  cpSync(path.join(repoRoot, 'generated', 'rule-registry.json'), path.join(dir, 'rules-old.json'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contracts compat', () => {
  test('--format json: the version-1 report, each schema with its paths, class and changes', () => {
    const run = contracts(['old', 'new', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'class', 'schemas']);
    expect(report.version).toBe(1);
    expect(report.class).toBe('major');
    const lease = report.schemas.find((s: { new: string }) => s.new === 'lease.schema.json');
    expect(lease).toEqual({
      id: 'https://schemas.sourceos.dev/contracts/v0/lease.schema.json',
      old: 'lease.schema.json',
      new: 'lease.schema.json',
      class: 'major',
      changes: [
        { pointer: '/required', class: 'major', code: 'required-added', message: '"holder" is required now: an old document without it is rejected' },
        { pointer: '/properties/holder', class: 'minor', code: 'property-added-closed-object', message: 'a new optional property "holder" (the old schema rejected that name)' },
      ],
    });
    expect(report.schemas.find((s: { new: string }) => s.new === 'signal.schema.json')).toMatchObject({ class: 'patch', changes: [{ pointer: '/description', class: 'patch', code: 'annotation-changed' }] });
    expect(report.schemas.filter((s: { class: string }) => s.class === 'none')).toHaveLength(6);
    for (const entry of report.schemas) expect(Object.keys(entry)).toEqual(['id', 'old', 'new', 'class', 'changes']);
  });

  test('pretty: the changed schemas and their changes, then the class', () => {
    const run = contracts(['old', 'new']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('lease.schema.json  major');
    expect(run.stdout).toContain('  major  /required  required-added: "holder" is required now');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('compat: major (8 compared: 1 major, 1 patch, 6 none)');
  });

  test.each([
    [['--fail-on', 'major'], 1],
    [['--fail-on', 'minor'], 1],
    [[], 0],
  ])('a major change with %j: exit %i', (extra, status) => {
    expect(contracts(['old', 'new', ...extra]).status).toBe(status);
  });

  test('a patch change passes --fail-on minor; the same folder twice is none', () => {
    const patched = contracts(['old', 'patched', '--fail-on', 'minor', '--format', 'json']);
    expect(patched.status).toBe(0);
    expect(JSON.parse(patched.stdout).class).toBe('patch');
    expect(contracts(['old', 'patched', '--fail-on', 'major']).status).toBe(0);
    const same = contracts(['old', 'old', '--format', 'json']);
    expect(JSON.parse(same.stdout).class).toBe('none');
  });

  test('added and removed schemas are listed, with null for the side that lacks them', () => {
    const run = contracts(['old/lease.schema.json', 'old/signal.schema.json', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    expect(report.schemas.map((s: { old: string | null; new: string | null; class: string; changes: { code: string }[] }) => [s.old, s.new, s.class, s.changes[0]?.code])).toEqual([
      ['lease.schema.json', null, 'major', 'schema-removed'],
      [null, 'signal.schema.json', 'minor', 'schema-added'],
    ]);
  });

  test('rule registries: a removed code is major, a new warning rule minor', () => {
    const registry = json('rules-old.json') as { codes: Record<string, unknown> };
    const [removed] = Object.keys(registry.codes);
    delete registry.codes[removed!];
    registry.codes['rule/new-warning'] = { kind: 'rule', contract: 'Lease', severity: 'warning', location: 'code', statement: 's', why: 'w' };
    write('rules-new.json', registry);
    const run = contracts(['old', 'old', '--old-rules', 'rules-old.json', '--new-rules', 'rules-new.json', '--format', 'json']);
    const entry = JSON.parse(run.stdout).schemas.at(-1);
    expect(entry).toMatchObject({ id: 'rule-registry', old: 'rules-old.json', new: 'rules-new.json', class: 'major' });
    expect(entry.changes.map((c: { code: string; class: string }) => [c.code, c.class])).toEqual([
      ['issue-code-removed', 'major'],
      ['warning-rule-added', 'minor'],
    ]);
  });

  test.each([
    [['old'], 'OLD and NEW are required'],
    [['old', 'new', '--format', 'xml'], '--format: expected one of pretty, json'],
    [['old', 'new', '--fail-on', 'patch'], '--fail-on: expected minor or major'],
    [['old', 'new', '--old-rules', 'rules-old.json'], '--old-rules and --new-rules go together'],
    [['old', 'missing'], 'cannot read'],
    [['old', 'rules-old.json', '--bogus'], 'Unknown option'],
  ])('%j: exit 2 and says what is wrong', (args, message) => {
    const run = contracts(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('a file that is not JSON, or not a schema: exit 2', () => {
    writeFileSync(path.join(dir, 'broken.json'), '{ nope');
    writeFileSync(path.join(dir, 'number.json'), '3');
    expect(contracts(['old', 'broken.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not JSON') });
    expect(contracts(['number.json', 'old'])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a JSON Schema') });
    expect(contracts(['old', 'old', '--old-rules', 'number.json', '--new-rules', 'number.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a rule registry') });
  });

  test('--help: exit 0', () => {
    expect(contracts(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: contracts compat OLD NEW') });
  });
});
