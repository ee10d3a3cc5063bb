/**
 * Finds the repository a folder belongs to the way Git's own discovery does, from the file system
 * alone: from the folder upward, the first folder that holds a `.git` (a folder, or a file saying
 * `gitdir: <path>` as linked worktrees and submodules have) or that is itself a Git directory (a
 * bare repository, or a folder inside a `.git`). No ceiling other than the root of the file system.
 */
import path from 'node:path';
import { failureOf, isAbsent, isDenied, type GitProbeEntryKind, type GitProbeFs } from './fs.js';
import { parseGitFile } from './git-files.js';

export type Discovery =
  /** A work tree: `worktreeRoot` holds the `.git` that leads to `gitDir`. */
  | { readonly kind: 'worktree'; readonly worktreeRoot: string; readonly gitDir: string }
  /** The folder is a Git directory or inside one (bare or not is decided from its config). */
  | { readonly kind: 'git-dir'; readonly gitDir: string }
  /** A `.git` that cannot be a repository (a `.git` file without `gitdir:`, an unreadable one). */
  | { readonly kind: 'broken'; readonly worktreeRoot: string; readonly gitDir: string; readonly reason: string }
  | { readonly kind: 'none' };

/** Thrown when a read is refused: the probe reports `permission_denied`. */
export class ProbeDenied extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** What is at a path, or null when nothing is; a refused look throws ProbeDenied. */
export function kindOf(fs: GitProbeFs, file: string, what: string): GitProbeEntryKind | null {
  try {
    return fs.kind(file) ?? null;
  } catch (error) {
    if (isDenied(error)) throw new ProbeDenied(failureOf(what, error));
    if (isAbsent(error)) return null;
    throw error;
  }
}

/** A Git directory has a HEAD file and an objects or refs folder (or a commondir file pointing at them). */
function looksLikeGitDir(fs: GitProbeFs, dir: string): boolean {
  const quiet = (file: string): GitProbeEntryKind | null => {
    try {
      return fs.kind(file) ?? null;
    } catch {
      return null;
    }
  };
  if (quiet(path.join(dir, 'HEAD')) !== 'file') return false;
  return quiet(path.join(dir, 'objects')) === 'directory' || quiet(path.join(dir, 'refs')) === 'directory' || quiet(path.join(dir, 'commondir')) === 'file';
}

/** The repository `start` (an absolute folder, symbolic links resolved) belongs to. */
export function discoverRepository(fs: GitProbeFs, start: string): Discovery {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    let kind: GitProbeEntryKind | null;
    try {
      kind = kindOf(fs, dotGit, '.git');
    } catch (error) {
      if (error instanceof ProbeDenied) throw error;
      return { kind: 'broken', worktreeRoot: dir, gitDir: dotGit, reason: failureOf('.git', error) };
    }
    if (kind === 'directory') return { kind: 'worktree', worktreeRoot: dir, gitDir: dotGit };
    if (kind === 'file') {
      let text: string;
      try {
        text = fs.readText(dotGit);
      } catch (error) {
        if (isDenied(error)) throw new ProbeDenied(failureOf('.git', error));
        return { kind: 'broken', worktreeRoot: dir, gitDir: dotGit, reason: failureOf('.git', error) };
      }
      const target = parseGitFile(text);
      if (target === null) return { kind: 'broken', worktreeRoot: dir, gitDir: dotGit, reason: '.git is a file without a "gitdir: <path>" line' };
      return { kind: 'worktree', worktreeRoot: dir, gitDir: path.resolve(dir, target) };
    }
    if (looksLikeGitDir(fs, dir)) return { kind: 'git-dir', gitDir: dir };
    if (path.dirname(dir) === dir) return { kind: 'none' };
  }
}
