/**
 * The few file-system reads the Git probe makes, behind a narrow interface so that a test can put
 * a failing file system in its place. Each read throws Node's errno errors (`ENOENT`, `EACCES`, ...).
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';

export type GitProbeEntryKind = 'file' | 'directory' | 'other';

export interface GitProbeFs {
  /** What is at a path, following symbolic links; null (or an `ENOENT` error) when nothing is. */
  kind(path: string): GitProbeEntryKind | null;
  /** A file's text (UTF-8). */
  readText(path: string): string;
  /** The path with symbolic links resolved. */
  realpath(path: string): string;
}

/** The real file system, read-only, synchronous. */
export const nodeGitProbeFs: GitProbeFs = {
  kind(path) {
    // Most paths the probe asks about are absent (a `.git` in each folder on the way up): no error
    // is made for them, which is most of a probe's time otherwise.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return null;
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  },
  readText: (path) => readFileSync(path, 'utf8'),
  realpath: (path) => realpathSync.native(path),
};

const codeOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;

/** The error means: nothing there (or a file where a folder was expected on the way). */
export const isAbsent = (error: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes(codeOf(error) ?? '');

/** The error means: not allowed to look. */
export const isDenied = (error: unknown): boolean => ['EACCES', 'EPERM'].includes(codeOf(error) ?? '');

/** A short reason for a failed read, naming the file relative to the Git directory and never the raw path. */
export const failureOf = (what: string, error: unknown): string => `${what}: ${codeOf(error) ?? (error instanceof Error ? error.message : String(error))}`;
