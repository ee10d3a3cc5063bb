/**
 * How close a written name is to a contract's name: the same name in another case, with spaces,
 * dashes or underscores, in the plural, or a few letters off (a typo). Used to say "did you mean
 * `CapabilityLedger`?" for a misspelt `type`, and for a mistyped `--contract`.
 */

/** Lower case, letters and digits only: `" Capability_Ledger "` → `capabilityledger`. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Longest name compared letter by letter; longer strings are never a contract's name. */
const MAX_COMPARED = 64;

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours), or `limit + 1`
 * as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] as number) + 1);
      current[j] = d;
      if (d < rowBest) rowBest = d;
    }
    if (rowBest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

/** How a written name misses a contract's name, in words; undefined when it is not a near miss. */
export type NameMiss = 'case or spacing' | 'plural' | 'misspelt';

/** Letters a typo may be off by: one a full eight letters of the name (2 for `CapabilityLedger`), at least one. */
export const typoLimit = (name: string): number => Math.max(1, Math.floor(normalizeName(name).length / 8));

/** Whether `written` is a near miss of `name` (never when they are equal), and how. */
export function nameMiss(written: string, name: string): NameMiss | undefined {
  if (written === name || written.length > MAX_COMPARED) return undefined;
  const w = normalizeName(written);
  const n = normalizeName(name);
  if (w.length === 0) return undefined;
  if (w === n) return 'case or spacing';
  if (w === `${n}s` || w === `${n}es`) return 'plural';
  return editDistance(w, n, typoLimit(name)) <= typoLimit(name) ? 'misspelt' : undefined;
}

/** The first of `names` that `written` is a near miss of, with how. */
export function nearestName<Name extends string>(written: string, names: readonly Name[]): { name: Name; miss: NameMiss } | undefined {
  for (const name of names) {
    const miss = nameMiss(written, name);
    if (miss) return { name, miss };
  }
  return undefined;
}
