// action.yml, the composite GitHub Action: its one step runs action/run.mjs, run here as the
// runner would, with a fake GITHUB_* environment and the packed tarball as the package (npm's cache
// serves its dependencies). Annotations in the log, outputs in GITHUB_OUTPUT, the summary line in
// GITHUB_STEP_SUMMARY, an optional SARIF file, and the check's exit code as the step's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: plain .mjs module of the action, no types
import { checkArgs, packageSpec } from '../../action/run.mjs';
import { specFixturesRoot } from '../support/conformance.js';
import { buildIsPresent, cleanEnv, repoRoot, run } from './support/pack.js';

interface ActionYml {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: { id: string; shell: string; run: string; env: Record<string, string> }[] };
}
const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
const built = buildIsPresent();

describe('action.yml', () => {
  test('a composite action whose one step runs action/run.mjs with every input as INPUT_<NAME>', () => {
    expect(action.runs.using).toBe('composite');
    const [step] = action.runs.steps;
    expect(action.runs.steps).toHaveLength(1);
    expect(step?.run).toBe('node "$GITHUB_ACTION_PATH/action/run.mjs"');
    expect(step?.env).toEqual(Object.fromEntries(Object.keys(action.inputs).map((name) => [`INPUT_${name.toUpperCase().replace(/-/g, '_')}`, `\${{ inputs.${name} }}`])));
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.${step?.id}.outputs.${name} }}`);
  });

  test('installs the package pinned to the action\'s own version, unless told otherwise', () => {
    expect(packageSpec({})).toBe(`${pkg.name}@${pkg.version}`);
    expect(packageSpec({ INPUT_PACKAGE: ' validate-contracts@1.2.3 ' })).toBe('validate-contracts@1.2.3');
    expect(checkArgs({ INPUT_PATHS: ' receipts  ledgers/x.json ', INPUT_MAX_WARNINGS: '0' })).toEqual(['--max-warnings', '0', '--', 'receipts', 'ledgers/x.json']);
    expect(checkArgs({})).toEqual([]);
  });
});

let tmp: string;
let tarball: string;

beforeAll(() => {
  if (!built) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sourceos-contracts-action-'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: repoRoot })) as { filename: string }[];
  tarball = path.join(tmp, path.basename(info!.filename));
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs the action's step in a fresh workspace holding `files`; returns what the runner would see. */
function runAction(name: string, files: Record<string, string>, inputs: Record<string, string>) {
  const workspace = path.join(tmp, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  const output = path.join(tmp, `${name}.output`);
  const summary = path.join(tmp, `${name}.summary`);
  writeFileSync(output, '');
  const env = cleanEnv({
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: repoRoot,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    npm_config_prefer_offline: 'true',
    INPUT_PACKAGE: tarball,
    ...inputs,
  });
  const result = spawnSync('bash', ['-c', action.runs.steps[0]!.run], { cwd: workspace, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  return { status: result.status, log: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(summary, 'utf8'), workspace };
}

const ledger = () => readFileSync(path.join(specFixturesRoot, 'capabilityledger.json'), 'utf8');

describe.runIf(built)('the action\'s step, run locally with a fake GITHUB_* environment', () => {
  test('a clean repository: exit 0, a summary, no SARIF unless asked', () => {
    const result = runAction('clean', { 'ledgers/ledger.json': ledger(), 'package.json': '{"name": "x"}' }, {});
    expect(result.status, result.stderr).toBe(0);
    expect(result.log).toContain(`validate-contracts from ${tarball}`);
    expect(result.log).not.toContain('::error');
    expect(result.outputs).toEqual({ 'exit-code': '0' });
    expect(result.summary).toContain('Checked 2 files: 1 document (1 valid, 0 invalid), 1 skipped; 0 errors, 0 warnings.');
  });

  test('an error: annotations on the file and line, a SARIF file, exit 1 (the step fails)', () => {
    const broken = ledger().replace('"effectiveState": "enabled"', '"effectiveState": "switched-on"');
    const result = runAction('broken', { 'ledgers/ledger.json': broken, 'docs/readme.json': '{}' }, { INPUT_PATHS: 'ledgers', INPUT_SARIF_FILE: 'out/contracts.sarif' });
    expect(result.status).toBe(1);
    expect(result.log).toMatch(/^::error file=ledgers\/ledger\.json,line=\d+,col=\d+,title=schema\/enum::/m);
    expect(result.outputs['exit-code']).toBe('1');
    expect(result.outputs['sarif-file']).toBe(path.join(result.workspace, 'out', 'contracts.sarif'));
    const sarif = JSON.parse(readFileSync(result.outputs['sarif-file'] as string, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['schema/enum']);
    expect(result.summary).toContain('1 error');
  });
});
