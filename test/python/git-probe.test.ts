// The Python Git probe (python/src/sourceos_contracts/git_probe) against the TypeScript one on the
// same real repositories, made with git: for every shape and every operation, the document of
// `probe_git_workspace` run by `python3 -I -S` equals `probeGitWorkspace`'s, key order included,
// but for `id` and `capturedAt`; so does it with the references overridden (and the references either
// refuses are refused by both, with one code and message); and, as the user nobody, the built
// `contracts git-state` bin's.
// Their readers of Git's files and of paths also agree on generated texts full of the characters
// where Python's and ECMAScript's regular expressions differ.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gitOperations, pathEvidenceOf, type GitOperation } from '../../src/index.js';
import { probeGitWorkspace, type GitProbeRefs } from '../../src/node/index.js';
import { findPackedRef, parseGitConfig, parseGitFile, parseHead, parseLooseRef } from '../../src/node/git-probe/git-files.js';
import { makeGitWorld, type GitWorld } from '../node/support/git-repos.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const pythonSrc = path.join(repoRoot, 'python', 'src');
const contractsBin = path.join(repoRoot, 'dist', 'contracts.js');

/** python3, or null: required under CI, skipped with a message elsewhere. */
function findPython(): string | null {
  if (spawnSync('python3', ['-I', '-S', '-c', '0']).status === 0) return 'python3';
  if (process.env.CI) throw new Error('python3 is required under CI for the Python Git probe test, and is missing');
  console.warn('[python] the Python Git probe test is skipped: no python3 on PATH');
  return null;
}
const python = findPython();

interface Request {
  readonly path: string;
  readonly operation: GitOperation;
  /** undefined: the default (HOME); null: no hint. */
  readonly homeDir?: string | null;
}

// Reads the requests (JSON) on standard input, writes the documents (JSON) on standard output.
const DRIVER = [
  'import sys, json',
  'sys.path.insert(0, sys.argv[1])',
  'from sourceos_contracts.git_probe import probe_git_workspace',
  'out = []',
  'for r in json.load(sys.stdin):',
  '    options = {} if "homeDir" not in r else {"home_dir": r["homeDir"]}',
  '    out.append(probe_git_workspace(r["path"], r["operation"], cache=False, **options))',
  'json.dump(out, sys.stdout)',
].join('\n');

