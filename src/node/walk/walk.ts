/**
 * Walks the inputs in a stable order (depth first, the entries of a folder sorted by code point) and yields the
 * document files to read and the entries left out, with a reason. `.git` and `node_modules` are
 * never entered; ignore rules prune folders before they are read; symbolic links are followed
 * only when they stay inside the scanned folder, and never round a loop.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { formatOfFile } from '../parse/documents.js';
import { IgnorePolicy, GITIGNORE, type GitignoreFrame } from './ignore-policy.js';
import type { Input } from './inputs.js';

/**
 * A path found by the walk: absolute `path`, and `display`, relative to the working folder with `/`.
 * `regular` marks a file the folder listing showed as a regular file (not a link, not given by name).
 */
export type WalkItem =
  | { kind: 'file'; path: string; display: string; regular?: true }
  | { kind: 'stdin' }
  | { kind: 'skipped'; path: string; display: string; reason: string }
  | { kind: 'unreadable'; path: string; display: string; message: string };

export interface WalkOptions {
  cwd: string;
  ignore: readonly string[];
}

const NEVER_ENTER = new Set(['.git', 'node_modules']);

interface Folder {
  path: string;
  display: string;
  real: string;
  git: GitignoreFrame | undefined;
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The path relative to the working folder, `/`-separated ("." for the folder itself). */
export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || '.';
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

const joinPath = (folder: string, name: string): string => (folder.endsWith(path.sep) ? folder + name : folder + path.sep + name);
const joinDisplay = (folder: string, name: string): string => (folder === '.' ? name : `${folder}/${name}`);

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

export function* walkInputs(inputs: readonly Input[], options: WalkOptions): Generator<WalkItem> {
  for (const input of inputs) {
    if (input.kind === 'stdin') yield { kind: 'stdin' };
    else if (input.kind === 'file') yield* explicitFile(input.path, options);
    else yield* walkFolder(input.path, options);
  }
}

function* explicitFile(file: string, options: WalkOptions): Generator<WalkItem> {
  const policy = new IgnorePolicy(options.cwd, options.ignore, undefined);
  const folder = path.dirname(file);
  const reason = policy.reasonToIgnore(file, false, policy.withGitignore(folder, policy.ancestorGitignores(folder)));
  const display = toDisplayPath(file, options.cwd);
  if (reason) return yield { kind: 'skipped', path: file, display, reason };
  if (!formatOfFile(file)) return yield { kind: 'skipped', path: file, display, reason: 'not a .json, .jsonl or .ndjson file' };
  yield { kind: 'file', path: file, display };
}

interface Frame {
  folder: Folder;
  entries: Dirent[];
  next: number;
  git: GitignoreFrame | undefined;
}

function* walkFolder(root: string, options: WalkOptions): Generator<WalkItem> {
  const policy = new IgnorePolicy(options.cwd, options.ignore, root);
  const ancestors = policy.ancestorGitignores(root);
  const rootReason = policy.reasonToIgnore(root, true, ancestors);
  const rootDisplay = toDisplayPath(root, options.cwd);
  if (rootReason) return yield { kind: 'skipped', path: root, display: rootDisplay, reason: rootReason };
  const rootReal = realpathSync(root);
  /** Real paths of the folders entered through links: each is walked once. */
  const linked = new Set<string>();
  const stack: Frame[] = [];
  /** Whether a link to `real` leads back into a folder being walked (a loop) or to one already walked through a link. */
  const loops = (real: string): boolean => linked.has(real) || stack.some((frame) => isInside(frame.folder.real, real));
  /** Reads a folder and puts it on top of the stack; yields its failure when it cannot be read. */
  function* enter(folder: Folder, throughLink = false): Generator<WalkItem> {
    if (throughLink) linked.add(folder.real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      yield { kind: 'unreadable', path: folder.path, display: folder.display, message: `cannot read the folder: ${code}` };
      return;
    }
    entries.sort(byName);
    const git = entries.some((e) => e.name === GITIGNORE) ? policy.withGitignore(folder.path, folder.git) : folder.git;
    stack.push({ folder, entries, next: 0, git });
  }
  yield* enter({ path: root, display: rootDisplay, real: rootReal, git: ancestors });
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const entry = frame.entries[frame.next++];
    if (!entry) {
      stack.pop();
      continue;
    }
    if (NEVER_ENTER.has(entry.name)) continue;
    const { folder, git } = frame;
    const full = joinPath(folder.path, entry.name);
    const display = joinDisplay(folder.display, entry.name);
    if (entry.isDirectory()) {
      if (!policy.reasonToIgnore(full, true, git)) yield* enter({ path: full, display, real: joinPath(folder.real, entry.name), git });
    } else if (entry.isFile()) {
      if (formatOfFile(entry.name) && !policy.reasonToIgnore(full, false, git)) yield { kind: 'file', path: full, display, regular: true };
    } else if (entry.isSymbolicLink()) {
      const item = followLink(full, display, rootReal, loops, policy, git);
      if (item && 'real' in item) yield* enter(item, true);
      else if (item) yield item;
    } else if (formatOfFile(entry.name)) {
      yield { kind: 'skipped', path: full, display, reason: 'not a regular file' };
    }
  }
}

function followLink(
  link: string,
  display: string,
  rootReal: string,
  loops: (real: string) => boolean,
  policy: IgnorePolicy,
  git: GitignoreFrame | undefined,
): WalkItem | Folder | undefined {
  let real: string;
  try {
    real = realpathSync(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ELOOP' ? 'symbolic link loop: not followed' : `broken symbolic link (${code ?? 'unresolvable'}): not followed`;
    return { kind: 'skipped', path: link, display, reason };
  }
  if (!isInside(real, rootReal)) {
    return { kind: 'skipped', path: link, display, reason: 'symbolic link to outside the scanned folder: not followed' };
  }
  let isFolder: boolean;
  try {
    const stat = statSync(real);
    if (!stat.isDirectory() && !stat.isFile()) return formatOfFile(link) ? { kind: 'skipped', path: link, display, reason: 'not a regular file' } : undefined;
    isFolder = stat.isDirectory();
  } catch (error) {
    return { kind: 'unreadable', path: link, display, message: `cannot read the link's target: ${(error as NodeJS.ErrnoException).code ?? 'error'}` };
  }
  if (policy.reasonToIgnore(link, isFolder, git)) return undefined;
  if (!isFolder) return formatOfFile(link) ? { kind: 'file', path: link, display } : undefined;
  if (loops(real)) {
    return { kind: 'skipped', path: link, display, reason: 'symbolic link loop: the folder it points to is already scanned' };
  }
  return { path: link, display, real, git };
}
