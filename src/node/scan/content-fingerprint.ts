/**
 * A 53-bit fingerprint of a JSON value's content, the same for the same content whatever the order
 * of object keys and the spacing of the text: scalars by type and value, arrays in order, objects as
 * an order-free sum of their members. Checks across documents compare two documents by it without
 * keeping either; two different contents share one with a chance of about 2^-53.
 *
 * Computed on two 32-bit lanes (cyrb53's: string-hash.ts), kept as int32 numbers from one step to
 * the next: V8 boxes a number past 32 bits that a function returns, and a document has hundreds of
 * keys and values, so only the result is ever a 53-bit number.
 */

import { hashLanes as hashText, lanes } from './string-hash.js';

const TWO_32 = 4294967296;
const HIGH_BITS = 0x1fffff; // the 21 high bits of a 53-bit number

/** Mixes a 53-bit part (its lanes) into a running hash (its lanes), salted by `tag`; the result into the lanes. */
function mix(hLo: number, hHi: number, partLo: number, partHi: number, tag: number): void {
  let h1 = Math.imul(hLo ^ tag ^ partLo, 2654435761);
  let h2 = Math.imul(hHi ^ 0x41c6ce57 ^ partHi, 1597334677);
  h1 = Math.imul(h1 ^ partHi ^ (h2 >>> 15), 2246822507);
  h2 = Math.imul(h2 ^ partLo ^ (h1 >>> 13), 3266489909);
  h1 ^= Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  lanes.lo = h1 | 0;
  lanes.hi = h2 & HIGH_BITS;
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
      mix(hLo, hHi, lanes.lo, lanes.hi, 7);
      hLo = lanes.lo;
      hHi = lanes.hi;
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
    const valueLo = lanes.lo;
    const valueHi = lanes.hi;
    hashText(key, 9);
    mix(lanes.lo, lanes.hi, valueLo, valueHi, 10);
    sumLo = (sumLo + lanes.lo) | 0;
    sumHi = (sumHi + lanes.hi) & HIGH_BITS;
    count++;
  }
  mix(sumLo, sumHi, count, 0, 11);
}

function set(small: number): void {
  lanes.lo = small;
  lanes.hi = 0;
}

export function contentFingerprint(value: unknown): number {
  fingerprint(value);
  return lanes.hi * TWO_32 + (lanes.lo >>> 0);
}
