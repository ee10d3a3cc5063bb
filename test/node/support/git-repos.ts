// Real repositories made with the `git` binary in a temporary folder, one for every state the Git
// probe classifies, and what Git itself says about a path (the oracle the probe is checked against).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Git with no user or system configuration of this machine, and a fixed identity. */
function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Probe Test',
    GIT_AUTHOR_EMAIL: 'probe@example.invalid',
    GIT_COMMITTER_NAME: 'Probe Test',
    GIT_COMMITTER_EMAIL: 'probe@example.invalid',
  };
}

export interface GitWorld {
  /** The temporary folder (mode 0755, so that another user can reach what is not locked). */
  readonly root: string;
  /** Runs git with `args` in `cwd` (relative to the root) and returns its trimmed output. */
  git(cwd: string, ...args: string[]): string;
  /** What git says about a path, or null when git says it is not a repository. */
  gitSays(target: string): GitOracle | null;
  path(...parts: string[]): string;
  /** A repository with one commit (and a remote unless `remote: false`). */
  repo(name: string, options?: { remote?: boolean }): string;
  cleanup(): void;
}

export interface GitOracle {
  readonly insideGitDir: boolean;
  readonly bare: boolean;
  readonly branch: string | null;
  readonly headSha: string | null;
}

export function makeGitWorld(): GitWorld {
  const root = mkdtempSync(path.join(os.tmpdir(), 'git-probe-test-'));
  chmodSync(root, 0o755);
  const home = path.join(root, '.home');
  mkdirSync(home);
  const env = gitEnv(home);
  const run = (cwd: string, args: readonly string[]): string =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: path.resolve(root, cwd), env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const quiet = (cwd: string, args: readonly string[]): string | null => {
    try {
      return run(cwd, args);
    } catch {
      return null;
    }
  };
  const world: GitWorld = {
    root,
    git: (cwd, ...args) => run(cwd, args),
    gitSays(target) {
      const inside = quiet(target, ['rev-parse', '--is-inside-git-dir']);
      if (inside === null) return null;
      const ref = quiet(target, ['symbolic-ref', '-q', 'HEAD']);
      return {
        insideGitDir: inside === 'true',
        bare: run(target, ['rev-parse', '--is-bare-repository']) === 'true',
        branch: ref === null || ref === '' ? null : ref.replace(/^refs\/heads\//, ''),
        headSha: quiet(target, ['rev-parse', '-q', '--verify', 'HEAD']) || null,
      };
    },
    path: (...parts) => path.join(root, ...parts),
    repo(name, options = {}) {
      run('.', ['init', '-q', name]);
      writeFileSync(path.join(root, name, 'README.md'), `# ${name}\n`);
      run(name, ['add', 'README.md']);
      run(name, ['commit', '-q', '-m', 'first']);
      if (options.remote !== false) run(name, ['remote', 'add', 'origin', 'https://example.invalid/x.git']);
      return path.join(root, name);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  return world;
}