function pythonProbes(requests: readonly Request[], options: { env?: NodeJS.ProcessEnv; asNobody?: boolean } = {}): Record<string, unknown>[] {
  const command = options.asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '/usr/bin/python3'] : [python!];
  const child = spawnSync(command[0]!, [...command.slice(1), '-I', '-S', '-c', DRIVER, pythonSrc], { input: JSON.stringify(requests), env: options.env ?? process.env, encoding: 'utf8', timeout: 60_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Record<string, unknown>[];
}

/** The document without what each probe mints (its id and the second it was taken), as JSON text: key order counts. */
const comparable = (document: object): string => JSON.stringify({ ...document, id: undefined, capturedAt: undefined });

const mkdirp = (dir: string): string => (mkdirSync(dir, { recursive: true }), dir);

function conflicted(w: GitWorld, name: string): string {
  w.repo(name);
  w.git(name, 'checkout', '-q', '-b', 'other');
  writeFileSync(w.path(name, 'README.md'), 'other\n');
  w.git(name, 'commit', '-q', '-am', 'other');
  w.git(name, 'checkout', '-q', 'main');
  writeFileSync(w.path(name, 'README.md'), 'main\n');
  w.git(name, 'commit', '-q', '-am', 'main');
  return w.path(name);
}
const attempt = (run: () => unknown): void => {
  try {
    run();
  } catch {
    // a conflict stops the command; the repository is left in the middle of it, as wanted
  }
};

/** Every shape the TypeScript probe's tests build, and a few more. */
const shapes: Record<string, (w: GitWorld) => string> = {
  'repository root': (w) => w.repo('root'),
  'nested folder': (w) => (w.repo('nested'), mkdirp(w.path('nested', 'a', 'b'))),
  'file at the root': (w) => `${w.repo('file')}/README.md`,
  'symbolic link to a repository': (w) => (symlinkSync(w.repo('linked'), w.path('link-to-repo')), w.path('link-to-repo')),
  'symbolic link out of a repository': (w) => (w.repo('linkout'), mkdirp(w.path('outside')), symlinkSync(w.path('outside'), w.path('linkout', 'out')), w.path('linkout', 'out')),
  'spaces and accents': (w) => w.repo('with space/ünïcode'),
  'packed refs': (w) => (w.repo('packed'), w.git('packed', 'pack-refs', '--all'), w.path('packed')),
  'branch with a slash': (w) => (w.repo('slashed'), w.git('slashed', 'checkout', '-q', '-b', 'feature/x'), w.path('slashed')),
  'unborn branch with a remote': (w) => (w.git('.', 'init', '-q', 'unborn'), w.git('unborn', 'remote', 'add', 'origin', 'https://example.invalid/u.git'), w.path('unborn')),
  '.git folder': (w) => `${w.repo('dotgit')}/.git`,
  'folder inside .git': (w) => `${w.repo('deepgit')}/.git/refs/heads`,
  'bare repository': (w) => (w.git('.', 'init', '-q', '--bare', 'bare.git'), w.path('bare.git')),
  'folder in a bare repository': (w) => (w.git('.', 'init', '-q', '--bare', 'bare2.git'), w.path('bare2.git', 'objects')),
  'bare clone': (w) => (w.git('.', 'clone', '-q', '--bare', w.repo('origin1'), 'mirror'), w.path('mirror')),
  'shallow clone': (w) => (w.git('.', 'clone', '-q', '--depth', '1', `file://${w.repo('deep')}`, 'shallow'), w.path('shallow')),
  'sparse checkout': (w) => (w.repo('sparse'), mkdirp(w.path('sparse', 'keep')), writeFileSync(w.path('sparse', 'keep', 'a'), 'a\n'), w.git('sparse', 'add', '.'), w.git('sparse', 'commit', '-q', '-m', 'k'), w.git('sparse', 'sparse-checkout', 'set', 'keep'), w.path('sparse')),
  'merge in progress': (w) => (conflicted(w, 'merging'), attempt(() => w.git('merging', 'merge', '-q', 'other')), w.path('merging')),
  'rebase in progress': (w) => (conflicted(w, 'rebasing'), attempt(() => w.git('rebasing', 'rebase', 'other')), w.path('rebasing')),
  'linked worktree': (w) => (w.git(w.repo('main1'), 'worktree', 'add', '-q', '-b', 'feature', w.path('wt1')), w.path('wt1')),
  'linked worktree admin folder': (w) => (w.git(w.repo('main2'), 'worktree', 'add', '-q', '-b', 'feat2', w.path('wt2')), w.path('main2', '.git', 'worktrees', 'wt2')),
  'detached linked worktree': (w) => (w.git(w.repo('main3'), 'worktree', 'add', '-q', '--detach', w.path('wt3')), w.path('wt3')),
  submodule: (w) => {
    const lib = w.repo('lib', { remote: false });
    w.repo('super');
    w.git('super', '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'sub');
    return w.path('super', 'sub');
  },
  "submodule's Git directory": (w) => w.path('super', '.git', 'modules', 'sub'), // made by the shape above
  'detached HEAD': (w) => (w.git(w.repo('detached'), 'checkout', '-q', '--detach'), w.path('detached')),
  'no remote': (w) => w.repo('noremote', { remote: false }),
  'new repository': (w) => (w.git('.', 'init', '-q', 'fresh'), w.path('fresh')),
  'SHA-256 repository (HEAD kept as 40 digits)': (w) => {
    attempt(() => w.git('.', 'init', '-q', '--object-format=sha256', 'sha256repo'));
    if (!existsSync(w.path('sha256repo', '.git'))) return mkdirp(w.path('sha256repo')); // a git without SHA-256: a plain folder
    writeFileSync(w.path('sha256repo', 'a'), 'a\n');
    w.git('sha256repo', 'add', 'a');
    w.git('sha256repo', 'commit', '-q', '-m', 'a');
    return w.path('sha256repo');
  },
  'garbage HEAD': (w) => (w.repo('garbage'), writeFileSync(w.path('garbage', '.git', 'HEAD'), 'not a ref\n'), w.path('garbage')),
  'no objects folder': (w) => (rmSync(`${w.repo('noobjects')}/.git/objects`, { recursive: true }), w.path('noobjects')),
  'HEAD missing': (w) => (rmSync(`${w.repo('nohead')}/.git/HEAD`), w.path('nohead')),
  '.git file without gitdir:': (w) => (mkdirp(w.path('badfile')), writeFileSync(w.path('badfile', '.git'), 'hello\n'), w.path('badfile')),
  '.git file naming a folder that is gone': (w) => (w.git(w.repo('main4'), 'worktree', 'add', '-q', '-b', 'feat4', w.path('wt4')), rmSync(w.path('main4'), { recursive: true }), w.path('wt4')),
  'not a repository': (w) => mkdirp(w.path('plain', 'folder')),
  'a path that does not exist': (w) => w.path('no', 'such', 'path'),
  'a path that vanished': (w) => (renameSync(w.repo('vanishing'), w.path('moved-away')), w.path('vanishing')),
  'a relative-looking path with dots': (w) => `${w.repo('dots')}/./a/../`,
};

let world: GitWorld;
const targets = new Map<string, string>();

beforeAll(() => {
  if (!python) return;
  world = makeGitWorld();
  for (const [name, setUp] of Object.entries(shapes)) targets.set(name, setUp(world));
}, 120_000);
afterAll(() => world?.cleanup());

describe.skipIf(!python)('the Python Git probe equals the TypeScript probe (python3 -I -S)', () => {
  test('every shape, every operation, no home hint', () => {
    const requests = [...targets.values()].flatMap((target) => gitOperations.map((operation): Request => ({ path: target, operation, homeDir: null })));
    const documents = pythonProbes(requests);
    const disagreements = requests.flatMap((request, i) => {
      const ts = probeGitWorkspace(request.path, { operation: request.operation, cache: null, homeDir: null });
      if (!ts.ok) throw new Error(`the TypeScript probe refused ${request.path}: ${ts.refusal.message}`);
      const py = documents[i]!;
      expect(py.id).toMatch(/^urn:srcos:git-workspace-state:[0-9a-f-]{36}$/);
      expect(py.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      return comparable(py) === comparable(ts.document) ? [] : [{ shape: [...targets].find(([, t]) => t === request.path)?.[0], operation: request.operation, python: py, typescript: ts.document }];
    });
    expect(disagreements).toEqual([]);
    // The shapes cover every state the file system can show.
    const states = new Set(documents.map((d) => d.state));
    expect([...states].sort()).toEqual(['bare_repo', 'corrupt_repo', 'detached_head', 'inside_git_dir', 'inside_worktree', 'not_a_repo', 'repo_root', 'worktree_no_remote']);
  });

  test("the home folder: Python's default (HOME) and the TypeScript probe's homeDir give the same hint", () => {
    const requests: Request[] = [...targets.values()].map((target) => ({ path: target, operation: 'passive_discovery' }));
    const documents = pythonProbes(requests, { env: { ...process.env, HOME: world.root } });
    requests.forEach((request, i) => {
      const ts = probeGitWorkspace(request.path, { cache: null, homeDir: world.root });
      expect(ts.ok && comparable(documents[i]!)).toBe(ts.ok && comparable(ts.document));
    });
    expect(documents.some((d) => (d.pathEvidence as { redaction: string }).redaction === 'user_home_redacted')).toBe(true);
  });
});

// Reads [path, refs] pairs (refs in the TypeScript probe's names); writes each document, or the refusal.
const REFS_DRIVER = [
  'import sys, json',
  'sys.path.insert(0, sys.argv[1])',
  'from sourceos_contracts.git_probe import GitProbeRefusal, probe_git_workspace',
  'NAMES = {"sessionRef": "session_ref", "workspaceRef": "workspace_ref", "capabilityLedgerRef": "capability_ledger_ref", "policyDecisionRef": "policy_decision_ref",',
  '         "agentMachineReceiptRef": "agent_machine_receipt_ref", "causalRefs": "causal_refs", "evidenceRefs": "evidence_refs"}',
  'out = []',
  'for target, refs in json.load(sys.stdin):',
  '    try:',
  '        out.append({"document": probe_git_workspace(target, cache=False, home_dir=None, **{NAMES[k]: v for k, v in refs.items()})})',
  '    except GitProbeRefusal as refusal:',
  '        out.append({"refusal": {"code": refusal.code, "message": refusal.message}})',
  'json.dump(out, sys.stdout)',
].join('\n');

const urn = (kind: string) => fc.stringMatching(new RegExp(`^urn:srcos:${kind}:[a-z0-9-]{1,12}$`));
/** A reference: mostly one its field takes, sometimes one it refuses (another kind, white space, empty, not a string). */
const ref = (kind: string) => fc.oneof({ weight: 20, arbitrary: urn(kind) }, { weight: 1, arbitrary: fc.constantFrom('', 'local', `urn:srcos:${kind}:a b`, `urn:srcos:${kind}:`, 'urn:srcos:other:x', `urn:srcos:${kind}:\u00a0x`) });
const refsArbitrary = fc.record(
  {
    sessionRef: ref('session'),
    workspaceRef: ref('workspace'),
    capabilityLedgerRef: ref('capability-ledger'),
    policyDecisionRef: ref('decision'),
    agentMachineReceiptRef: fc.oneof(fc.constant(null), ref('agent-machine-receipt')),
    causalRefs: fc.array(fc.oneof({ weight: 20, arbitrary: urn('event') }, { weight: 1, arbitrary: fc.constant('') }), { maxLength: 2 }),
    evidenceRefs: fc.array(fc.oneof({ weight: 20, arbitrary: urn('evidence') }, { weight: 1, arbitrary: fc.constant('') }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

describe.skipIf(!python)('the reference overrides: the Python probe equals the TypeScript probe', () => {
  test('the same references make the same document, and the references one refuses the other refuses alike', () => {
    const paths = [...targets.values()];
    const cases = fc.sample(fc.tuple(fc.constantFrom(...paths), refsArbitrary), { numRuns: 300, seed: 20261206 }) as [string, Partial<GitProbeRefs>][];
    // the overrides of `contracts git-state` alone, each valid, and refused values of other types
    cases.push(
      [targets.get('repository root')!, { sessionRef: 'urn:srcos:session:terminal-7', workspaceRef: 'urn:srcos:workspace:w', capabilityLedgerRef: 'urn:srcos:capability-ledger:l', policyDecisionRef: 'urn:srcos:decision:d' }],
      [targets.get('not a repository')!, { sessionRef: 42 as unknown as string }],
      [targets.get('repository root')!, { workspaceRef: ['urn:srcos:workspace:w'] as unknown as string }],
    );
    const child = spawnSync(python!, ['-I', '-S', '-c', REFS_DRIVER, pythonSrc], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(child.stderr).toBe('');
    const answers = JSON.parse(child.stdout) as ({ document: Record<string, unknown> } | { refusal: { code: string; message: string } })[];
    let refused = 0;
    const disagreements = cases.flatMap(([target, refs], i) => {
      const ts = probeGitWorkspace(target, { operation: 'passive_discovery', cache: null, homeDir: null, refs });
      const py = answers[i]!;
      if (!ts.ok) refused += 1;
      const same = ts.ok ? 'document' in py && comparable(py.document) === comparable(ts.document) : 'refusal' in py && py.refusal.code === ts.refusal.code && py.refusal.message === ts.refusal.message;
      return same ? [] : [{ target, refs, typescript: ts.ok ? ts.document : ts.refusal, python: py }];
    });
    expect(disagreements.slice(0, 3)).toEqual([]);
    // both answers occur, in numbers, and an accepted document carries the references it was given
    expect(refused).toBeGreaterThan(20);
    expect(cases.length - refused).toBeGreaterThan(100);
    const given = answers.at(-3)!;
    expect('document' in given && [given.document.sessionRef, given.document.workspaceRef, given.document.capabilityLedgerRef, given.document.policyDecisionRef]).toEqual([
      'urn:srcos:session:terminal-7',
      'urn:srcos:workspace:w',
      'urn:srcos:capability-ledger:l',
      'urn:srcos:decision:d',
    ]);
  });
});

describe.skipIf(!python || !existsSync(contractsBin))('the reference overrides: the Python probe equals `contracts git-state` (dist/contracts.js)', () => {
  const flags = { sessionRef: '--session-ref', workspaceRef: '--workspace-ref', capabilityLedgerRef: '--capability-ledger-ref', policyDecisionRef: '--policy-decision-ref' } as const;
  test.each([
    ['every reference given', 0, { sessionRef: 'urn:srcos:session:terminal-7', workspaceRef: 'urn:srcos:workspace:w', capabilityLedgerRef: 'urn:srcos:capability-ledger:l', policyDecisionRef: 'urn:srcos:decision:d' }],
    ['one reference given', 0, { policyDecisionRef: 'urn:srcos:decision:p-1' }],
    ['references it refuses', 2, { sessionRef: 'urn:srcos:session:a b', workspaceRef: 'local' }],
    ['an empty reference', 2, { capabilityLedgerRef: '' }],
  ] as const)('%s (exit %i)', (_what, exit, refs) => {
    const target = targets.get('nested folder')!;
    const args = Object.entries(refs).flatMap(([name, value]) => [flags[name as keyof typeof flags], value]);
    const bin = spawnSync(process.execPath, [contractsBin, 'git-state', target, '--operation', 'user_requested_command', ...args], { encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent' } });
    const driver = ['import sys, json', 'sys.path.insert(0, sys.argv[1])', 'from sourceos_contracts.git_probe import GitProbeRefusal, probe_git_workspace', 'names = {"sessionRef": "session_ref", "workspaceRef": "workspace_ref", "capabilityLedgerRef": "capability_ledger_ref", "policyDecisionRef": "policy_decision_ref"}', 'try:', '    print(json.dumps(probe_git_workspace(sys.argv[2], "user_requested_command", cache=False, **{names[k]: v for k, v in json.loads(sys.argv[3]).items()})))', 'except GitProbeRefusal as refusal:', '    print(f"contracts git-state: {refusal}", file=sys.stderr)', '    sys.exit(2)'].join('\n');
    const py = spawnSync(python!, ['-I', '-S', '-c', driver, pythonSrc, target, JSON.stringify(refs)], { encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent' } });
    expect(bin.status).toBe(exit);
    expect([py.status, py.stderr]).toEqual([bin.status, bin.status === 0 ? '' : bin.stderr.split('\n')[0] + '\n']);
    if (bin.status === 0) expect(comparable(JSON.parse(py.stdout) as object)).toBe(comparable(JSON.parse(bin.stdout) as object));
  });
});

const isRoot = process.getuid?.() === 0;
const canDropPrivileges = isRoot && existsSync('/usr/bin/python3') && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '/usr/bin/python3', '-I', '-S', '-c', '0']).status === 0;

describe.skipIf(!python || !isRoot || !canDropPrivileges || !existsSync(contractsBin))('as the user nobody, the Python probe equals `contracts git-state` (dist/contracts.js)', () => {
  beforeAll(() => {
    mkdirSync(world.path('locked'));
    world.repo('locked/repo');
    chmodSync(world.path('locked'), 0o700);
    world.repo('hidden');
    mkdirSync(world.path('hidden', 'sub'));
    chmodSync(world.path('hidden', '.git'), 0o700);
  });

  test.each([
    ['a repository in a folder it cannot enter', 'locked/repo'],
    ['a work tree whose .git it cannot read', 'hidden'],
    ['a folder in that work tree', 'hidden/sub'],
    ['a repository it can read', 'root'],
  ])('%s', (_what, target) => {
    for (const operation of ['passive_discovery', 'user_requested_command'] as const) {
      const bin = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, contractsBin, 'git-state', world.path(target), '--operation', operation], { encoding: 'utf8', env: { ...process.env, HOME: '/nonexistent' } });
      expect(bin.status, bin.stderr).toBe(0);
      const [py] = pythonProbes([{ path: world.path(target), operation }], { asNobody: true, env: { ...process.env, HOME: '/nonexistent' } });
      expect(comparable(py!)).toBe(comparable(JSON.parse(bin.stdout) as object));
      if (target !== 'root') expect(py!.state).toBe('permission_denied');
    }
  });
});

// Reads texts (JSON) on standard input; writes what each Python reader makes of each, in the TypeScript readers' shapes.
const READERS_DRIVER = [
  'import sys, json',
  'sys.path.insert(0, sys.argv[1])',
  'from sourceos_contracts.git_probe import git_files as g, _paths as p',
  'from sourceos_contracts.git_probe.path_evidence import path_evidence_of',
  'def head(h):',
  '    return {"kind": h.kind, **({"ref": h.value} if h.kind == "ref" else {"sha": h.value} if h.kind == "commit" else {})}',
  'def config(c):',
  '    return {"bare": c.bare, "remotes": list(c.remotes)}',
  'out = []',
  'for t, u in json.load(sys.stdin):',
  '    out.append({"gitFile": g.parse_git_file(t), "head": head(g.parse_head(t)), "looseRef": g.parse_loose_ref(t), "config": config(g.parse_git_config(t)),',
  '                "packed": g.find_packed_ref(t, u), "evidence": path_evidence_of("/" + t, "/" + u), "join": p.join("/" + u, t), "resolve": p.resolve("/" + u, t),',
  '                "dirname": p.dirname(t), "basename": p.basename(t)})',
  'json.dump(out, sys.stdout)',
].join('\n');

const pieces = ['a', 'b', '0', 'f', ' ', '\t', '\r', '\n', '\r\n', '\v', '\f', '\u2028', '\u2029', '\ufeff', '\x1c', '\x85', '\u00a0', '\u3000', '"', '\\', '#', ';', '[', ']', '=', '.', '..', '-', '/', '\\', 'C:', 'é', '😀', '\ud800',
  'gitdir:', 'ref:', 'refs/', 'refs/heads/main', '[core]', '[remote "o"]', 'bare', 'url', 'true', 'No', '^', 'a'.repeat(40), 'b'.repeat(64), ' refs/heads/main\n'];
const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((parts) => parts.join(''));
/** White space where the two languages' regular expressions disagree, and some where they agree. */
const ws = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', ' ', '\t') }, { weight: 1, arbitrary: fc.constantFrom('\x1c', '\x1f', '\x85', '\ufeff', '\u00a0', '\u2028', '\r', '\v') });
const join = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const maybe = (a: fc.Arbitrary<string>) => fc.oneof(fc.constant(''), a);
const c = (...values: string[]) => fc.constantFrom(...values);
const comment = maybe(join(ws, c('#', ';'), c('', ' x', ' "q"')));
const header = join(ws, c('['), ws, c('core', 'Core', 'remote', 'remote', 'remote.x', 'co re'), maybe(join(c(' ', ' ', '\t', '\x1c', '\ufeff'), c('"o"', '"o"', '"a \\"q\\""', '"x\u2028"', '"\\\u2028"'))), ws, c(']', ']', ''), comment);
const entry = fc.oneof(join(ws, c('bare', 'url', 'Bare', 'URL', 'url', 'fetch', '9x'), ws, maybe(join(c('='), ws, c('true', 'false', 'yes', 'off', '0', '"x"', '"true"', '', 'u', '""', 'a # b', 'x;y', 'TRUE\u2028'))), ws, comment), comment);
const configText = fc
  .tuple(fc.array(fc.tuple(header, fc.array(entry, { maxLength: 3 })), { maxLength: 3 }), c('\n', '\r\n'))
  .map(([sections, eol]) => sections.flatMap(([h, entries]) => [h, ...entries]).join(eol));
const sha = c('a'.repeat(40), 'b'.repeat(64), 'c'.repeat(39), 'A'.repeat(40));
const headText = join(maybe(join(c('ref:', 'ref: '), ws)), fc.oneof(c('refs/heads/main', 'refs/heads/a\x1cb', 'refs/heads/a\ufeff', 'refs/x y', 'heads/main'), sha), ws, c('', '\n', '\r\n', '\n\n', '\r'));
const gitFileText = join(c('gitdir:', 'gitdir: ', 'gitdir'), ws, c('../.git/modules/sub', '/abs/p', '', 'a\u2028b', 'x y'), ws, c('', '\r', '\n', '\r\nmore'));
const packedText = fc.array(fc.oneof(join(sha, c(' ', '  ', '\t'), c('refs/heads/main', 'refs/tags/v1', 'refs/heads/main x')), join(c('^', '#'), sha)), { maxLength: 4 }).chain((lines) => c('\n', '\r\n').map((eol) => lines.join(eol)));
const text = fc.oneof(soup, configText, headText, gitFileText, packedText);

describe.skipIf(!python)("the readers of Git's files and of paths agree on generated texts", () => {
  test('parse_git_file, parse_head, parse_loose_ref, parse_git_config, find_packed_ref, path evidence and path arithmetic', () => {
    const cases = fc.sample(fc.tuple(text, fc.oneof(text, c('refs/heads/main'))), 2000);
    const child = spawnSync(python!, ['-I', '-S', '-c', READERS_DRIVER, pythonSrc], { input: JSON.stringify(cases), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    expect(child.stderr).toBe('');
    const python_ = JSON.parse(child.stdout) as unknown[];
    const disagreements = cases.flatMap(([t, u], i) => {
      const ts = {
        gitFile: parseGitFile(t), head: parseHead(t), looseRef: parseLooseRef(t), config: parseGitConfig(t), packed: findPackedRef(t, u),
        evidence: pathEvidenceOf(`/${t}`, `/${u}`), join: path.posix.join(`/${u}`, t), resolve: path.posix.resolve(`/${u}`, t), dirname: path.posix.dirname(t), basename: path.posix.basename(t),
      };
      return JSON.stringify(ts) === JSON.stringify(python_[i]) ? [] : [{ input: [t, u], typescript: ts, python: python_[i] }];
    });
    expect(disagreements.slice(0, 3)).toEqual([]);
    // The texts reach every outcome of the readers, not only their refusals.
    const seen = (f: (o: { gitFile: unknown; head: { kind: string }; looseRef: unknown; config: { bare: unknown; remotes: unknown[] }; packed: unknown; evidence: { redaction: string } }) => boolean) =>
      (python_ as Parameters<typeof f>[0][]).filter(f).length;
    expect([
      seen((o) => o.gitFile !== null), seen((o) => o.head.kind === 'ref'), seen((o) => o.head.kind === 'commit'), seen((o) => o.looseRef !== null),
      seen((o) => o.config.bare !== null), seen((o) => o.config.remotes.length > 0), seen((o) => o.packed !== null), seen((o) => o.evidence.redaction === 'user_home_redacted'),
    ].map((n) => n > 0)).toEqual(new Array(8).fill(true));
  });
});
