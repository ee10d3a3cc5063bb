// The pre-commit hook of .pre-commit-hooks.yaml, run by the real pre-commit (Debian's package) in a
// temporary git repository that lists it with `repo:`, `rev:` and `id:` alone, as a project does.
// pre-commit installs the hook from this repository at HEAD (its node language: `npm install` of
// the clone, which builds dist/, `npm pack`, `npm install -g` of the tarball; npm's cache serves the
// dependencies). It checks .json and .jsonl files and nothing else, finds an id repeated across two
// files among many (one run: require_serial), and an error fails the commit; staged files that are
// not ours (other parsers' fixtures, other SourceOS families) are skipped, not failed (--as-found).
// Skipped with a message when pre-commit is missing; required under CI (.ci/run installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specFixturesRoot } from '../support/conformance.js';
import { cleanEnv, repoRoot } from './support/pack.js';

const havePreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!havePreCommit) {
  if (process.env.CI) throw new Error('pre-commit is missing: CI installs Debian\'s pre-commit (apt-get install -y pre-commit)');
  console.warn('[pre-commit hook test] skipped: pre-commit is missing (apt-get install -y pre-commit)');
}

let tmp: string;
let project: string;
let env: NodeJS.ProcessEnv;

const git = (...args: string[]) => spawnSync('git', args, { cwd: project, encoding: 'utf8', env });
const commit = (message: string) => {
  const result = git('commit', '-q', '-m', message);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
const headMessage = () => git('log', '-1', '--format=%s').stdout.trim();
const fixture = (name: string) => readFileSync(path.join(specFixturesRoot, name), 'utf8');

beforeAll(() => {
  if (!havePreCommit) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sourceos-contracts-pre-commit-'));
  project = path.join(tmp, 'project');
  mkdirSync(project);
  env = cleanEnv({
    PRE_COMMIT_HOME: path.join(tmp, 'pre-commit-home'),
    npm_config_prefer_offline: 'true',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.invalid',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: tmp,
  });
  const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  writeFileSync(
    path.join(project, '.pre-commit-config.yaml'),
    `repos:\n  - repo: ${repoRoot}\n    rev: ${rev}\n    hooks:\n      - id: validate-contracts\n        verbose: true\n`,
  );
  const install = spawnSync('pre-commit', ['install'], { cwd: project, encoding: 'utf8', env });
  if (install.status !== 0) throw new Error(`pre-commit install failed:\n${install.stdout}${install.stderr}`);
  // The hook's environment is installed once here (the slow part), so each commit below is quick.
  const setup = spawnSync('pre-commit', ['install-hooks'], { cwd: project, encoding: 'utf8', env });
  if (setup.status !== 0) throw new Error(`pre-commit install-hooks failed:\n${setup.stdout}${setup.stderr}`);
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(havePreCommit)('the pre-commit hook (.pre-commit-hooks.yaml), with the real pre-commit', () => {
  test('checks the .json and .jsonl files of a commit, nothing else, and lets a clean commit through', () => {
    writeFileSync(path.join(project, 'ledger.json'), fixture('capabilityledger.json'));
    mkdirSync(path.join(project, 'receipts'));
    const receipts = ['browserautomationreceipt.json', 'runtimeinstallreceipt.json'].map((f) => JSON.stringify(JSON.parse(fixture(f))));
    writeFileSync(path.join(project, 'receipts', 'all.jsonl'), `${receipts.join('\n')}\n`);
    writeFileSync(path.join(project, 'notes.md'), '# not a document\n');
    git('add', '-A');
    const result = commit('clean');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('Checked 2 files: 3 documents (3 valid, 0 invalid)');
    expect(headMessage()).toBe('clean');
  });

  test('an error in a .jsonl line fails the commit', () => {
    writeFileSync(path.join(project, 'receipts', 'all.jsonl'), `${readFileSync(path.join(project, 'receipts', 'all.jsonl'), 'utf8')}{"type": "RuntimeInstallReceipt"}\n`);
    git('add', '-A');
    const result = commit('broken line');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/receipts\/all\.jsonl:3:\d+\s+error\s+schema\/required/);
    expect(headMessage()).toBe('clean');
    git('checkout', '--', '.');
    git('reset', '-q', '--hard');
  });

  test('an id repeated across two of many files is found (all files in one run), and fails the commit', () => {
    mkdirSync(path.join(project, 'more'));
    for (const name of ['gitworkspacestate', 'orphaneventreceipt']) copyFileSync(path.join(specFixturesRoot, `${name}.json`), path.join(project, 'more', `${name}.json`));
    for (let i = 0; i < 24; i++) writeFileSync(path.join(project, 'more', `plain-${String(i).padStart(2, '0')}.json`), `{"n": ${i}}\n`);
    // pre-commit passes the files of the commit: two ledgers of one id, far apart in its list.
    writeFileSync(path.join(project, 'more', 'aa-ledger.json'), fixture('capabilityledger.json').replace('All planes agreed', 'The planes agreed'));
    writeFileSync(path.join(project, 'more', 'zz-ledger-copy.json'), fixture('capabilityledger.json').replace('All planes agreed', 'Every plane agreed'));
    git('add', '-A');
    const result = commit('duplicate');
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/more\/zz-ledger-copy\.json:2:\d+\s+error\s+scan\/duplicate-id/);
    expect(result.output).toContain('Checked 28 files');
    expect(headMessage()).toBe('clean');
  });
  test('staged files of other parsers and of other SourceOS families are skipped, not errors (--as-found): the commit goes through', () => {
    git('reset', '-q', '--hard'); // drop what the failed commit above left staged
    mkdirSync(path.join(project, 'fixtures'));
    writeFileSync(path.join(project, 'fixtures', 'events.ndjson'), '# a comment line, as some parsers allow\n{"event": "x"}\n');
    writeFileSync(path.join(project, 'fixtures', 'validation-receipt.tampered.json'), '{"receipt": "tampered", }\n');
    writeFileSync(path.join(project, 'fixtures', 'profile.json'), '{"id": "urn:srcos:access-profile:one", "type": "AccessProfile", "specVersion": "0.1.0"}\n');
    writeFileSync(path.join(project, 'fixtures', 'empty.jsonl'), '');
    git('add', '-A');
    const result = commit('fixtures of others');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/4 skipped \(1 other SourceOS document, 2 not JSON, 1 other JSON/);
    expect(headMessage()).toBe('fixtures of others');
  });
});
