/**
 * The probe's cache: repeated probes of one path within a short window (default 5 seconds) return
 * the document of the first, so a terminal that probes at every prompt, or a watcher that fires in
 * bursts, reports one classification instead of a stream of them. Entries expire by the caller's
 * clock (`nowMs`), and the cache keeps at most `maxEntries` (default 128), dropping the least
 * recently stored first.
 */

export const DEFAULT_GIT_PROBE_TTL_MS = 5_000;
export const DEFAULT_GIT_PROBE_CACHE_ENTRIES = 128;

export interface GitProbeCache<T = unknown> {
  /** The value stored under `key` less than the window ago, or undefined. */
  get(key: string, nowMs: number): T | undefined;
  set(key: string, value: T, nowMs: number): void;
  clear(): void;
  readonly size: number;
}

export interface GitProbeCacheOptions {
  /** How long an entry is served, in milliseconds (default 5000). */
  readonly ttlMs?: number;
  /** How many entries are kept at most (default 128). */
  readonly maxEntries?: number;
}

export function createGitProbeCache<T = unknown>(options: GitProbeCacheOptions = {}): GitProbeCache<T> {
  const ttlMs = options.ttlMs ?? DEFAULT_GIT_PROBE_TTL_MS;
  const maxEntries = Math.max(1, options.maxEntries ?? DEFAULT_GIT_PROBE_CACHE_ENTRIES);
  const entries = new Map<string, { readonly value: T; readonly storedAt: number }>();
  return {
    get(key, nowMs) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // A clock that went backwards does not make an entry live forever.
      if (nowMs - entry.storedAt >= ttlMs || nowMs < entry.storedAt) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, nowMs) {
      entries.delete(key);
      entries.set(key, { value, storedAt: nowMs });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}
