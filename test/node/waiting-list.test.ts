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
