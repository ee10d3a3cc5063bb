/**
 * A 53-bit string hash (cyrb53, public domain), so that checks across documents can remember ids
 * as numbers instead of strings. Where a match must be certain (duplicate ids, repeated signal ids),
 * the documents are read again and their ids compared.
 */

/** The two lanes of a 53-bit hash: the low 32 bits (as int32) and the high 21 bits. */
export type Lanes = Int32Array;

/** Writes the hash of `text` into `out` as its two lanes: no number is allocated, however many strings are hashed. */
export function hashLanes(text: string, seed: number, out: Lanes): void {
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
  out[0] = h1;
  out[1] = 2097151 & h2;
}

const lanes: Lanes = new Int32Array(2);

/** The lanes as one number below 2^53. */
export const fromLanes = (out: Lanes): number => 4294967296 * (out[1] as number) + ((out[0] as number) >>> 0);

export function hash53(text: string, seed = 0): number {
  hashLanes(text, seed, lanes);
  return fromLanes(lanes);
}
