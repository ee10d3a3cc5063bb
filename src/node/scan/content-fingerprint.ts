/**
 * A 53-bit fingerprint of a JSON value's content, the same for the same content whatever the order
 * of object keys and the spacing of the text: scalars by type and value, arrays in order, objects as
 * an order-free sum of their members. Checks across documents compare two documents by it without
 * keeping either; two different contents share one with a chance of about 2^-53.
 */
import { hash53 } from './string-hash.js';

const TWO_32 = 4294967296;

/** Mixes a 53-bit number into a running 53-bit hash, salted by `tag` (cyrb53's mixing, on two 32-bit lanes). */
function mix(h: number, part: number, tag: number): number {
  const partLow = part >>> 0;
  const partHigh = Math.floor(part / TWO_32);
  let h1 = Math.imul((h >>> 0) ^ tag ^ partLow, 2654435761);
  let h2 = Math.imul(Math.floor(h / TWO_32) ^ 0x41c6ce57 ^ partHigh, 1597334677);
  h1 = Math.imul(h1 ^ partHigh ^ (h2 >>> 15), 2246822507);
  h2 = Math.imul(h2 ^ partLow ^ (h1 >>> 13), 3266489909);
  h1 ^= Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return TWO_32 * (2097151 & h2) + (h1 >>> 0);
}

export function contentFingerprint(value: unknown): number {
  if (value === null) return 1;
  switch (typeof value) {
    case 'boolean':
      return value ? 2 : 3;
    case 'number':
      return hash53(String(value), 4);
    case 'string':
      return hash53(value, 5);
    case 'object':
      break;
    default:
      return 0;
  }
  if (Array.isArray(value)) {
    let h = 6;
    for (const item of value) h = mix(h, contentFingerprint(item), 7);
    return mix(h, value.length, 8);
  }
  // an object: members summed, so that their order does not count (two 26/27-bit lanes, no carry lost)
  let low = 0;
  let high = 0;
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const member = mix(hash53(key, 9), contentFingerprint((value as Record<string, unknown>)[key]), 10);
    low = (low + (member % TWO_32)) % TWO_32;
    high = (high + Math.floor(member / TWO_32)) % 0x200000;
    count++;
  }
  return mix(high * TWO_32 + low, count, 11);
}
