// The output formats of the built CLI, end to end: SARIF that validates against the SARIF 2.1.0
// schema (and, where the SARIF Multitool is installed, passes its `validate` verb), GitHub
// workflow commands, the pretty report's colour rules, and the small commands.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prepareCase, type PreparedCase } from './support/case-setup.js';
import { ensureBuilt, repoRoot, runCli } from './support/cli.js';

const casesDir = path.join(import.meta.dirname, 'cases');
let folder: PreparedCase;

beforeAll(() => {
  ensureBuilt();
  // a folder with errors and warnings of several kinds, parse and schema and scan issues alike
  folder = prepareCase(path.join(casesDir, 'schema-violations'));
  for (const name of ['malformed-json', 'duplicate-key-revocable', 'repeated-signal-ids']) {
    const more = prepareCase(path.join(casesDir, name));
    spawnSync('cp', ['-R', `${more.root}/.`, folder.root]);
    rmSync(more.base, { recursive: true, force: true });
  }
});
afterAll(() => rmSync(folder.base, { recursive: true, force: true }));

/** Format checks for the formats the SARIF schema uses (ajv-formats is not a dependency of this package). */
function addFormats(ajv: InstanceType<typeof Ajv2020>): void {
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/') && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s));
  ajv.addFormat('email', true);
  ajv.addFormat('uuid', (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s));
}

