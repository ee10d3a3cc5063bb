/**
 * Evidence of a path without the path: its `sha256:` digest and, at most, a redacted hint. The
 * home folder is shown as `~` (`/home/ada/src/app` → `~/src/app`); a path under a workspace root
 * given an alias is shown from the alias (`app/src`); any other path gets no hint at all
 * (`digest_only`). The raw path is never stored. Paths are compared and digested without trailing
 * separators, so `/a/b/` and `/a/b` are one path; `/` and `\` are both separators.
 */
import type { PathEvidence } from '../../../generated/types/index.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord } from '../kernel/input.js';
import { refuse, type Refused } from '../kernel/outcome.js';
import { sha256Digest } from '../kernel/sha256.js';

/** A workspace root shown under a name instead of its path. */
export interface WorkspaceAlias {
  readonly root: string;
  readonly name: string;
}

/** True for `/…`, `C:\…` or `C:/…`, and `\\server\…`. */
export const isAbsolutePath = (path: unknown): path is string => typeof path === 'string' && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);

/** The path without trailing separators (a root stays as it is). */
export function trimPath(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? path.slice(0, trimmed.length + 1) : trimmed;
}

/** What follows `root` in `path` (`""` for the root itself), or null when the path is not under it. */
function below(root: string, path: string): string | null {
  const r = trimPath(root);
  if (path === r) return '';
  if (!path.startsWith(r)) return null;
  const rest = path.slice(r.length);
  if (/[\\/]$/.test(r)) return `${r.slice(-1)}${rest}`;
  return rest.startsWith('/') || rest.startsWith('\\') ? rest : null;
}

const notAString = (what: string, value: unknown): Refused<'git/invalid-input'> => refuse('git/invalid-input', `${what} must be a string, not ${describeValue(value)}`);

/** The `sha256:` digest of a path (trailing separators dropped); `git/invalid-input` for a path that is not a string. */
export function pathDigest(path: string): string;
export function pathDigest(path: unknown): string | Refused<'git/invalid-input'>;
export function pathDigest(path: unknown): string | Refused<'git/invalid-input'> {
  return typeof path === 'string' ? sha256Digest(trimPath(path)) : notAString('a path', path);
}

/** The path evidence of an absolute path; `git/invalid-input` for a path or home folder that is not a string, or an alias that is not an object. */
export const pathEvidenceOf = guarded('git/invalid-input', (path: string, homeDir: string | null, alias: WorkspaceAlias | null = null): PathEvidence | Refused<'git/invalid-input'> => {
  if (typeof path !== 'string') return notAString('a path', path);
  if (homeDir !== null && typeof homeDir !== 'string') return notAString('homeDir', homeDir);
  if (alias !== null && (!isRecord(alias) || typeof alias.name !== 'string')) return refuse('git/invalid-input', 'an alias must be { root, name }');
  const p = trimPath(path);
  const digest = sha256Digest(p);
  const underAlias = alias && isAbsolutePath(alias.root) ? below(alias.root, p) : null;
  if (alias && underAlias !== null) return { pathDigest: digest, redactedPathHint: `${alias.name}${underAlias}`, redaction: 'workspace_alias', rawPathStored: false };
  const underHome = homeDir && isAbsolutePath(homeDir) ? below(homeDir, p) : null;
  if (underHome !== null) return { pathDigest: digest, redactedPathHint: `~${underHome}`, redaction: 'user_home_redacted', rawPathStored: false };
  return { pathDigest: digest, redactedPathHint: null, redaction: 'digest_only', rawPathStored: false };
});
