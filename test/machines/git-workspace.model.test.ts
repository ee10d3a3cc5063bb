// Model-based test of Git workspace classification: random changes to a small world (a repository
// is created, committed to, detached, loses its remote, gets corrupted or unreadable) and random
// probes of its paths under every operation, against a model; after every probe: the state the
// model expects, the severity discipline (an expected negative state found passively is debug or
// info and flagged expected), no raw path in the document, and a valid GitWorkspaceState.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GitWorkspaceState } from '../../generated/types/index.js';
import { buildGitWorkspaceState, gitWorkspaceTransitions, type GitOperation, type GitProbeFacts } from '../../src/index.js';
import { NUM_RUNS, accepted, at, counterMinter, expectRow, expectValidEmissions } from './support.js';

const HOME = '/home/ada';
const REPO = '/home/ada/src/app';
const PATHS = [REPO, `${REPO}/lib`, `${REPO}/.git`, '/home/ada/notes', '/srv/mirror.git', '/opt/tools'];
const OPERATIONS: GitOperation[] = ['passive_discovery', 'watcher_refresh', 'ci_validation', 'user_requested_command', 'agent_requested_command'];
const PASSIVE = new Set<GitOperation>(['passive_discovery', 'watcher_refresh', 'ci_validation']);
const NEGATIVE = new Set(['not_a_repo', 'inside_git_dir', 'bare_repo', 'worktree_no_remote', 'detached_head']);

interface World { repo: boolean; branch: string | null; head: string | null; remote: boolean; corrupt: boolean; denied: boolean; now: number }
interface Real { mint: ReturnType<typeof counterMinter> }
const coverage = new Set<string>();

function factsOf(w: World, path: string): GitProbeFacts {
  if (path === '/srv/mirror.git') return { gitDirFound: true, bare: true, branch: 'main', headSha: 'abc1234', remoteState: 'available', gitDir: path };
  if (!path.startsWith(REPO)) return { gitDirFound: false };
  const inRepo = { branch: w.branch, headSha: w.head, remoteState: w.remote ? ('available' as const) : ('missing' as const), worktreeRoot: REPO, gitDir: `${REPO}/.git` };
  return { gitDirFound: w.repo, permissionDenied: w.denied, corrupt: w.corrupt, insideGitDir: path.endsWith('.git'), atWorktreeRoot: path === REPO, ...(w.repo ? inRepo : {}) };
}

/** The model's own reading of the world. */
function expectedState(w: World, path: string, superseded: boolean): string {
  if (superseded) return 'operation_superseded';
  if (path === '/srv/mirror.git') return 'bare_repo';
  if (!path.startsWith(REPO)) return 'not_a_repo';
  if (w.denied) return 'permission_denied';
  if (!w.repo) return 'not_a_repo';
  if (w.corrupt) return 'corrupt_repo';
  if (path.endsWith('.git')) return 'inside_git_dir';
  if (w.branch === null && w.head !== null) return 'detached_head';
  if (!w.remote) return 'worktree_no_remote';
  return path === REPO ? 'repo_root' : 'inside_worktree';
}

class Change implements fc.Command<World, Real> {
  constructor(readonly change: 'init' | 'commit' | 'detach' | 'checkout' | 'add_remote' | 'remove_remote' | 'corrupt' | 'repair' | 'deny' | 'allow' | 'delete') {}
  check = () => true;
  run(w: World): void {
    const c = this.change;
    if (c === 'init') Object.assign(w, { repo: true, branch: 'main', head: null, remote: false, corrupt: false });
    if (c === 'delete') Object.assign(w, { repo: false, branch: null, head: null, remote: false, corrupt: false });
    if (c === 'commit' && w.repo) w.head = createHash('sha1').update(String(w.now)).digest('hex');
    if (c === 'detach' && w.repo && w.head) w.branch = null;
    if (c === 'checkout' && w.repo) w.branch = 'feature/x';
    if (c === 'add_remote' && w.repo) w.remote = true;
    if (c === 'remove_remote') w.remote = false;
    if (c === 'corrupt' && w.repo) w.corrupt = true;
    if (c === 'repair') w.corrupt = false;
    if (c === 'deny') w.denied = true;
    if (c === 'allow') w.denied = false;
  }
  toString = () => this.change;
}

