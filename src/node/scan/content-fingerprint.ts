/**
 * A 53-bit fingerprint of a JSON value's content, the same for the same content whatever the order
 * of object keys and the spacing of the text: scalars by type and value, arrays in order, objects as
 * an order-free sum of their members. Checks across documents compare two documents by it without
 * keeping either; two different contents share one with a chance of about 2^-53.
 *
 * Every step passes its hash on as two 32-bit lanes in one typed array, never as a number: a 53-bit
 * number returned by a function the engine does not inline is a heap allocation, and a document has
 * hundreds of strings.
 */
import { fromLanes, hashLanes, type Lanes } from './string-hash.js';

/** The lanes of the value visited last. */
const lanes: Lanes = new Int32Array(2);

/** Mixes a part (two lanes) into a running hash (two lanes), salted by `tag`, into `lanes` (cyrb53's mixing). */
function mix(hLow: number, hHigh: number, partLow: number, partHigh: number, tag: number): void {
  let h1 = Math.imul(hLow ^ tag ^ partLow, 2654435761);
  let h2 = Math.imul(hHigh ^ 0x41c6ce57 ^ partHigh, 1597334677);
  h1 = Math.imul(h1 ^ partHigh ^ (h2 >>> 15), 2246822507);
  h2 = Math.imul(h2 ^ partLow ^ (h1 >>> 13), 3266489909);
  h1 ^= Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  lanes[0] = h1;
  lanes[1] = 2097151 & h2;
}

function small(n: number): void {
  lanes[0] = n;
  lanes[1] = 0;
}

/** Leaves the fingerprint of `value` in `lanes`. */
function visit(value: unknown): void {
  if (value === null) return small(1);
  switch (typeof value) {
    case 'boolean':
      return small(value ? 2 : 3);
    case 'number':
      return hashLanes(String(value), 4, lanes);
    case 'string':
      return hashLanes(value, 5, lanes);
    case 'object':
      break;
    default:
      return small(0);
  }
  if (Array.isArray(value)) {
    let low = 6;
    let high = 0;
    for (let i = 0; i < value.length; i++) {
      visit(value[i]);
      mix(low, high, lanes[0] as number, lanes[1] as number, 7);
      low = lanes[0] as number;
      high = lanes[1] as number;
    }
    return mix(low, high, value.length, 0, 8);
  }
  // an object: members summed, so that their order does not count (a 32-bit and a 21-bit lane, no carry)
  let low = 0;
  let high = 0;
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    hashLanes(key, 9, lanes);
    const keyLow = lanes[0] as number;
    const keyHigh = lanes[1] as number;
    visit((value as Record<string, unknown>)[key]);
    mix(keyLow, keyHigh, lanes[0] as number, lanes[1] as number, 10);
    low = (low + ((lanes[0] as number) >>> 0)) >>> 0;
    high = (high + (lanes[1] as number)) & 0x1fffff;
    count++;
  }
  mix(low, high, count, 0, 11);
}

export function contentFingerprint(value: unknown): number {
  visit(value);
  return fromLanes(lanes);
}
