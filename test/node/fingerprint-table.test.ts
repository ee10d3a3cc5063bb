// The compact memory of the checks across documents, against plain Maps: the first holder of each
// id, ledgers seen, references decided at the end; across page boundaries and table growth.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { FingerprintTable } from '../../src/node/scan/fingerprint-table.js';
import { FingerprintSet, IdRegistry } from '../../src/node/scan/id-registry.js';
import { PagedColumn } from '../../src/node/scan/paged-column.js';
import { PendingRefs } from '../../src/node/scan/pending-refs.js';

describe('IdRegistry remembers the first holder of each id, as a Map of the ids would', () => {
  test('random ids, many repeated', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 0, max: 2 ** 53 - 1 })), { maxLength: 3000 }), (docs) => {
        const registry = new IdRegistry();
        const model = new Map<string, { entry: number; seq: number; content: number }>();
        docs.forEach(([id, content], seq) => {
          const expected = model.get(id);
          expect(registry.firstOf(id, seq, content)).toEqual(expected);
          if (!expected) model.set(id, { entry: model.size, seq, content });
        });
      }),
      { numRuns: 40 },
    );
  });

  test('100,000 distinct ids (past several pages and table growths), each seen again', () => {
    const registry = new IdRegistry();
    const n = 100_000;
    for (let i = 0; i < n; i++) expect(registry.firstOf(`urn:srcos:receipt:${i}`, i, i * 7)).toBeUndefined();
    for (let i = n - 1; i >= 0; i -= 997) expect(registry.firstOf(`urn:srcos:receipt:${i}`, n + i)).toEqual({ entry: i, seq: i, content: i * 7 });
  });
});

describe('FingerprintTable', () => {
  test('fingerprints that share their low bits (one probe chain) stay apart', () => {
    const table = new FingerprintTable();
    const keys = Array.from({ length: 5000 }, (_, i) => i * 2 ** 32 + 5); // all start at one slot
    keys.forEach((key, i) => expect(table.entryOf(key, 1)).toBe(-1 - i));
    expect(table.entryOf(keys[0] as number, 2)).toBe(-1 - keys.length); // same key, another check: another fingerprint
    keys.forEach((key, i) => expect(table.entryOf(key, 1)).toBe(i));
    expect(table.has(keys[0] as number, 2)).toBe(true);
    expect(table.has(keys[0] as number, 3)).toBe(false);
    expect(table.size).toBe(keys.length + 1);
  });
});

describe('FingerprintSet and PendingRefs', () => {
  test('a set of strings, as a Set would be', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 3 })), { maxLength: 500 }), (ops) => {
        const set = new FingerprintSet();
        const model = new Set<string>();
        for (const [add, text] of ops) {
          if (add) {
            set.add(text);
            model.add(text);
          } else expect(set.has(text)).toBe(model.has(text));
        }
        expect(set.size).toBe(model.size);
      }),
    );
  });

  test('references come back in order, with their place or none', () => {
    const refs = new PendingRefs();
    const pushed = Array.from({ length: 40_000 }, (_, i) => ({ seq: i * 3, ref: `urn:srcos:capability-ledger:${i % 7}`, at: i % 5 === 0 ? undefined : { line: i + 1, column: (i % 90) + 1 } }));
    for (const { seq, ref, at } of pushed) refs.push(seq, ref, at);
    const back: typeof pushed = [];
    refs.forEach((seq, ref, at) => back.push({ seq, ref, at }));
    expect(back).toEqual(pushed);
  });

  test('settling a ledger gives its references once, in order; forEach then leaves them out (against a model)', () => {
    const op = fc.oneof(
      fc.record({ push: fc.nat(5), line: fc.nat(3) }),
      fc.record({ settle: fc.nat(5) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const refs = new PendingRefs();
        const model: { seq: number; ref: string; at: { line: number; column: number } | undefined }[] = [];
        const settled = new Set<string>();
        ops.forEach((o, seq) => {
          if ('push' in o) {
            const ref = `urn:srcos:capability-ledger:${o.push}`;
            if (settled.has(ref)) return; // a store never waits on a ledger it has seen
            const at = o.line === 0 ? undefined : { line: o.line, column: seq + 1 };
            refs.push(seq, ref, at);
            model.push({ seq, ref, at });
          } else {
            const ref = `urn:srcos:capability-ledger:${o.settle}`;
            const expected = settled.has(ref) ? [] : model.filter((m) => m.ref === ref).map((m) => m.seq);
            expect(refs.settle(ref)).toEqual(expected);
            settled.add(ref);
          }
        });
        const back: typeof model = [];
        refs.forEach((seq, ref, at) => back.push({ seq, ref, at }));
        expect(back).toEqual(model.filter((m) => !settled.has(m.ref)));
      }),
    );
  });

  test('a paged column keeps what it was given, across pages', () => {
    const column = new PagedColumn(Float64Array);
    for (let i = 0; i < 50_000; i++) expect(column.push(i * 2 ** 20 + 0.5)).toBe(i);
    expect(column.length).toBe(50_000);
    expect([column.at(0), column.at(16383), column.at(16384), column.at(49_999)]).toEqual([0.5, 16383 * 2 ** 20 + 0.5, 16384 * 2 ** 20 + 0.5, 49_999 * 2 ** 20 + 0.5]);
    column.set(16384, -1);
    expect([column.at(16383), column.at(16384), column.at(16385)]).toEqual([16383 * 2 ** 20 + 0.5, -1, 16385 * 2 ** 20 + 0.5]);
  });
});

describe('contentFingerprint', () => {
  test('the same content whatever the order of keys; another value, another fingerprint', async () => {
    const { contentFingerprint } = await import('../../src/node/scan/content-fingerprint.js');
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(contentFingerprint(reversed(value))).toBe(contentFingerprint(value));
        expect(contentFingerprint([value])).not.toBe(contentFingerprint([value, value]));
        expect(contentFingerprint({ a: value })).not.toBe(contentFingerprint({ b: value }));
      }),
    );
    expect(contentFingerprint({ a: 1, b: [true, null, 'x'] })).not.toBe(contentFingerprint({ a: 1, b: [true, null, 'y'] }));
  });
});