class Probe implements fc.Command<World, Real> {
  constructor(readonly path: string, readonly operation: GitOperation, readonly superseded: boolean) {}
  check = () => true;
  run(w: World, r: Real): void {
    w.now += 1;
    const probe = {
      path: this.path,
      homeDir: HOME,
      facts: { ...factsOf(w, this.path), superseded: this.superseded },
      operation: this.operation,
      sessionRef: 'urn:srcos:session:s1',
      capabilityLedgerRef: 'urn:srcos:capability-ledger:git',
      workspaceRef: 'urn:srcos:workspace:ada',
      policyDecisionRef: 'urn:srcos:decision:git-probe',
    };
    const ok = accepted(buildGitWorkspaceState(probe, at(w.now), r.mint));
    expectValidEmissions(ok.emitted);
    const doc = ok.state as GitWorkspaceState;
    const state = expectedState(w, this.path, this.superseded);
    expect(doc.state).toBe(state);
    expectRow(gitWorkspaceTransitions, null, gitWorkspaceTransitions.find((row) => row.to === state)?.event ?? '', state);
    if (PASSIVE.has(this.operation) && NEGATIVE.has(state)) {
      expect(['debug', 'info']).toContain(doc.severity);
      expect(doc.expectedNegativeState).toBe(true);
      expect(doc.actionability).toBe('none');
    }
    if (doc.expectedNegativeState) expect(['debug', 'info']).toContain(doc.severity);
    if (!PASSIVE.has(this.operation)) expect(doc.expectedNegativeState).toBe(false);
    const json = JSON.stringify(doc);
    for (const raw of [HOME, REPO, '/srv', '/opt']) expect(json).not.toContain(raw);
    expect(doc.pathEvidence.pathDigest).toBe(`sha256:${createHash('sha256').update(this.path).digest('hex')}`);
    if (this.path.startsWith(`${HOME}/`)) expect(doc.pathEvidence).toMatchObject({ redaction: 'user_home_redacted', redactedPathHint: `~${this.path.slice(HOME.length)}` });
    else expect(doc.pathEvidence).toMatchObject({ redaction: 'digest_only', redactedPathHint: null });
    coverage.add(`${state} ${doc.severity}`);
  }
  toString = () => `probe(${this.path}, ${this.operation}, superseded=${this.superseded})`;
}

const commands = [
  fc.constantFrom('init', 'init', 'commit', 'commit', 'detach', 'detach', 'checkout', 'add_remote', 'add_remote', 'remove_remote', 'corrupt', 'repair', 'repair', 'deny', 'allow', 'allow', 'delete').map((c) => new Change(c as 'init')),
  fc.tuple(fc.constantFrom(...PATHS), fc.constantFrom(...OPERATIONS), fc.constantFrom(false, false, false, true)).map(([p, o, s]) => new Probe(p, o, s)),
];

// Runs first, whatever the seed, so every state of the table is reached in every run of the suite;
// the random sequences then explore around them. Each: [starts committed, commands].
const passiveProbe = (path: string, superseded = false) => new Probe(path, 'passive_discovery', superseded);
const examples: [boolean, Iterable<fc.Command<World, Real>>][] = [
  [false, [passiveProbe('/opt/tools'), passiveProbe('/srv/mirror.git'), passiveProbe(REPO, true), new Change('init'), new Change('commit'), new Change('add_remote'), passiveProbe(REPO), passiveProbe(`${REPO}/lib`), passiveProbe(`${REPO}/.git`)]],
  [true, [passiveProbe(REPO), new Change('detach'), passiveProbe(REPO), new Change('corrupt'), passiveProbe(REPO), new Change('deny'), passiveProbe(REPO)]],
];

describe('git workspace classification, model-based', () => {
  it('classifies as the world is, keeps the severity discipline, and never stores a raw path', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.commands(commands, { maxCommands: 40, size: 'large' }), (committed, cmds) => {
        const world: World = { repo: false, branch: null, head: null, remote: false, corrupt: false, denied: false, now: 0 };
        // half the runs start in a repository with a commit, so detached heads and missing remotes come often
        if (committed) for (const change of ['init', 'commit'] as const) new Change(change).run(world);
        fc.modelRun(() => ({ model: world, real: { mint: counterMinter() } }), cmds);
      }),
      { numRuns: NUM_RUNS, examples },
    );
    const states = new Set([...coverage].map((c) => c.split(' ')[0]));
    for (const row of gitWorkspaceTransitions) expect(states, row.to ?? '').toContain(row.to);
  });
});
