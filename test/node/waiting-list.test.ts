// The waiting list hands back every entry once, in order, whether it kept them in memory or spilled
// them to its temporary file past its bounds; the file is gone once the list is drained.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { WaitingList, type WaitingBounds, type WaitingEntry } from '../../src/node/scan/waiting-list.js';
import type { DocumentReport } from '../../src/node/scan/types.js';

const issue = fc.record({
  code: fc.constantFrom('schema/required', 'parse/duplicate-key', 'lease/budget-exceeded'),
  severity: fc.constantFrom('error' as const, 'warning' as const),
  pointer: fc.string({ maxLength: 20 }).map((s) => `/${s}`),
  message: fc.string({ maxLength: 200 }),
  line: fc.nat(10_000),
  column: fc.nat(200),
});

const report: fc.Arbitrary<DocumentReport> = fc.record({
  file: fc.constantFrom('a.json', 'logs/receipts.jsonl', 'dir with space/ü.json'),
  line: fc.nat(100_000),
  contract: fc.constantFrom('Lease' as const, 'Signal' as const, null),
  ok: fc.boolean(),
  issues: fc.array(issue, { maxLength: 4 }),
});

const entries = fc.array(fc.option(report, { nil: undefined }), { maxLength: 300 }).map((reports) => reports.map((r, seq): WaitingEntry => ({ seq, report: r })));

function roundTrip(list: WaitingList, given: WaitingEntry[]): WaitingEntry[] {
  for (const { seq, report: r } of given) list.push(seq, r);
  const out: WaitingEntry[] = [];
  list.drain((entry) => out.push(entry));
  return out;
}

/** The temporary file of a list that spilled, read through the private field it keeps it in. */
const spilledFile = (list: WaitingList): string | undefined => (list as unknown as { file?: { path: string } }).file?.path;

describe('the waiting list', () => {
  test('gives back every entry in order, in memory or spilled past tiny bounds', () => {
    const bounds: WaitingBounds[] = [
      { bytes: 1, entries: 1 },
      { bytes: 2_000, entries: 1_000_000 },
      { bytes: Number.MAX_SAFE_INTEGER, entries: 7 },
    ];
    fc.assert(
      fc.property(entries, fc.constantFrom(...bounds), (given, bound) => {
        expect(roundTrip(new WaitingList(true, bound), given)).toEqual(given);
        expect(roundTrip(new WaitingList(false, bound), given)).toEqual(given);
      }),
      { numRuns: 60 },
    );
  });

  test('spills only past its bounds, and removes its file once drained', () => {
    const small = { file: 'a.json', line: 1, contract: null, ok: false, issues: [] } satisfies DocumentReport;
    const list = new WaitingList(true, { bytes: 10_000, entries: 100 });
    for (let seq = 0; seq < 50; seq++) list.push(seq, small); // 50 × 160 estimated bytes: under both bounds
    expect(spilledFile(list)).toBeUndefined();
    for (let seq = 50; seq < 70; seq++) list.push(seq, small); // past 10,000 bytes
    const file = spilledFile(list);
    expect(file && existsSync(file)).toBe(true);
    const seqs: number[] = [];
    list.drain(({ seq }) => seqs.push(seq));
    expect(seqs).toEqual(Array.from({ length: 70 }, (_, i) => i));
    expect(existsSync(file as string)).toBe(false);
    expect(list.empty).toBe(true);
  });

  test('never spills when the report is not streamed', () => {
    const list = new WaitingList(false, { bytes: 1, entries: 1 });
    for (let seq = 0; seq < 10; seq++) list.push(seq, undefined);
    expect(spilledFile(list)).toBeUndefined();
  });
});

describe('released entries are handed on as soon as nothing before them is held', () => {
  type Op = { push: boolean; report: boolean } | { release: number } | { take: true };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ push: fc.boolean(), report: fc.boolean() }),
    fc.record({ release: fc.nat(60) }),
    fc.record({ take: fc.constant(true as const) }),
  );
  const small = { file: 'a.json', line: 1, contract: null, ok: false, issues: [] } satisfies DocumentReport;

  test('every entry once, in order, across takeReady and the final drain; never one behind a held one (against a model)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), fc.constantFrom<WaitingBounds>({ bytes: 1, entries: 1 }, { bytes: 1_000, entries: 5 }, { bytes: 1e9, entries: 1e9 }), fc.boolean(), (ops, bound, spill) => {
        const list = new WaitingList(spill, bound);
        const held = new Map<number, boolean>();
        const out: number[] = [];
        let next = 0;
        for (const o of ops) {
          if ('push' in o) {
            list.push(next, o.report ? small : undefined, o.push);
            held.set(next++, o.push);
          } else if ('release' in o) {
            list.release(o.release);
            if (held.has(o.release)) held.set(o.release, false);
          } else {
            list.takeReady(({ seq }) => {
              // neither it nor anything before it not handed on yet is still held
              for (const [s, h] of held) if (s <= seq && !out.includes(s)) expect(h).toBe(false);
              out.push(seq);
            });
          }
        }
        list.drain(({ seq }) => out.push(seq));
        expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
        expect(list.empty).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  test('without a spill, released entries at the head go at once; a held one stops them', () => {
    const list = new WaitingList(true);
    list.push(0, small, true);
    list.push(1, small, false);
    list.push(2, small, true);
    list.push(3, small, false);
    const out: number[] = [];
    list.takeReady(({ seq }) => out.push(seq));
    expect(out).toEqual([]);
    list.release(0);
    list.takeReady(({ seq }) => out.push(seq));
    expect(out).toEqual([0, 1]);
    list.release(2);
    list.takeReady(({ seq }) => out.push(seq));
    expect(out).toEqual([0, 1, 2, 3]);
    expect(list.empty).toBe(true);
  });
});
