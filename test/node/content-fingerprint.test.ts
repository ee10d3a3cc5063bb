// The content fingerprint of the checks across documents (src/node/scan/content-fingerprint.ts):
// the same for the same content whatever the key order, different for different content, and the
// very number of its definition (cyrb53 per string, mixed per array item and summed per object
// member), written here plainly, with numbers, as the oracle of the implementation's lanes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contentFingerprint } from '../../src/node/scan/content-fingerprint.js';
import { hash53 } from '../../src/node/scan/string-hash.js';

const TWO_32 = 4294967296;

function mixOracle(h: number, part: number, tag: number): number {
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

function oracle(value: unknown): number {
  if (value === null) return 1;
  if (typeof value === 'boolean') return value ? 2 : 3;
  if (typeof value === 'number') return hash53(String(value), 4);
  if (typeof value === 'string') return hash53(value, 5);
  if (typeof value !== 'object') return 0;
  if (Array.isArray(value)) {
    let h = 6;
    for (const item of value) h = mixOracle(h, oracle(item), 7);
    return mixOracle(h, value.length, 8);
  }
  let low = 0;
  let high = 0;
  let count = 0;
  for (const [key, item] of Object.entries(value)) {
    const member = mixOracle(hash53(key, 9), oracle(item), 10);
    low = (low + (member % TWO_32)) % TWO_32;
    high = (high + Math.floor(member / TWO_32)) % 0x200000;
    count++;
  }
  return mixOracle(high * TWO_32 + low, count, 11);
}

/** The same object with its keys in reverse order, at every level. */
function reversed(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reversed);
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
}

/** The content as text, keys sorted: equal for equal content. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.entries(value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
    .join(',')}}`;
}

describe('contentFingerprint', () => {
  test('is the number of its definition, below 2^53', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const fingerprint = contentFingerprint(value);
        expect(fingerprint).toBe(oracle(value));
        expect(Number.isSafeInteger(fingerprint) && fingerprint >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('does not depend on the order of keys, and tells apart documents that differ', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.jsonValue(), (doc, other) => {
        expect(contentFingerprint(reversed(doc))).toBe(contentFingerprint(doc));
        fc.pre(canonical(other) !== canonical(doc));
        expect(contentFingerprint(other)).not.toBe(contentFingerprint(doc));
      }),
      { numRuns: 300 },
    );
  });

  test('small differences change it: a value, a key, an item moved, a member added', () => {
    const doc = { id: 'urn:srcos:x:1', list: [1, 2, 3], nested: { a: true, b: null } };
    const variants = [
      { ...doc, id: 'urn:srcos:x:2' },
      { id: doc.id, list: doc.list, nested: { a: true, c: null } },
      { ...doc, list: [2, 1, 3] },
      { ...doc, extra: 0 },
      { ...doc, nested: { a: 'true', b: null } },
    ];
    const all = new Set([doc, ...variants].map(contentFingerprint));
    expect(all.size).toBe(variants.length + 1);
  });
});