describe('--format sarif', () => {
  test('validates against the SARIF 2.1.0 schema, one rule per issue code, relative URIs', () => {
    const run = runCli(['--format', 'sarif', '.'], { cwd: folder.root });
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout);
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const json = JSON.parse(runCli(['--format', 'json', '.'], { cwd: folder.root }).stdout);
    const issues = json.documents.flatMap((d: { file: string; issues: { code: string; line: number; column: number; severity: string }[] }) =>
      d.issues.map((i) => ({ ...i, file: d.file })),
    );
    const run0 = sarif.runs[0];
    expect(run0.results).toHaveLength(issues.length);
    const codes = [...new Set(issues.map((i: { code: string }) => i.code))].sort();
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual(codes);
    for (const rule of run0.tool.driver.rules) expect(rule.fullDescription.text.length).toBeGreaterThan(10);
    for (const [i, result] of run0.results.entries()) {
      const issue = issues[i];
      const location = result.locations[0].physicalLocation;
      expect(result.ruleId).toBe(issue.code);
      expect(run0.tool.driver.rules[result.ruleIndex].id).toBe(issue.code);
      expect(result.level).toBe(issue.severity);
      expect(location.artifactLocation.uri).toBe(issue.file);
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(location.region).toEqual({ startLine: issue.line, startColumn: issue.column });
    }
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  const multitool = process.env.SARIF_MULTITOOL ?? path.join(repoRoot, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
  // CI on Linux x86-64 installs it (.ci/run): there a missing Multitool fails instead of skipping
  const required = process.env.CI === 'true' && process.platform === 'linux' && process.arch === 'x64';
  test.skipIf(!existsSync(multitool) && !required)('passes the SARIF Multitool validate verb (when installed: SARIF_MULTITOOL or @microsoft/sarif-multitool-linux)', () => {
    expect(existsSync(multitool), `no SARIF Multitool at ${multitool}: see .ci/run`).toBe(true);
    const dir = path.join(os.tmpdir(), `sarif-${process.pid}`);
    const input = `${dir}.sarif`;
    const output = `${dir}.validation.sarif`;
    writeFileSync(input, runCli(['--format', 'sarif', '.'], { cwd: folder.root }).stdout);
    try {
      const check = spawnSync(multitool, ['validate', input, '-o', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      const results = JSON.parse(readFileSync(output, 'utf8')).runs[0].results as { ruleId: string; level?: string }[];
      expect(results.filter((r) => r.level === 'error' || r.level === 'warning')).toEqual([]);
    } finally {
      rmSync(input, { force: true });
      rmSync(output, { force: true });
    }
  });
});

describe('--format github', () => {
  test('one workflow command an issue, in the order of the files given, then the summary line', () => {
    const run = runCli(['--format', 'github', 'runtime.json', 'broken.json'], { cwd: folder.root });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      '::error file=runtime.json,line=5,col=17,title=schema/pattern::must be a urn:srcos:session: URN, not "urn:other:session:1" (at /sessionRef) [RuntimeInstallReceipt, by type]',
      '::error file=runtime.json,line=12,col=15,title=schema/enum::must be one of "darwin-arm64", "darwin-x64", "linux-x64", "linux-arm64", "win32-x64", not "plan9-mips" (at /platform) [RuntimeInstallReceipt, by type]',
      '::error file=runtime.json,line=24,col=20,title=schema/minimum::must be at least 0, not -1 (at /artifacts/0/sizeBytes) [RuntimeInstallReceipt, by type]',
      '::error file=runtime.json,line=48,col=17,title=schema/format::must be an RFC 3339 date-time such as "2026-05-06T04:31:00Z", not "yesterday" (at /capturedAt) [RuntimeInstallReceipt, by type]',
      '::error file=runtime.json,line=49,col=12,title=schema/additionalProperties::property "extra" is not allowed here (at /extra) [RuntimeInstallReceipt, by type]',
      '::error file=broken.json,line=4,col=3,title=parse/syntax::unexpected \'"\' after a property value, expected \',\' or \'}\' [no contract]',
      'Checked 2 files: 2 documents (0 valid, 2 invalid), 0 skipped; 6 errors, 0 warnings.',
      '',
    ]);
  });

  test('warnings are ::warning; --quiet keeps errors only', () => {
    const run = runCli(['--format', 'github', '.bridges'], { cwd: folder.root });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::warning file=\.bridges\/signals\/20260130-050543_proclamation_plan\.json,line=20,col=11,title=scan\/repeated-signal-id::/m);
    expect(runCli(['--format', 'github', '--quiet', '.bridges'], { cwd: folder.root }).stdout).toBe('');
  });
});

describe('pretty', () => {
  test('no colour when not on a terminal; --color forces it; NO_COLOR wins over nothing but --color', () => {
    const plain = runCli(['runtime.json'], { cwd: folder.root });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toMatch(/^runtime\.json:5:17 {2}error {4}schema\/pattern {2}must be a urn:srcos:session: URN/m);
    const forced = runCli(['--color', 'runtime.json'], { cwd: folder.root, env: { NO_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[31merror/);
    const viaEnv = runCli(['runtime.json'], { cwd: folder.root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(viaEnv.stdout).toMatch(/\u001b\[/);
    const noColor = runCli(['runtime.json'], { cwd: folder.root, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(noColor.stdout).not.toMatch(/\u001b\[/);
  });

  test('no progress line and nothing on standard error when it is not a terminal', () => {
    expect(runCli(['.'], { cwd: folder.root }).stderr).toBe('');
  });
});

describe('small commands', () => {
  test('--help, --version, --list-contracts exit 0', () => {
    const help = runCli(['--help'], { cwd: folder.root });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: validate-contracts/);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'], { cwd: folder.root }).stdout).toBe(`${pkg.version}\n`);
    const list = runCli(['--list-contracts'], { cwd: folder.root });
    expect(list.status).toBe(0);
    for (const name of ['CapabilityLedger', 'BrowserAutomationReceipt', 'GitWorkspaceState', 'OrphanEventReceipt', 'RuntimeInstallReceipt', 'Lease', 'Signal']) {
      expect(list.stdout).toContain(name);
    }
    expect(list.stdout).toContain('.substrate/state/leases/*.json');
  });

  test('usage errors: one line, exit 2, no stack', () => {
    for (const args of [['--max-file-size', 'lots'], ['--now', 'tomorrow'], ['--max-warnings', '-1'], ['-', '-']]) {
      const run = runCli(args, { cwd: folder.root });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^validate-contracts: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
