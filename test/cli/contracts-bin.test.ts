// The `contracts` bin, built (dist/contracts.js), end to end: its help and dispatch table,
// `contracts validate` as the very same command as `validate-contracts`, and `contracts git-state`
// with exact exit codes, with no git on PATH, and as an unprivileged user where file modes deny.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validate } from '../../src/index.js';
import { commands } from '../../src/node/commands/index.js';
import { makeGitWorld, type GitWorld } from '../node/support/git-repos.js';
import { contractsBinPath, ensureBuilt, repoRoot, runCli, type RunOptions } from './support/cli.js';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const contracts = (args: readonly string[], options: Partial<RunOptions> = {}) => runCli(args, { cwd: repoRoot, bin: contractsBinPath, ...options });
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canDropPrivileges = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '0']).status === 0;

let world: GitWorld;
beforeAll(() => {
  ensureBuilt();
  world = makeGitWorld();
  world.repo('repo');
}, 120_000);
afterAll(() => world?.cleanup());

describe('contracts', () => {
  test('--help lists the commands of the table, each with its usage; exit 0', () => {
    const run = contracts(['--help']);
    expect(run.status).toBe(0);
    for (const name of Object.keys(commands)) expect(run.stdout).toContain(`contracts ${name} ${commands[name]!.usage}`);
    expect(Object.keys(commands).sort()).toEqual(['compat', 'git-state', 'lease', 'validate', 'vendor-python']);
  });

  test('--version prints the version; exit 0', () => {
    expect(contracts(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    expect(contracts(['-v']).stdout).toBe(`${pkg.version}\n`);
  });

  test.each([[[]], [['nope']], [['toString']], [['constructor']]])('%j: exit 2, what is wrong and the help on stderr', (args) => {
    const run = contracts(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^contracts: (a command is required|unknown command ")/);
    expect(run.stderr).toContain('Usage: contracts <command>');
  });
});

describe('contracts validate is validate-contracts', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'contracts-validate-'));
    cpSync(path.join(repoRoot, 'examples', 'invalid', 'lease'), path.join(tmp, 'invalid'), { recursive: true });
    cpSync(path.join(repoRoot, 'examples', 'valid'), path.join(tmp, 'valid'), { recursive: true });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test.each([
    [['valid', '--format', 'json'], 0],
    [['invalid'], 1],
    [['invalid', '--format', 'sarif'], 1],
    [['no/such/path'], 2],
    [['--no-such-option'], 2],
    [['--list-contracts'], 0],
    [['--help'], 0],
    [['--version'], 0],
  ] as const)('%j: the same exit code (%i), output and errors', (args, exit) => {
    // --now: the lease messages name the instant they were judged at.
    const pinned = args.length > 0 && !args[0]!.startsWith('-') ? [...args, '--now', '2026-02-01T00:00:00Z'] : args;
    const viaContracts = contracts(['validate', ...pinned], { cwd: tmp });
    const direct = runCli(pinned, { cwd: tmp });
    expect(viaContracts.status, viaContracts.stderr).toBe(exit);
    expect(viaContracts).toEqual(direct);
  });

  test('a large scan starts its worker threads from the contracts bin', () => {
    const many = path.join(tmp, 'many');
    const leases = path.join(repoRoot, 'examples', 'valid', 'lease');
    const lease = readFileSync(path.join(leases, readdirSync(leases).find((f) => f.endsWith('.json'))!), 'utf8');
    for (let i = 0; i < 300; i++) {
      mkdirSync(path.join(many, `d${i % 10}`), { recursive: true });
      writeFileSync(path.join(many, `d${i % 10}`, `lease-${i}.json`), lease.replace(/"resource":\s*"[^"]*"/, `"resource": "r-${i}"`));
    }
    const viaContracts = contracts(['validate', 'many', '--workers', '2', '--format', 'json', '--now', '2000-01-01T00:00:00Z'], { cwd: tmp });
    const direct = runCli(['many', '--workers', '2', '--format', 'json', '--now', '2000-01-01T00:00:00Z'], { cwd: tmp });
    expect(viaContracts.stderr).toBe('');
    expect(viaContracts.stdout).toBe(direct.stdout);
    expect(JSON.parse(viaContracts.stdout).summary.documents).toBe(300);
  });
});

describe('contracts git-state', () => {
  const state = (args: readonly string[], options: Partial<RunOptions> = {}) => {
    const run = contracts(['git-state', ...args], options);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(validate(document, { contract: 'GitWorkspaceState' }).issues).toEqual([]);
    return document;
  };

  test('prints the GitWorkspaceState of a path (relative to the working folder), exit 0, passive by default', () => {
    expect(state([world.path('repo')])).toMatchObject({ type: 'GitWorkspaceState', state: 'repo_root', operation: 'passive_discovery', severity: 'debug' });
    expect(state(['repo', '--json'], { cwd: world.root })).toMatchObject({ state: 'repo_root' });
    expect(state([world.path('nowhere')])).toMatchObject({ state: 'not_a_repo', severity: 'info', expectedNegativeState: true });
    expect(state([world.path('nowhere'), '--operation', 'user_requested_command'])).toMatchObject({ state: 'not_a_repo', severity: 'error', actionability: 'blocked' });
    expect(state([world.path('repo'), '--session-ref', 'urn:srcos:session:s1', '--workspace-ref', 'urn:srcos:workspace:w1'])).toMatchObject({ sessionRef: 'urn:srcos:session:s1', workspaceRef: 'urn:srcos:workspace:w1' });
  });

  test.each([
    [[], /a PATH is required/],
    [['a', 'b'], /one PATH only/],
    [['a', '--operation', 'shout'], /--operation: expected one of passive_discovery/],
    [['a', '--frobnicate'], /Unknown option/],
    [['a', '--session-ref', 'me'], /git\/invalid-input/],
  ] as const)('%j: usage error, exit 2, one line and no stack', (args, message) => {
    const run = contracts(['git-state', ...args]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('--help: exit 0', () => {
    expect(contracts(['git-state', '--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: contracts git-state PATH') });
  });

  test('runs no git: the same answer with no git on PATH, and a git on PATH that records each call is never called', () => {
    const bin = path.join(world.root, 'fake-bin');
    const calls = path.join(world.root, 'git-calls');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$@" >> ${calls}\nexit 1\n`, { mode: 0o755 });
    const facts = (env: Record<string, string>) => state([world.path('repo'), '--operation', 'agent_requested_command'], { env }).gitFacts;
    const withGit = facts({});
    expect(facts({ PATH: path.join(world.root, 'empty-path') })).toEqual(withGit);
    expect(facts({ PATH: bin })).toEqual(withGit);
    expect(existsSync(calls)).toBe(false);
  });

  describe.skipIf(isRoot && !canDropPrivileges)('as an unprivileged user (root runs it as nobody through setpriv; chmod denies root nothing)', () => {
    beforeAll(() => {
      // locked/ (0700, owned by root): nobody cannot enter it. hidden/.git (0700): the work tree is
      // readable, its Git directory is not.
      mkdirSync(world.path('locked'));
      world.repo('locked/repo');
      chmodSync(world.path('locked'), 0o700);
      world.repo('hidden');
      chmodSync(world.path('hidden', '.git'), 0o700);
      world.repo('open');
    });

    test.each([
      ['a repository in a folder it cannot enter', 'locked/repo'],
      ['a work tree whose .git it cannot read', 'hidden'],
    ])('%s is permission_denied: warning when passive, error when asked', (_what, target) => {
      const asNobody = isRoot;
      expect(state([world.path(target)], { asNobody })).toMatchObject({ state: 'permission_denied', severity: 'warning', actionability: 'blocked' });
      expect(state([world.path(target), '--operation', 'user_requested_command'], { asNobody })).toMatchObject({ state: 'permission_denied', severity: 'error', actionability: 'blocked' });
    });

    test('a repository it can read is read as usual', () => {
      expect(state([world.path('open')], { asNobody: isRoot })).toMatchObject({ state: 'repo_root' });
    });
  });
});
