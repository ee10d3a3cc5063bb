// Reports written in pieces must be byte for byte what JSON.stringify(value, null, 2) writes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonPieces, streamed } from '../../src/node/report/json-pieces.js';

const json = fc.jsonValue({ maxDepth: 4 });
const items = fc.array(json, { maxLength: 6 });

describe('jsonPieces', () => {
  test('arrays streamed at the top level and deep inside equal the whole value stringified', () => {
    fc.assert(
      fc.property(items, items, json, (documents, results, other) => {
        const whole = { version: 1, documents, nested: { runs: [{ other, results, after: true }] } };
        const skeleton = { version: 1, documents: streamed('documents'), nested: { runs: [{ other, results: streamed('results'), after: true }] } };
        const pieces = [...jsonPieces(skeleton, { documents, results })];
        expect(pieces.join('')).toBe(JSON.stringify(whole, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  test('one piece an item, so no report is held whole', () => {
    const documents = Array.from({ length: 1000 }, (_, i) => ({ i }));
    const pieces = [...jsonPieces({ documents: streamed('documents') }, { documents })];
    expect(pieces.length).toBe(1000 + 3); // head, 1000 items, closing bracket, tail
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(40);
  });

  test('a skeleton without markers is stringified as it is', () => {
    expect([...jsonPieces({ a: [1] }, { documents: [] })].join('')).toBe(JSON.stringify({ a: [1] }, null, 2));
  });
});
