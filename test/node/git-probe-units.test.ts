// The Git probe's parts without a real repository: a file system that refuses or fails (permission
// denied as root cannot be made with chmod), the readers of Git's files, the cache window, and the
// probe's inputs (clock, ids, references, cache) injected.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createGitProbeCache, probeGitWorkspace, readGitFacts, type GitProbeFs } from '../../src/node/index.js';
import { branchOf, findPackedRef, headShaOf, parseGitConfig, parseGitFile, parseHead } from '../../src/node/git-probe/git-files.js';

const SHA = 'a'.repeat(40);
const errno = (code: string) => Object.assign(new Error(code), { code });

/** A file system of a few entries: folders end with '/', files map to text; an Error is thrown on access. */
function fakeFs(entries: Record<string, string | Error>): GitProbeFs {
  const at = (p: string) => entries[p] ?? entries[`${p}/`];
  return {
    kind(p) {
      const e = at(p);
      if (e === undefined) throw errno('ENOENT');
      if (e instanceof Error) throw e;
      return p in entries ? 'file' : 'directory';
    },
    readText(p) {
      const e = entries[p];
      if (e === undefined) throw errno(entries[`${p}/`] === undefined ? 'ENOENT' : 'EISDIR');
      if (e instanceof Error) throw e;
      return e;
    },
    realpath: (p) => p,
  };
}

const repo = (extra: Record<string, string | Error> = {}) =>
  fakeFs({ '/r/': '', '/r/.git/': '', '/r/.git/HEAD': 'ref: refs/heads/main\n', '/r/.git/objects/': '', '/r/.git/refs/': '', '/r/.git/refs/heads/main': `${SHA}\n`, '/r/.git/config': '[remote "origin"]\n\turl = x\n', ...extra });

describe('readGitFacts with a file system that refuses or fails', () => {
  test('a healthy fake repository is read like a real one', () => {
    expect(readGitFacts('/r', repo())).toMatchObject({ gitDirFound: true, branch: 'main', headSha: SHA, remoteState: 'available', atWorktreeRoot: true });
  });

  test.each([
    ['the path itself', { '/r/': errno('EACCES') }],
    ['the .git folder', { '/r/.git/': errno('EACCES') }],
    ['HEAD', { '/r/.git/HEAD': errno('EACCES') }],
    ['config', { '/r/.git/config': errno('EPERM') }],
    ['the branch ref', { '/r/.git/refs/heads/main': errno('EACCES') }],
  ])('EACCES/EPERM on %s is permission_denied, with a reason that names no path', (_what, broken) => {
    const facts = readGitFacts('/r', repo(broken));
    expect(facts).toMatchObject({ permissionDenied: true });
    expect(facts.failureReason).toMatch(/EACCES|EPERM/);
    expect(facts.failureReason).not.toContain('/r');
    const result = probeGitWorkspace('/r', { fs: repo(broken), cache: null, homeDir: null, operation: 'user_requested_command' });
    expect(result.ok && [result.document.state, result.document.severity, result.document.actionability]).toEqual(['permission_denied', 'error', 'blocked']);
    const passive = probeGitWorkspace('/r', { fs: repo(broken), cache: null, homeDir: null });
    expect(passive.ok && [passive.document.state, passive.document.severity, passive.document.actionability]).toEqual(['permission_denied', 'warning', 'blocked']);
  });

  test('an I/O error or a HEAD that is a folder inside the Git directory is corruption', () => {
    expect(readGitFacts('/r', repo({ '/r/.git/HEAD': errno('EIO') }))).toMatchObject({ corrupt: true, failureReason: 'HEAD: EIO' });
    const headFolder = repo();
    expect(readGitFacts('/r', { ...headFolder, readText: (p) => (p.endsWith('HEAD') ? (() => { throw errno('EISDIR'); })() : headFolder.readText(p)) })).toMatchObject({ corrupt: true });
  });

  test('an unknown error at the path itself is not a repository, with the reason', () => {
    expect(readGitFacts('/r', repo({ '/r/': errno('ELOOP') }))).toMatchObject({ gitDirFound: false, failureReason: 'the path: ELOOP' });
  });
});

