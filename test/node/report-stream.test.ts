// The reporters as streams: each format writes while documents are still coming, holds a bounded
// number of them, and writes the same text as the whole result rendered at once.
import { describe, expect, test } from 'vitest';
import { githubReporter } from '../../src/node/report/github.js';
import { jsonReporter } from '../../src/node/report/json.js';
import { HELD_LINES, prettyReporter } from '../../src/node/report/pretty.js';
import type { Reporter, ReportOptions } from '../../src/node/report/reporter.js';
import { sarifReporter } from '../../src/node/report/sarif.js';
import type { DocumentReport, ScanResult } from '../../src/node/scan/types.js';

const options: ReportOptions = { color: false, quiet: false, version: '9.9.9', cwd: '/work/repo' };
const reporters: Record<string, Reporter> = { pretty: prettyReporter, json: jsonReporter, sarif: sarifReporter, github: githubReporter };

const LEASE = { by: 'type', reason: '"type" is "Lease"' } as const;
const SIGNAL = { by: 'type', reason: '"type" is "Signal"' } as const;

/** Line `line` of a log, invalid: one error. */
function invalidLine(file: string, line: number, detection: DocumentReport['detection'] = LEASE): DocumentReport {
  const contract = detection?.reason.includes('Signal') ? 'Signal' : 'Lease';
  return { file, line, contract, detection, ok: false, issues: [{ code: 'schema/required', severity: 'error', pointer: '', message: 'missing required property "domain"', line, column: 1 }] };
}

function resultOf(documents: DocumentReport[]): ScanResult {
  const n = documents.length;
  return { documents, skipped: [], summary: { files: 1, documents: n, valid: 0, invalid: n, skipped: 0, errors: n, warnings: 0 } };
}

/**
 * Feeds the documents to the reporter's stream one by one, as the scan hands them on, with a
 * writable that records how many documents had been handed on at each write.
 */
function streamed(reporter: Reporter, result: ScanResult, opts: ReportOptions = options): { text: string; fedAtWrite: number[] } {
  const writes: { text: string; fed: number }[] = [];
  let fed = 0;
  const stream = (reporter.stream as NonNullable<Reporter['stream']>)(opts, (text) => writes.push({ text, fed }));
  for (const doc of result.documents) {
    fed++;
    stream.document(doc);
  }
  stream.end({ ...result, documents: [] });
  return { text: writes.map((w) => w.text).join(''), fedAtWrite: writes.map((w) => w.fed) };
}

/** The most documents handed on since the last write, at any point of the stream: what the reporter held. */
function mostHeld(fedAtWrite: readonly number[], total: number): number {
  let most = 0;
  let last = 0;
  for (const fed of [...fedAtWrite, total]) {
    most = Math.max(most, fed - last);
    last = fed;
  }
  return most;
}

