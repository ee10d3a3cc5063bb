/**
 * Pairs the items of two lists (schema files, branches) by a sequence of matchers: each matcher
 * pairs what the ones before it left, first match first. What is left is added or removed.
 */

export interface Pairing<T> {
  readonly pairs: [T, T][];
  readonly added: T[];
  readonly removed: T[];
}

/** A matcher sees the items still unpaired, to pair by position among them. */
export type Matcher<T> = (x: T, y: T, unpaired: { readonly left: readonly T[]; readonly right: readonly T[] }) => boolean;

export function pairUp<T>(before: readonly T[], after: readonly T[], matchers: readonly Matcher<T>[]): Pairing<T> {
  const pairs: [T, T][] = [];
  const left = [...before];
  const right = [...after];
  for (const match of matchers) {
    for (const x of [...left]) {
      const j = right.findIndex((y) => match(x, y, { left, right }));
      if (j < 0) continue;
      pairs.push([x, right[j]!]);
      left.splice(left.indexOf(x), 1);
      right.splice(j, 1);
    }
  }
  return { pairs, added: right, removed: left };
}