describe("readers of Git's files", () => {
  test('.git files', () => {
    expect(parseGitFile('gitdir: ../.git/modules/sub\n')).toBe('../.git/modules/sub');
    expect(parseGitFile('gitdir:/abs/path with space\r\n')).toBe('/abs/path with space');
    expect(parseGitFile('hello')).toBeNull();
    expect(parseGitFile('gitdir: \n')).toBeNull();
  });

  test('HEAD', () => {
    expect(parseHead('ref: refs/heads/feature/x\n')).toEqual({ kind: 'ref', ref: 'refs/heads/feature/x' });
    expect(parseHead(`${SHA}\n`)).toEqual({ kind: 'commit', sha: SHA });
    expect(parseHead(`${'b'.repeat(64)}`)).toEqual({ kind: 'commit', sha: 'b'.repeat(64) });
    for (const garbage of ['', 'garbage', `${SHA}\nmore\n`, 'ref: heads/main', 'ABC']) expect(parseHead(garbage)).toEqual({ kind: 'garbage' });
    expect(branchOf('refs/heads/feature/x')).toBe('feature/x');
    expect(headShaOf('c'.repeat(64))).toBe('c'.repeat(40));
  });

  test('packed-refs', () => {
    const text = `# pack-refs with: peeled fully-peeled sorted\n${SHA} refs/heads/main\n^${'d'.repeat(40)}\n${'e'.repeat(40)} refs/tags/v1\n`;
    expect(findPackedRef(text, 'refs/heads/main')).toBe(SHA);
    expect(findPackedRef(text, 'refs/heads/other')).toBeNull();
  });

  test('config: core.bare and remotes with a URL', () => {
    expect(parseGitConfig('[core]\n\tbare = true\n[remote "origin"]\n\turl = https://x\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n')).toEqual({ bare: true, remotes: ['origin'] });
    expect(parseGitConfig('[Core]\n\tBare = FALSE ; comment\n[remote "no-url"]\n\tfetch = x\n')).toEqual({ bare: false, remotes: [] });
    expect(parseGitConfig('[core]\n\tbare\n[remote "a \\"q\\""]\nurl=u\n')).toEqual({ bare: true, remotes: ['a "q"'] });
    expect(parseGitConfig('# nothing\n')).toEqual({ bare: null, remotes: [] });
  });
});

describe('the cache window', () => {
  test('serves an entry within the window, drops it after (and when the clock goes back), keeps at most maxEntries', () => {
    const cache = createGitProbeCache<number>({ ttlMs: 1000, maxEntries: 2 });
    cache.set('a', 1, 10_000);
    expect(cache.get('a', 10_999)).toBe(1);
    expect(cache.get('a', 11_000)).toBeUndefined();
    cache.set('a', 1, 10_000);
    expect(cache.get('a', 9_999)).toBeUndefined();
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.set('c', 3, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('c', 1), cache.size]).toEqual([undefined, 2, 3, 2]);
  });

  test('repeated probes of one resolved path return the first document within the window, a fresh one after', () => {
    let clock = Date.parse('2026-11-29T20:00:00Z');
    let minted = 0;
    const fs = repo();
    const cache = createGitProbeCache({ ttlMs: 5000 });
    const options = { fs, cache, now: () => clock, mintId: () => `n-${++minted}`, homeDir: null };
    const first = probeGitWorkspace('/r', options);
    clock += 4999;
    const again = probeGitWorkspace('/r/./', { ...options, cwd: '/elsewhere' });
    expect(first.ok && again.ok && [first.cached, again.cached, again.document]).toEqual([false, true, first.ok && first.document]);
    const otherOperation = probeGitWorkspace('/r', { ...options, operation: 'user_requested_command' });
    expect(otherOperation.ok && otherOperation.cached).toBe(false);
    clock += 1;
    const later = probeGitWorkspace('/r', options);
    expect(later.ok && [later.cached, later.document.id, later.document.capturedAt]).toEqual([false, 'urn:srcos:git-workspace-state:n-3', '2026-11-29T20:00:05Z']);
  });
});

describe('the probe inputs', () => {
  test('references are overridable; one the document refuses is a refusal, not a throw', () => {
    const fs = repo();
    const ok = probeGitWorkspace('/r', { fs, cache: null, refs: { sessionRef: 'urn:srcos:session:s1', workspaceRef: 'urn:srcos:workspace:w1' } });
    expect(ok.ok && [ok.document.sessionRef, ok.document.workspaceRef, ok.document.capabilityLedgerRef]).toEqual(['urn:srcos:session:s1', 'urn:srcos:workspace:w1', 'urn:srcos:capability-ledger:local']);
    const refused = probeGitWorkspace('/r', { fs, cache: null, refs: { sessionRef: 'not-a-urn' } });
    expect(refused.ok || refused.refusal.code).toBe('git/invalid-input');
  });

  test('the home folder is shown as ~ and a relative path is resolved against cwd', () => {
    const result = probeGitWorkspace('r', { fs: repo(), cache: null, cwd: '/', homeDir: '/' });
    expect(result.ok && result.document.pathEvidence).toMatchObject({ redaction: 'user_home_redacted', redactedPathHint: '~/r' });
  });
});

test('the probe never runs a program: no module of src/node/git-probe imports child_process', () => {
  const dir = path.join(import.meta.dirname, '..', '..', 'src', 'node', 'git-probe');
  for (const file of readdirSync(dir)) expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/child_process|\bspawn(Sync)?\(|execFile|execSync/);
});
