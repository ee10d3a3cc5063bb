// The Git workspace probe against real repositories made with the `git` binary: every state, read
// from the file system alone, classified as the machine defines (state, severity, actionability
// for a passive probe and for a requested command), and its facts checked against what git says.
import { mkdirSync, renameSync, statSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validate, type GitOperation, type GitState } from '../../src/index.js';
import { probeGitWorkspace } from '../../src/node/index.js';
import { makeGitWorld, type GitWorld } from './support/git-repos.js';

let world: GitWorld;
const NOW = Date.parse('2026-11-29T20:00:00Z');

function probe(target: string, operation: GitOperation = 'passive_discovery') {
  let n = 0;
  const result = probeGitWorkspace(target, { operation, cache: null, now: () => NOW, mintId: () => `t-${++n}`, homeDir: null });
  if (!result.ok) throw new Error(`refused: ${result.refusal.code} ${result.refusal.message}`);
  expect(validate(result.document, { contract: 'GitWorkspaceState' }).issues).toEqual([]);
  return result;
}

type Reaction = readonly [severity: string, actionability: string, expected?: boolean];
const quietRoot: [Reaction, Reaction] = [['debug', 'none', false], ['info', 'none']];
const expectedNo: [Reaction, Reaction] = [['info', 'none', true], ['warning', 'remediation_hint']];
const corrupt: [Reaction, Reaction] = [['warning', 'quarantined', false], ['error', 'quarantined']];
const notRepo: [Reaction, Reaction] = [['info', 'none', true], ['error', 'blocked']];

/** The case's path, made by `setUp`, and what it must be classified as. */
interface Case {
  readonly name: string;
  readonly state: GitState;
  readonly reactions: [passive: Reaction, requested: Reaction];
  /** Git still reads it: the probe's branch, HEAD and bareness must be git's. */
  readonly oracle: boolean;
  setUp(w: GitWorld): string;
}

