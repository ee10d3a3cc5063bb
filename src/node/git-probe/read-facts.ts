/**
 * What the file system shows about a path, Git-wise, as the facts the classification machine
 * takes (`GitProbeFacts`): whether a repository was found, bare or not, whether the path is inside
 * its Git directory or at the top of its work tree, the branch and HEAD commit, and whether a remote
 * is configured. Read from `.git`, `commondir`, `HEAD`, the refs and `config`; Git is never run.
 * Failure reasons name files relative to the Git directory, never the probed path.
 */
import path from 'node:path';
import type { GitProbeFacts } from '../../index.js';
import { discoverRepository, kindOf, ProbeDenied } from './discover.js';
import { failureOf, isAbsent, isDenied, nodeGitProbeFs, type GitProbeFs } from './fs.js';
import { branchOf, findPackedRef, headShaOf, parseGitConfig, parseHead, parseLooseRef, type GitConfigFacts } from './git-files.js';

/** A repository found but unusable: the probe reports `corrupt_repo`. */
class ProbeCorrupt extends Error {}

/** A file's text, or null when it does not exist; refused → ProbeDenied, unreadable → ProbeCorrupt. */
function readOptional(fs: GitProbeFs, file: string, what: string): string | null {
  try {
    // Looked at first: an absent file (commondir, a packed ref) then costs no error.
    if ((fs.kind(file) ?? null) === null) return null;
    return fs.readText(file);
  } catch (error) {
    if (isAbsent(error)) return null;
    if (isDenied(error)) throw new ProbeDenied(failureOf(what, error));
    throw new ProbeCorrupt(failureOf(what, error));
  }
}

/** The commit a ref points at (loose, then packed), or null when it has none yet (an unborn branch). */
function commitOf(fs: GitProbeFs, commonDir: string, ref: string): string | null {
  const loose = readOptional(fs, path.join(commonDir, ...ref.split('/')), ref);
  if (loose !== null) return parseLooseRef(loose);
  const packed = readOptional(fs, path.join(commonDir, 'packed-refs'), 'packed-refs');
  return packed === null ? null : findPackedRef(packed, ref);
}

interface Repository {
  readonly commonDir: string;
  readonly config: GitConfigFacts;
}

/** The Git directory's shared folder and config, checked: a missing objects or refs folder is corruption. */
function openRepository(fs: GitProbeFs, gitDir: string): Repository {
  if (kindOf(fs, gitDir, 'git directory') !== 'directory') throw new ProbeCorrupt('the Git directory does not exist');
  const commondir = readOptional(fs, path.join(gitDir, 'commondir'), 'commondir');
  const commonDir = commondir === null ? gitDir : path.resolve(gitDir, commondir.trim());
  for (const folder of ['objects', 'refs']) {
    if (kindOf(fs, path.join(commonDir, folder), folder) !== 'directory') throw new ProbeCorrupt(`the ${folder} folder is missing`);
  }
  const config = readOptional(fs, path.join(commonDir, 'config'), 'config');
  return { commonDir, config: config === null ? { bare: null, remotes: [] } : parseGitConfig(config) };
}

/** Branch and HEAD commit from HEAD (per work tree, in the Git directory). */
function headOf(fs: GitProbeFs, gitDir: string, commonDir: string): Pick<GitProbeFacts, 'branch' | 'headSha'> {
  const text = readOptional(fs, path.join(gitDir, 'HEAD'), 'HEAD');
  if (text === null) throw new ProbeCorrupt('HEAD is missing');
  const head = parseHead(text);
  if (head.kind === 'garbage') throw new ProbeCorrupt('HEAD is neither a ref nor a commit');
  if (head.kind === 'commit') return { branch: null, headSha: headShaOf(head.sha) };
  const sha = commitOf(fs, commonDir, head.ref);
  return { branch: branchOf(head.ref), headSha: sha === null ? null : headShaOf(sha) };
}

/** Without `core.bare`, a Git directory named `.git`, or one under `.git/worktrees/` or `.git/modules/`, has a work tree. */
const hasWorktreeByLayout = (gitDir: string): boolean => path.basename(gitDir) === '.git' || /[\\/]\.git[\\/](worktrees|modules)[\\/]/.test(gitDir);

/** Facts of a path that exists, from its folder (`start`, symbolic links resolved). */
function factsOfFolder(fs: GitProbeFs, start: string): GitProbeFacts {
  const found = discoverRepository(fs, start);
  if (found.kind === 'none') return { gitDirFound: false, failureReason: 'no .git in the folder or above it' };
  if (found.kind === 'broken') return { gitDirFound: true, corrupt: true, gitDir: found.gitDir, worktreeRoot: found.worktreeRoot, failureReason: found.reason };
  const worktreeRoot = found.kind === 'worktree' ? found.worktreeRoot : path.basename(found.gitDir) === '.git' ? path.dirname(found.gitDir) : null;
  const seen = { gitDirFound: true, gitDir: found.gitDir, worktreeRoot };
  try {
    const repo = openRepository(fs, found.gitDir);
    const head = headOf(fs, found.gitDir, repo.commonDir);
    const remoteState = repo.config.remotes.length > 0 ? ('available' as const) : ('missing' as const);
    if (found.kind === 'git-dir') {
      const bare = repo.config.bare ?? !hasWorktreeByLayout(found.gitDir);
      return { ...seen, ...head, remoteState, bare, insideGitDir: true, atWorktreeRoot: false, worktreeRoot: bare ? null : worktreeRoot };
    }
    return { ...seen, ...head, remoteState, bare: false, insideGitDir: false, atWorktreeRoot: start === found.worktreeRoot };
  } catch (error) {
    if (error instanceof ProbeDenied) throw error;
    const failureReason = error instanceof ProbeCorrupt ? error.message : failureOf('the Git directory', error);
    return { ...seen, corrupt: true, remoteState: 'unknown', failureReason };
  }
}

/** The Git facts of an absolute path (a file is probed as its folder). */
export function readGitFacts(target: string, fs: GitProbeFs = nodeGitProbeFs): GitProbeFacts {
  try {
    const kind = kindOf(fs, target, 'the path');
    if (kind === null) return { gitDirFound: false, failureReason: 'the path does not exist' };
    const folder = kind === 'directory' ? target : path.dirname(target);
    let start: string;
    try {
      start = fs.realpath(folder);
    } catch (error) {
      if (isDenied(error)) throw new ProbeDenied(failureOf('the path', error));
      return { gitDirFound: false, failureReason: isAbsent(error) ? 'the path does not exist' : failureOf('the path', error) };
    }
    return factsOfFolder(fs, start);
  } catch (error) {
    if (error instanceof ProbeDenied) return { gitDirFound: false, permissionDenied: true, remoteState: 'unknown', failureReason: error.reason };
    return { gitDirFound: false, failureReason: failureOf('the path', error) };
  }
}
