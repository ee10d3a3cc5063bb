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
import { realFolder } from './read-side-file.js';
import { realOrSelf, Visited } from './visited.js';
import type { Input } from './inputs.js';

/**
 * A path found by the walk: absolute `path`, and `display`, relative to the working folder with `/`.
 * `regular` marks a file the folder listing showed as a regular file (not a link, not given by name);
 * `named`, a file given by name on the command line.
 */
export type WalkItem =
  | { kind: 'file'; path: string; display: string; regular?: true; within?: string; named?: true }
  | { kind: 'stdin' }
  | { kind: 'skipped'; path: string; display: string; reason: string }
  | { kind: 'unreadable'; path: string; display: string; message: string }
  | { kind: 'refused'; path: string; display: string; code: string; message: string };

export interface WalkOptions {
  cwd: string;
  ignore: readonly string[];
  /** Files named in the inputs are yielded without `named`, as if a folder's walk had found them. */
  namedAsFound?: boolean;
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
  const visited = new Visited();
  for (const input of inputs) {
    if (input.kind === 'stdin') yield { kind: 'stdin' };
    else if (input.kind === 'file') yield* explicitFile(input.path, options, visited);
    else yield* walkFolder(input.path, options, visited);
  }
}

/** The side files the policy refused since last asked, as walk items for the report (none: undefined). */
function refusals(policy: IgnorePolicy): WalkItem[] | undefined {
  const refused = policy.takeRefusals();
  if (refused.length === 0) return undefined;
  return refused.map((r) => ({ kind: 'refused', path: r.path, display: r.display, code: r.code, message: r.message }));
}

function* explicitFile(file: string, options: WalkOptions, visited: Visited): Generator<WalkItem> {
  if (!visited.addFile(realOrSelf(file))) return; // given twice, or inside a folder given before
  const policy = new IgnorePolicy(options.cwd, options.ignore, undefined);
  const folder = path.dirname(file);
  const git = policy.withGitignore(folder, policy.ancestorGitignores(folder), realFolder(folder));
  yield* refusals(policy) ?? [];
  const reason = policy.reasonToIgnore(file, false, git);
  const display = toDisplayPath(file, options.cwd);
  if (reason) return yield { kind: 'skipped', path: file, display, reason };
  if (!formatOfFile(file)) return yield { kind: 'skipped', path: file, display, reason: 'not a .json, .jsonl or .ndjson file' };
  yield options.namedAsFound ? { kind: 'file', path: file, display } : { kind: 'file', path: file, display, named: true };
}

interface Frame {
  folder: Folder;
  entries: Dirent[];
  next: number;
  git: GitignoreFrame | undefined;
}

/**
 * One generator for a whole folder: folders are entered by a plain function and their entries
 * taken from an explicit stack, so a file found costs one step of this generator, not one of each
 * folder above it.
 */
function* walkFolder(root: string, options: WalkOptions, visited: Visited): Generator<WalkItem> {
  const rootReal = realpathSync(root);
  if (visited.covers(rootReal)) return; // given twice, or inside a folder given before
  const policy = new IgnorePolicy(options.cwd, options.ignore, root);
  const ancestors = policy.ancestorGitignores(root);
  yield* refusals(policy) ?? [];
  const rootReason = policy.reasonToIgnore(root, true, ancestors);
  const rootDisplay = toDisplayPath(root, options.cwd);
  if (rootReason) return yield { kind: 'skipped', path: root, display: rootDisplay, reason: rootReason };
  /** Real paths of the folders entered through links: each is walked once. */
  const linked = new Set<string>();
  const stack: Frame[] = [];
  /** Whether a link to `real` leads back into a folder being walked (a loop) or to one already walked through a link. */
  const loops = (real: string): boolean => linked.has(real) || stack.some((frame) => isInside(frame.folder.real, real));
  /** Reads a folder and puts it on top of the stack; what to say first: its failure when it cannot be read, the side files refused. */
  const enter = (folder: Folder, throughLink = false): WalkItem[] | undefined => {
    if (!visited.enterFolder(folder.real)) return undefined; // reached already (a link went there first)
    if (throughLink) linked.add(folder.real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder.path, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return [{ kind: 'unreadable', path: folder.path, display: folder.display, message: `cannot read the folder: ${code}` }];
    }
    entries.sort(byName);
    const git = entries.some((e) => e.name === GITIGNORE) ? policy.withGitignore(folder.path, folder.git) : folder.git;
    const said = refusals(policy);
    stack.push({ folder, entries, next: 0, git });
    return said;
  };
  const first = enter({ path: root, display: rootDisplay, real: rootReal, git: ancestors });
  if (first) yield* first;
  // links are followed after the folders and files they may lead to: a file is then reported at its
  // own path, and a link to it is skipped as scanned already
  const links: { full: string; display: string; git: GitignoreFrame | undefined }[] = [];
  let nextLink = 0;
  for (;;) {
    const frame = stack[stack.length - 1];
    if (frame === undefined) {
      const link = links[nextLink++];
      if (!link) break;
      const item = followLink(link.full, link.display, rootReal, loops, policy, link.git, visited);
      if (item && 'real' in item) {
        const said = enter(item, true);
        if (said) yield* said;
      } else if (item) yield item;
      continue;
    }
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
      if (!policy.reasonToIgnore(full, true, git)) {
        const said = enter({ path: full, display, real: joinPath(folder.real, entry.name), git });
        if (said) yield* said;
      }
    } else if (entry.isFile()) {
      if (formatOfFile(entry.name) && !policy.reasonToIgnore(full, false, git) && !(visited.hasLooseFiles && visited.hasLoose(joinPath(folder.real, entry.name)))) {
        yield { kind: 'file', path: full, display, regular: true };
      }
    } else if (entry.isSymbolicLink()) {
      links.push({ full, display, git });
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
  visited: Visited,
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
  if (!isFolder) {
    if (!formatOfFile(link)) return undefined;
    if (!visited.addFile(real)) return { kind: 'skipped', path: link, display, reason: 'symbolic link to a file scanned already: not counted twice' };
    return { kind: 'file', path: link, display, within: rootReal };
  }
  if (loops(real) || isInside(realOrSelf(path.dirname(link)), real)) {
    return { kind: 'skipped', path: link, display, reason: 'symbolic link loop: the folder it points to is already scanned' };
  }
  if (visited.hasFolder(real)) return { kind: 'skipped', path: link, display, reason: 'symbolic link to a folder scanned already: not counted twice' };
  return { path: link, display, real, git };
}