const cases: Case[] = [
  { name: 'the root of a repository with a remote', state: 'repo_root', reactions: quietRoot, oracle: true, setUp: (w) => w.repo('root') },
  { name: 'a folder nested in a work tree', state: 'inside_worktree', reactions: quietRoot, oracle: true, setUp: (w) => (w.repo('nested'), mkdirp(w.path('nested', 'a', 'b'))) },
  { name: 'a file at the root (probed as its folder)', state: 'repo_root', reactions: quietRoot, oracle: false, setUp: (w) => `${w.repo('file')}/README.md` },
  { name: 'a symbolic link to a repository', state: 'repo_root', reactions: quietRoot, oracle: true, setUp: (w) => (symlinkSync(w.repo('linked'), w.path('link-to-repo')), w.path('link-to-repo')) },
  { name: 'refs packed (HEAD resolved from packed-refs)', state: 'repo_root', reactions: quietRoot, oracle: true, setUp: (w) => (w.repo('packed'), w.git('packed', 'pack-refs', '--all'), w.path('packed')) },
  { name: 'the .git folder', state: 'inside_git_dir', reactions: expectedNo, oracle: true, setUp: (w) => `${w.repo('dotgit')}/.git` },
  { name: 'a folder inside .git', state: 'inside_git_dir', reactions: expectedNo, oracle: true, setUp: (w) => `${w.repo('deepgit')}/.git/refs/heads` },
  { name: 'a bare repository', state: 'bare_repo', reactions: expectedNo, oracle: true, setUp: (w) => (w.git('.', 'init', '-q', '--bare', 'bare.git'), w.path('bare.git')) },
  { name: 'a folder inside a bare repository', state: 'bare_repo', reactions: expectedNo, oracle: true, setUp: (w) => (w.git('.', 'init', '-q', '--bare', 'bare2.git'), w.path('bare2.git', 'objects')) },
  { name: 'a bare clone (core.bare, a name without .git)', state: 'bare_repo', reactions: expectedNo, oracle: true, setUp: (w) => (w.git('.', 'clone', '-q', '--bare', w.repo('origin1'), 'mirror'), w.path('mirror')) },
  { name: 'a linked worktree', state: 'repo_root', reactions: quietRoot, oracle: true, setUp: (w) => (w.git(w.repo('main1'), 'worktree', 'add', '-q', '-b', 'feature', w.path('wt1')), w.path('wt1')) },
  { name: 'the admin folder of a linked worktree', state: 'inside_git_dir', reactions: expectedNo, oracle: true, setUp: (w) => (w.git(w.repo('main2'), 'worktree', 'add', '-q', '-b', 'feat2', w.path('wt2')), w.path('main2', '.git', 'worktrees', 'wt2')) },
  { name: 'a detached linked worktree', state: 'detached_head', reactions: expectedNo, oracle: true, setUp: (w) => (w.git(w.repo('main3'), 'worktree', 'add', '-q', '--detach', w.path('wt3')), w.path('wt3')) },
  {
    name: 'a submodule',
    state: 'repo_root',
    reactions: quietRoot,
    oracle: true,
    setUp: (w) => {
      const lib = w.repo('lib', { remote: false });
      w.repo('super');
      w.git('super', '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'sub');
      return w.path('super', 'sub');
    },
  },
  { name: 'a detached HEAD', state: 'detached_head', reactions: expectedNo, oracle: true, setUp: (w) => (w.git(w.repo('detached'), 'checkout', '-q', '--detach'), w.path('detached')) },
  { name: 'a repository without a remote', state: 'worktree_no_remote', reactions: expectedNo, oracle: true, setUp: (w) => w.repo('noremote', { remote: false }) },
  { name: 'a new repository without a commit or a remote', state: 'worktree_no_remote', reactions: expectedNo, oracle: true, setUp: (w) => (w.git('.', 'init', '-q', 'fresh'), w.path('fresh')) },
  { name: 'a corrupt repository: garbage in HEAD', state: 'corrupt_repo', reactions: corrupt, oracle: false, setUp: (w) => (writeFileSync(w.path(pathOf(w.repo('garbage')), '.git', 'HEAD'), 'not a ref\n'), w.path('garbage')) },
  { name: 'a corrupt repository: no objects folder', state: 'corrupt_repo', reactions: corrupt, oracle: false, setUp: (w) => (rmSync(`${w.repo('noobjects')}/.git/objects`, { recursive: true }), w.path('noobjects')) },
  { name: 'a corrupt repository: HEAD missing', state: 'corrupt_repo', reactions: corrupt, oracle: false, setUp: (w) => (rmSync(`${w.repo('nohead')}/.git/HEAD`), w.path('nohead')) },
  { name: 'a corrupt .git file (no gitdir: line)', state: 'corrupt_repo', reactions: corrupt, oracle: false, setUp: (w) => (mkdirp(w.path('badfile')), writeFileSync(w.path('badfile', '.git'), 'hello\n'), w.path('badfile')) },
  { name: 'a .git file naming a folder that is gone', state: 'corrupt_repo', reactions: corrupt, oracle: false, setUp: (w) => (w.git(w.repo('main4'), 'worktree', 'add', '-q', '-b', 'feat4', w.path('wt4')), rmSync(w.path('main4'), { recursive: true }), w.path('wt4')) },
  { name: 'a folder that is not a repository', state: 'not_a_repo', reactions: notRepo, oracle: true, setUp: (w) => mkdirp(w.path('plain', 'folder')) },
  { name: 'a path that does not exist', state: 'not_a_repo', reactions: notRepo, oracle: false, setUp: (w) => w.path('no', 'such', 'path') },
  { name: 'a path that vanished', state: 'not_a_repo', reactions: notRepo, oracle: false, setUp: (w) => (renameSync(w.repo('vanishing'), w.path('moved-away')), w.path('vanishing')) },
];

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
function pathOf(p: string): string {
  return p.slice(world.root.length + 1);
}

const paths = new Map<string, string>();

beforeAll(() => {
  world = makeGitWorld();
  for (const c of cases) paths.set(c.name, c.setUp(world));
}, 120_000);
afterAll(() => world?.cleanup());

describe('probeGitWorkspace on real repositories (git used only to build them)', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const target = paths.get(c.name)!;
    const passive = probe(target, 'passive_discovery');
    const requested = probe(target, 'user_requested_command');
    expect(passive.document.state, JSON.stringify(passive.facts)).toBe(c.state);
    expect(requested.document.state).toBe(c.state);
    const [p, r] = c.reactions;
    expect([passive.document.severity, passive.document.actionability, passive.document.expectedNegativeState]).toEqual(p);
    expect([requested.document.severity, requested.document.actionability]).toEqual([r[0], r[1]]);
    expect(JSON.stringify(passive.document)).not.toContain(world.root);
    if (!c.oracle) return;
    const git = world.gitSays(target);
    if (c.state === 'not_a_repo') return expect(git).toBeNull();
    expect(git).not.toBeNull();
    const facts = passive.facts;
    expect({ branch: facts.branch ?? null, headSha: facts.headSha ?? null, bare: facts.bare === true, insideGitDir: facts.insideGitDir === true }).toEqual(git);
  });
});

test('the linked worktree and the submodule are reached through a .git file (gitdir:), with commondir for the worktree', () => {
  expect(statSync(world.path('wt1', '.git')).isFile()).toBe(true);
  expect(statSync(world.path('super', 'sub', '.git')).isFile()).toBe(true);
  expect(statSync(world.path('main1', '.git', 'worktrees', 'wt1', 'commondir')).isFile()).toBe(true);
  expect(probe(world.path('wt1')).facts.branch).toBe('feature');
});