describe('every format streams', () => {
  const N = 5000;
  const log = resultOf(Array.from({ length: N }, (_, i) => invalidLine('receipts.jsonl', i + 1, i % 2 ? SIGNAL : LEASE)));
  /** Documents a format may hold before it writes: pretty holds a file's first HELD_LINES lines for its heading. */
  const bound: Record<string, number> = { pretty: HELD_LINES + 1, json: 1, sarif: 1, github: 1 };

  for (const [name, reporter] of Object.entries(reporters)) {
    test(`${name}: a log of ${N} invalid lines is written while its documents come, holding at most ${bound[name]}, the same text as rendered whole`, () => {
      for (const quiet of [false, true]) {
        const { text, fedAtWrite } = streamed(reporter, log, { ...options, quiet });
        expect(text).toBe(reporter.render(log, { ...options, quiet }));
        expect(fedAtWrite.length).toBeGreaterThan(1);
        expect(fedAtWrite[0]).toBeLessThan(N);
        expect(mostHeld(fedAtWrite, N)).toBeLessThanOrEqual(bound[name] as number);
      }
    });
  }

  test('every format: many files of a few documents each, each file written when the next begins', () => {
    const files = resultOf(Array.from({ length: 3000 }, (_, i) => invalidLine(`f${Math.floor(i / 3)}.jsonl`, (i % 3) + 1)));
    for (const [name, reporter] of Object.entries(reporters)) {
      const { text, fedAtWrite } = streamed(reporter, files);
      expect(text, name).toBe(reporter.render(files, options));
      expect(mostHeld(fedAtWrite, 3000), name).toBeLessThanOrEqual(name === 'pretty' ? 4 : 1);
    }
  });

  test('json and sarif write their head before any document comes, and a valid SARIF log at the end', () => {
    for (const reporter of [jsonReporter, sarifReporter]) expect(streamed(reporter, log).fedAtWrite[0]).toBe(0);
    const sarif = JSON.parse(streamed(sarifReporter, log).text) as { runs: { results: { ruleIndex: number }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const run = sarif.runs[0]!;
    expect(run.results).toHaveLength(N);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['schema/required']);
    expect(run.results.every((r) => r.ruleIndex === 0)).toBe(true);
  });
});

describe('pretty: a file longer than it holds', () => {
  const heading = (ways: string) => `receipts.jsonl  — ${ways}`;
  const lease = 'Lease, by type ("type" is "Lease")';
  const signal = 'Signal, by type ("type" is "Signal")';

  test('a file of at most HELD_LINES lines: one heading with every way, then its lines', () => {
    const docs = [...Array.from({ length: HELD_LINES - 1 }, (_, i) => invalidLine('receipts.jsonl', i + 1)), invalidLine('receipts.jsonl', HELD_LINES, SIGNAL)];
    const lines = prettyReporter.render(resultOf(docs), options).split('\n');
    expect(lines[0]).toBe(heading(`${lease}; ${signal}`));
    expect(lines.filter((l) => l.startsWith('receipts.jsonl  —'))).toHaveLength(1);
  });

  test('past HELD_LINES: the heading with the ways seen so far, and a way first seen later named once before its first issue', () => {
    const docs = [
      ...Array.from({ length: HELD_LINES + 5 }, (_, i) => invalidLine('receipts.jsonl', i + 1)),
      invalidLine('receipts.jsonl', HELD_LINES + 6, SIGNAL),
      invalidLine('receipts.jsonl', HELD_LINES + 7),
      invalidLine('receipts.jsonl', HELD_LINES + 8, SIGNAL),
    ];
    const { text, fedAtWrite } = streamed(prettyReporter, resultOf(docs));
    expect(text).toBe(prettyReporter.render(resultOf(docs), options));
    expect(fedAtWrite[0]).toBe(HELD_LINES + 1);
    const lines = text.split('\n');
    expect(lines[0]).toBe(heading(lease));
    const also = lines.indexOf(`receipts.jsonl  — also: ${signal}`);
    expect(also).toBe(HELD_LINES + 6);
    expect(lines[also + 1]).toMatch(new RegExp(`^receipts\\.jsonl:${HELD_LINES + 6}:1  error`));
    expect(lines.filter((l) => l.includes('— also:'))).toHaveLength(1);
    // every issue line is there once, in order, and the file ends with a blank line
    expect(lines.filter((l) => /^receipts\.jsonl:\d+:1 {2}error/.test(l)).map((l) => Number(l.split(':')[1]))).toEqual(docs.map((d) => d.line));
    expect(lines[docs.length + 2]).toBe('');
  });

  test('more distinct ways than it remembers: the heading goes out with them counted, nothing is lost', () => {
    const ways = Array.from({ length: 70 }, (_, i) => ({ by: 'evidence', reason: `"type" is "Leas${i}"` }) as const);
    const docs = ways.map((detection, i) => invalidLine('receipts.jsonl', i + 1, detection));
    const { text, fedAtWrite } = streamed(prettyReporter, resultOf(docs));
    expect(fedAtWrite[0]).toBeLessThan(docs.length);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/; and 62 more$/);
    // the ways after the heading are each named before their issue
    expect(lines.filter((l) => l.includes('— also:'))).toHaveLength(docs.length - 65);
    expect(lines.filter((l) => /^receipts\.jsonl:\d+:1 {2}error/.test(l))).toHaveLength(docs.length);
  });

  test('--verbose past HELD_LINES: a valid document taken another way is named too', () => {
    const valid: DocumentReport = { file: 'receipts.jsonl', line: HELD_LINES + 2, contract: 'Signal', detection: SIGNAL, ok: true, issues: [] };
    const docs = [...Array.from({ length: HELD_LINES + 1 }, (_, i) => invalidLine('receipts.jsonl', i + 1)), valid];
    const text = streamed(prettyReporter, resultOf(docs), { ...options, verbose: true }).text;
    expect(text.split('\n')).toContain(`receipts.jsonl  — also: ${signal}`);
    expect(streamed(prettyReporter, resultOf(docs)).text).not.toContain('also:');
  });
});
