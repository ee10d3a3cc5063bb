/**
 * A 53-bit fingerprint of a JSON value's content, the same for the same content whatever the order
 * of object keys and the spacing of the text: scalars by type and value, arrays in order, objects as
 * an order-free sum of their members. Checks across documents compare two documents by it without
 * keeping either; two different contents share one with a chance of about 2^-53.
 *
 * Computed on two 32-bit lanes (cyrb53's), kept in int32 variables of this module from one step to
 * the next: V8 boxes a number past 32 bits that a function returns, and a document has hundreds of
 * keys and values, so only the result is ever a 53-bit number.
 */

const TWO_32 = 4294967296;
const HIGH_BITS = 0x1fffff; // the 21 high bits of a 53-bit number

/** The lanes of the last hash: `lo` the low 32 bits (as an int32), `hi` the high 21 bits. */
let lo = 0;
let hi = 0;

/** cyrb53 of `text` (string-hash.ts's hash53) into the lanes. */
function hashText(text: string, seed: number): void {
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
  lo = h1 | 0;
  hi = h2 & HIGH_BITS;
}

/** Mixes a 53-bit part (its lanes) into a running hash (its lanes), salted by `tag`; the result into the lanes. */
function mix(hLo: number, hHi: number, partLo: number, partHi: number, tag: number): void {
  let h1 = Math.imul(hLo ^ tag ^ partLo, 2654435761);
  let h2 = Math.imul(hHi ^ 0x41c6ce57 ^ partHi, 1597334677);
  h1 = Math.imul(h1 ^ partHi ^ (h2 >>> 15), 2246822507);
  h2 = Math.imul(h2 ^ partLo ^ (h1 >>> 13), 3266489909);
  h1 ^= Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  lo = h1 | 0;
  hi = h2 & HIGH_BITS;
}

/** The fingerprint of `value` into the lanes. */
function fingerprint(value: unknown): void {
  if (value === null) return set(1);
  switch (typeof value) {
    case 'boolean':
      return set(value ? 2 : 3);
    case 'number':
      return hashText(String(value), 4);
    case 'string':
      return hashText(value, 5);
    case 'object':
      break;
    default:
      return set(0);
  }
  if (Array.isArray(value)) {
    let hLo = 6;
    let hHi = 0;
    for (const item of value) {
      fingerprint(item);
      mix(hLo, hHi, lo, hi, 7);
      hLo = lo;
      hHi = hi;
    }
    return mix(hLo, hHi, value.length, 0, 8);
  }
  // an object: members summed, so that their order does not count (modulo 2^32 and 2^21, lane by lane)
  let sumLo = 0;
  let sumHi = 0;
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    fingerprint((value as Record<string, unknown>)[key]);
    const valueLo = lo;
    const valueHi = hi;
    hashText(key, 9);
    mix(lo, hi, valueLo, valueHi, 10);
    sumLo = (sumLo + lo) | 0;
    sumHi = (sumHi + hi) & HIGH_BITS;
    count++;
  }
  mix(sumLo, sumHi, count, 0, 11);
}

function set(small: number): void {
  lo = small;
  hi = 0;
}

export function contentFingerprint(value: unknown): number {
  fingerprint(value);
  return hi * TWO_32 + (lo >>> 0);
}
