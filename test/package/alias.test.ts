// `validate-contracts`, the unscoped package that claims the command's name: packed from
// packages/validate-contracts beside the main package's tarball, both installed into a fresh project
// outside the repository. It depends on @sourceos/contracts at exactly its own version and runs
// that package's CLI, as `npx validate-contracts` would from the registry.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIsPresent, cleanEnv, repoRoot, run } from './support/pack.js';

const aliasDir = path.join(repoRoot, 'packages', 'validate-contracts');
const rootPkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string; workspaces: string[] };
const aliasPkg = JSON.parse(readFileSync(path.join(aliasDir, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const built = buildIsPresent();

describe('the alias package, from the source tree', () => {
  test('one version with the main package, which it depends on exactly; one workspace; one release', () => {
    expect(aliasPkg.name).toBe('validate-contracts');
    expect(aliasPkg.version).toBe(rootPkg.version);
    expect(aliasPkg.dependencies).toEqual({ '@sourceos/contracts': rootPkg.version });
    expect(rootPkg.workspaces).toContain('packages/validate-contracts');
    const changesets = JSON.parse(readFileSync(path.join(repoRoot, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][] };
    expect(changesets.fixed).toContainEqual(['@sourceos/contracts', 'validate-contracts']);
  });
});

let tmp: string;
let consumer: string;
let files: string[];

beforeAll(() => {
  if (!built) return;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'sourceos-contracts-alias-'));
  const pack = (cwd: string) => {
    const [info] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd })) as { filename: string; files: { path: string }[] }[];
    return { tarball: path.join(tmp, path.basename(info!.filename)), files: info!.files.map((f) => f.path) };
  };
  const main = pack(repoRoot);
  const alias = pack(aliasDir);
  files = alias.files;
  consumer = path.join(tmp, 'consumer');
  mkdirSync(consumer);
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer-alias', version: '0.0.0', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', main.tarball, alias.tarball], { cwd: consumer });
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(built)('the alias package, packed and installed', () => {
  const cli = (args: string[], cwd = consumer) =>
    spawnSync(process.execPath, [path.join(consumer, 'node_modules', 'validate-contracts', aliasPkg.bin['validate-contracts'] as string), ...args], { cwd, encoding: 'utf8', env: cleanEnv() });

  test('holds its bin, README, licence and package.json, nothing else', () => {
    expect([...files].sort()).toEqual(['LICENSE', 'README.md', 'bin.js', 'package.json']);
  });

  test('runs the CLI of the @sourceos/contracts it depends on: same version, same exit codes', () => {
    expect(cli(['--version']).stdout.trim()).toBe(rootPkg.version);
    const docs = path.join(tmp, 'docs');
    mkdirSync(docs);
    writeFileSync(path.join(docs, 'lease.json'), readFileSync(path.join(repoRoot, 'examples', 'valid', 'lease', 'builder-claim.json')));
    const ok = cli(['--format', 'json', '--now', '2026-01-30T06:10:00Z', docs]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).summary).toMatchObject({ documents: 1, valid: 1, errors: 0, warnings: 0 });
    writeFileSync(path.join(docs, 'broken.json'), '{"type": "CapabilityLedger"}');
    expect(cli([docs]).status).toBe(1);
    const usage = cli(['--formt', 'json']);
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining('did you mean --format?')]);
  });

  test('`npx validate-contracts` in the project runs the one command, whichever package linked the bin', () => {
    const linked = readlinkSync(path.join(consumer, 'node_modules', '.bin', 'validate-contracts'));
    expect(linked).toMatch(/(@sourceos\/contracts\/dist\/cli\.cjs|validate-contracts\/bin\.js)$/);
    const result = spawnSync('npx', ['--no', '--', 'validate-contracts', '--version'], { cwd: consumer, encoding: 'utf8', env: cleanEnv() });
    expect(result.stdout.trim(), result.stderr).toBe(rootPkg.version);
  });
});
