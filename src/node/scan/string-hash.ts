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
