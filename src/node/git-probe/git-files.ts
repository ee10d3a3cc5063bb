/**
 * Readers of the files Git keeps in a Git directory, as text: a `.git` file (`gitdir: <path>`),
 * `commondir`, `HEAD` (a symbolic ref or a commit), loose refs and `packed-refs`, and the few keys
 * of `config` the probe needs (`core.bare`, `[remote "<name>"]` sections). Pure functions of text.
 */

/** The target of a `.git` file (`gitdir: ../.git/modules/sub`), or null when it is not one. */
export function parseGitFile(text: string): string | null {
  const match = /^gitdir:[ \t]*(.*?)[ \t]*\r?$/.exec(text.split('\n')[0]!);
  return match?.[1] ? match[1] : null;
}

/** What HEAD holds: a symbolic ref (`ref: refs/heads/main`), a commit, or garbage. */
export type HeadContent = { readonly kind: 'ref'; readonly ref: string } | { readonly kind: 'commit'; readonly sha: string } | { readonly kind: 'garbage' };

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function parseHead(text: string): HeadContent {
  const line = text.replace(/\r?\n$/, '');
  if (line.includes('\n')) return { kind: 'garbage' };
  const ref = /^ref:[ \t]*(refs\/\S+)$/.exec(line);
  if (ref) return { kind: 'ref', ref: ref[1]! };
  if (SHA.test(line)) return { kind: 'commit', sha: line };
  return { kind: 'garbage' };
}

/** The branch a symbolic ref names (`refs/heads/feature/x` → `feature/x`); other refs keep their full name. */
export const branchOf = (ref: string): string => (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref);

/** The commit of a loose ref file's text, or null. */
export function parseLooseRef(text: string): string | null {
  const line = text.trim();
  return SHA.test(line) ? line : null;
}

/** The commit `packed-refs` gives a ref, or null. */
export function findPackedRef(text: string, ref: string): string | null {
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.startsWith('^')) continue;
    const [sha, name] = line.split(' ');
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  return null;
}

/**
 * The schema keeps `headSha` to 7–40 hex digits; a SHA-256 repository's 64-digit commit is kept as
 * its 40-digit abbreviation (a prefix, as Git abbreviates).
 */
export const headShaOf = (sha: string): string => sha.slice(0, 40);

export interface GitConfigFacts {
  /** `core.bare`, or null when the file does not say. */
  readonly bare: boolean | null;
  /** The names of `[remote "<name>"]` sections that have a `url`. */
  readonly remotes: readonly string[];
}

const TRUE = new Set(['true', 'yes', 'on', '1', '']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/** `core.bare` and the remotes with a URL, from a config file's text (Git's INI dialect, leniently). */
export function parseGitConfig(text: string): GitConfigFacts {
  let section = '';
  let bare: boolean | null = null;
  const remotes = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)[#;].*$/, '').trim();
    if (line === '') continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (header) {
      section = header[2] === undefined ? header[1]!.toLowerCase() : `${header[1]!.toLowerCase()}\u0000${header[2].replace(/\\(.)/g, '$1')}`;
      continue;
    }
    const entry = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!entry) continue;
    const key = entry[1]!.toLowerCase();
    const value = (entry[2] ?? '').replace(/^"(.*)"$/, '$1').trim().toLowerCase();
    if (section === 'core' && key === 'bare') bare = TRUE.has(value) ? true : FALSE.has(value) ? false : bare;
    if (section.startsWith('remote\u0000') && key === 'url' && entry[2] !== undefined && value !== '') remotes.add(section.slice('remote\u0000'.length));
  }
  return { bare, remotes: [...remotes] };
}
