/**
 * A 53-bit string hash (cyrb53, public domain), so that checks across documents can remember ids
 * as numbers instead of strings. Its two lanes can also be had as int32 numbers (`hashLanes`), for
 * a caller that hashes many strings and would otherwise box a number past 32 bits for each.
 */

/** The lanes of the last `hashLanes`: `lo` the low 32 bits (as an int32), `hi` the high 21 bits. */
export const lanes = { lo: 0, hi: 0 };

/** cyrb53 of `text` into `lanes`. */
export function hashLanes(text: string, seed = 0): void {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  lanes.lo = h1 | 0;
  lanes.hi = h2 & 0x1fffff;
}

export function hash53(text: string, seed = 0): number {
  hashLanes(text, seed);
  return 4294967296 * lanes.hi + (lanes.lo >>> 0);
}

/** `hash53(text)` and `hash53(text, seed)` in one pass over the text: into `pair.key` and `pair.check`. */
export const pair = { key: 0, check: 0 };

export function hash53Pair(text: string, seed: number): void {
  let a1 = 0xdeadbeef;
  let a2 = 0x41c6ce57;
  let b1 = 0xdeadbeef ^ seed;
  let b2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ c, 2654435761);
    a2 = Math.imul(a2 ^ c, 1597334677);
    b1 = Math.imul(b1 ^ c, 2654435761);
    b2 = Math.imul(b2 ^ c, 1597334677);
  }
  a1 = Math.imul(a1 ^ (a1 >>> 16), 2246822507);
  a1 ^= Math.imul(a2 ^ (a2 >>> 13), 3266489909);
  a2 = Math.imul(a2 ^ (a2 >>> 16), 2246822507);
  a2 ^= Math.imul(a1 ^ (a1 >>> 13), 3266489909);
  b1 = Math.imul(b1 ^ (b1 >>> 16), 2246822507);
  b1 ^= Math.imul(b2 ^ (b2 >>> 13), 3266489909);
  b2 = Math.imul(b2 ^ (b2 >>> 16), 2246822507);
  b2 ^= Math.imul(b1 ^ (b1 >>> 13), 3266489909);
  pair.key = 4294967296 * (a2 & 0x1fffff) + (a1 >>> 0);
  pair.check = 4294967296 * (b2 & 0x1fffff) + (b1 >>> 0);
}
