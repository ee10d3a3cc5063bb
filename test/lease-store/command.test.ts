// `contracts lease …` end to end, from the build: real processes on real folders, exact exit codes
// and output, the root found as scripts/oxygen users expect, and a call from Python.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLeaseCommand } from '../../src/node/index.js';

const cli = path.join(import.meta.dirname, 'support', 'lease-cli.mjs');
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'lease-cli-'));
  mkdirSync(path.join(root, '.substrate'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const environment = (env: Record<string, string> = {}) => {
  const all: Record<string, string | undefined> = { ...process.env, ...env };
  if (!env.ASF_ROOT) delete all.ASF_ROOT;
  return all;
};
/** A real process running the built command. */
const spawnLease = (args: string[]) => {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, env: environment(), encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
/** The command in this process, on the same real files (faster than a process a call). */
const lease = async (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) => {
  let stdout = '';
  let stderr = '';
  const code = await runLeaseCommand(args, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, env: environment(options.env), cwd: options.cwd ?? root });
  return { code, stdout, stderr };
};
const NOW = ['--now', '2026-01-30T06:01:33Z'];

describe('contracts lease', () => {
  it('claims as scripts/oxygen does: the lease and its _path as sorted JSON, exit 0', async () => {
    const run = spawnLease(['claim', 'tool:githubwatch', '--owner', 'scribe', '--domain', 'scribe', ...NOW]);
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout:
        '{\n  "_path": ".substrate/state/leases/tool:githubwatch.json",\n  "created_at": "2026-01-30T06:01:33Z",\n  "domain": "scribe",\n' +
        '  "expires_at": "2026-01-30T06:31:33Z",\n  "override": false,\n  "override_reason": "",\n  "owner": "scribe",\n' +
        '  "resource": "tool:githubwatch",\n  "ttl_seconds": 1800\n}\n',
    });
  });

  it('refuses with exit 1 and the refusal code and message on stderr', async () => {
    await lease(['claim', 'r', '--owner', 'a', '--domain', 'd', ...NOW]);
    expect(await lease(['claim', 'R', '--owner', 'b', '--domain', 'd', ...NOW])).toEqual({ code: 1, stdout: '', stderr: 'contracts lease: lease/resource-held: R is held by a until 2026-01-30T06:31:33Z\n' });
    expect((await lease(['release', 'r', '--owner', 'b'])).stderr).toMatch(/^contracts lease: lease\/not-owner: /);
    await lease(['claim', 's', '--owner', 'a', '--domain', 'd', ...NOW]);
    const over = (await lease(['claim', 't', '--owner', 'a', '--domain', 'd', ...NOW]));
    expect([over.code, over.stderr]).toEqual([1, 'contracts lease: lease/budget-exhausted: domain d holds 2 of its 2 leases; override with a reason or wait\n']);
    expect((await lease(['claim', 't', '--owner', 'a', '--domain', 'd', '--override', ...NOW])).code).toBe(1);
    expect((await lease(['claim', 't', '--owner', 'a', '--domain', 'd', '--override', '--reason', 'hotfix', ...NOW])).code).toBe(0);
    expect((await lease(['renew', 'gone', '--owner', 'a'])).code).toBe(1);
  });

  it('lists, renews, releases and collects, with oxygen\'s output', async () => {
    await lease(['claim', 'a', '--owner', 'o', '--domain', 'd', '--ttl', '60', ...NOW]);
    expect((await lease(['list', '--now', '2026-01-30T06:02:00Z'])).stdout).toBe('a owner=o domain=d expires_at=2026-01-30T06:02:33Z (active)\n');
    expect(JSON.parse((await lease(['list', '--json', '--now', '2026-01-30T06:02:33Z'])).stdout)).toMatchObject([{ resource: 'a', _expired: true, _path: '.substrate/state/leases/a.json' }]);
    expect(JSON.parse((await lease(['renew', 'a', '--owner', 'o', '--ttl', '600', '--now', '2026-01-30T06:02:00Z'])).stdout)).toMatchObject({ expires_at: '2026-01-30T06:12:00Z', ttl_seconds: 627 });
    expect((await lease(['gc', '--now', '2026-01-30T06:11:59Z'])).stdout).toBe('{\n  "removed": 0,\n  "ts": "2026-01-30T06:11:59Z"\n}\n');
    expect((await lease(['release', 'A', '--owner', 'o', '--now', '2026-01-30T06:05:00Z'])).stdout).toBe('{\n  "released": "A",\n  "ts": "2026-01-30T06:05:00Z"\n}\n');
    expect((await lease(['list', '--json'])).stdout).toBe('[]\n');
  });

  it('finds the root: --root, else ASF_ROOT, else the nearest folder upward with .substrate/', async () => {
    const deep = path.join(root, 'src', 'deep');
    mkdirSync(deep, { recursive: true });
    await lease(['claim', 'up', '--owner', 'o', '--domain', 'd'], { cwd: deep });
    expect(readdirSync(path.join(root, '.substrate', 'state', 'leases'))).toEqual(['up.json']);
    const other = mkdtempSync(path.join(tmpdir(), 'lease-cli-other-'));
    try {
      await lease(['claim', 'env', '--owner', 'o', '--domain', 'd'], { cwd: deep, env: { ASF_ROOT: other } });
      await lease(['claim', 'flag', '--owner', 'o', '--domain', 'd', '--root', other], { cwd: deep, env: { ASF_ROOT: root } });
      expect(readdirSync(path.join(other, '.substrate', 'state', 'leases')).sort()).toEqual(['env.json', 'flag.json']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('answers a usage error with exit 2 and the usage on stderr', async () => {
    for (const args of [[], ['bogus'], ['claim', 'r', '--owner', 'o'], ['claim', '--owner', 'o', '--domain', 'd'], ['list', '--owner', 'o'], ['claim', 'r', '--owner', 'o', '--domain', 'd', '--ttl', 'soon'], ['gc', '--now', 'today'], ['gc', '--frobnicate']]) {
      const run = await lease(args);
      expect([run.code, run.stdout], args.join(' ')).toEqual([2, '']);
      expect(run.stderr).toContain('usage: contracts lease');
    }
    expect(await lease(['--help'])).toMatchObject({ code: 0, stderr: '' });
  });

  const python = spawnSync('python3', ['-c', 'print(1)']).status === 0;
  it.skipIf(!python)('is called from Python as the docs show', () => {
    const script = [
      'import json, subprocess, sys',
      'def lease(*args):',
      '    run = subprocess.run([sys.argv[2], sys.argv[1], *args], capture_output=True, text=True)',
      '    return run.returncode, (json.loads(run.stdout) if run.returncode == 0 and run.stdout.strip() else run.stderr)',
      'code, claimed = lease("claim", "tool:py", "--owner", "py", "--domain", "scribe", "--ttl", "60")',
      'code2, refused = lease("claim", "tool:py", "--owner", "other", "--domain", "scribe")',
      'print(json.dumps([code, claimed["owner"], code2, refused.split(":")[1].strip()]))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, cli, process.execPath], { cwd: root, env: { ...process.env, ASF_ROOT: root } }).toString();
    expect(JSON.parse(out)).toEqual([0, 'py', 1, 'lease/resource-held']);
  });
});
