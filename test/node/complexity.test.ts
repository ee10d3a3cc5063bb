// Time grows about linearly with the input, for the kinds of input that once took quadratic time:
// long runs of white space in the pretty report, long lists under uniqueItems, a JSON Lines file
// that repeats one document, a document that repeats one key. Each is timed at n, 2n and 4n (the
// median of a few runs each); linear time gives a ratio near 4 from n to 4n, quadratic near 16.
// The bound (10) separates the two on a loaded two-core machine (garbage collection makes long
// lists a little worse than linear); no absolute time is asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { contracts } from '../../src/index.js';
import { prettyReporter } from '../../src/node/report/pretty.js';
import { scan } from '../../src/node/scan/scan.js';
import type { ScanResult } from '../../src/node/scan/types.js';
import { cliPath, ensureBuilt } from '../cli/support/cli.js';

const MAX_RATIO = 10;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median time of `run` for an input of each size (the input is built outside the timing). */
async function timesFor(sizes: number[], build: (n: number) => unknown, run: (input: unknown) => unknown): Promise<number[]> {
  const inputs = sizes.map(build);
  await run(inputs[0]); // warm up
  const times: number[] = [];
  for (const input of inputs) {
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run(input);
      samples.push(performance.now() - start);
    }
    times.push(median(samples));
  }
  return times;
}

async function expectLinear(base: number, build: (n: number) => unknown, run: (input: unknown) => unknown): Promise<void> {
  const times = await timesFor([base, base * 2, base * 4], build, run);
  const ratio = (times[2] as number) / Math.max(times[0] as number, 1);
  expect(ratio, `times at n, 2n, 4n: ${times.map((t) => t.toFixed(1)).join(', ')} ms`).toBeLessThan(MAX_RATIO);
}

const examples = path.join(import.meta.dirname, '..', '..', 'examples', 'valid');
const orphan = JSON.parse(readFileSync(path.join(examples, 'orphan-event-receipt', 'queued-waiting.json'), 'utf8')) as Record<string, unknown>;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'complexity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const resultWithMessage = (message: string): ScanResult => ({
  documents: [{ file: 'a.json', line: 1, contract: null, ok: false, issues: [{ code: 'parse/duplicate-key', severity: 'error', pointer: '', message, line: 1, column: 1 }] }],
  skipped: [],
  summary: { files: 1, documents: 1, valid: 0, invalid: 1, skipped: 0, errors: 1, warnings: 0 },
});
const options = { color: false, quiet: false, version: '0', cwd: '/' };

describe('time grows about linearly with the input', () => {
  test('the pretty report of a message with a long run of white space, with and without a line break', async () => {
    await expectLinear(800_000, (n) => resultWithMessage(`key "${' '.repeat(n)}" and\n more`), (r) => prettyReporter.render(r as ScanResult, options));
    await expectLinear(800_000, (n) => resultWithMessage(`key "${'\t '.repeat(n / 2)}x"`), (r) => prettyReporter.render(r as ScanResult, options));
  });

  test('uniqueItems over a long list of distinct references, and over a long list of invalid items', async () => {
    const refs = (n: number) => ({ ...orphan, sessionResolution: { ...(orphan.sessionResolution as object), candidateSessionRefs: Array.from({ length: n }, (_, i) => `urn:srcos:session:s${i}`) } });
    await expectLinear(10_000, refs, (doc) => contracts.OrphanEventReceipt.validate(doc));
    await expectLinear(2_000, (n) => ({ declaredBy: Array.from({ length: n }, (_, i) => ({ plane: i })) }), (doc) => contracts.CapabilityLedger.validate(doc));
  });

  test('a JSON Lines file that repeats one document', async () => {
    const line = `${JSON.stringify(orphan)}\n`;
    await expectLinear(
      1_000,
      (n) => {
        const folder = mkdtempSync(path.join(tmp, 'jsonl-'));
        writeFileSync(path.join(folder, 'r.jsonl'), line.repeat(n));
        return folder;
      },
      (folder) => scan({ paths: [folder as string], cwd: tmp, now: '2026-01-30T00:00:00Z' }),
    );
  });

  test('a document that repeats one key', async () => {
    await expectLinear(
      50_000,
      (n) => {
        const folder = mkdtempSync(path.join(tmp, 'keys-'));
        writeFileSync(path.join(folder, 'd.json'), `{${'"a":1,'.repeat(n)}"a":1}`);
        return folder;
      },
      (folder) => scan({ paths: [folder as string], cwd: tmp, now: '2026-01-30T00:00:00Z' }),
    );
  });
});

describe('a receipt log is checked in memory that does not grow with its length', () => {
  /** A log of `n` receipts, each with its own id, one in ten invalid. */
  const writeLog = (n: number): string => {
    const file = path.join(mkdtempSync(path.join(tmp, 'log-')), 'receipts.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(JSON.stringify({ ...orphan, id: `urn:srcos:receipt:orphan-event:log-${i}`, ...(i % 10 === 3 ? { eventClass: 'nonsense' } : {}) }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };

  test('time grows linearly with the number of lines (n, 2n, 4n)', async () => {
    await expectLinear(4_000, writeLog, (file) => scan({ paths: [file as string], cwd: tmp, now: '2026-01-30T00:00:00Z', retention: 'all', onDocument: () => undefined }));
  });

  test('the peak memory of the CLI stays flat from n to 4n lines, from a file and from a pipe, with the JSON report (every document listed) and the GitHub one', () => {
    ensureBuilt();
    const rss = path.join(tmp, 'rss.cjs');
    writeFileSync(rss, "process.on('exit', () => process.stderr.write('MAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n");
    const peakMiB = (file: string, format: string, piped: boolean): number => {
      // a limit far above the log's size: the log is read whole or as it comes only by how the CLI reads it
      const args = ['-r', rss, cliPath, '--now', '2026-01-30T00:00:00Z', '--max-file-size', '1GiB', '--format', format, ...(piped ? ['--stdin-filename', 'receipts.jsonl', '-'] : [file])];
      // from a pipe: `cat` writes it, as a shell pipeline would
      const child = piped
        ? spawnSync('sh', ['-c', `cat "$0" | "$@"`, file, process.execPath, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
        : spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      expect(child.status).toBe(1);
      return Number(/MAXRSS_KB=(\d+)/.exec(child.stderr)?.[1]) / 1024;
    };
    // 10,000 lines are 8 MiB and 40,000 are 33 MiB. What the checks across documents keep (a few
    // dozen bytes a line, outside V8's heap) adds about 2 MiB; the same facts held on V8's heap add
    // 8 to 18 MiB (V8 sizes its heap after what it holds), a report or a text held whole more than 24.
    // The lower of two runs: a busy machine can delay V8's background threads and raise one peak, a
    // real growth raises both.
    const lowerPeak = (file: string, format: string, piped: boolean): number => Math.min(peakMiB(file, format, piped), peakMiB(file, format, piped));
    const [small, large] = [writeLog(10_000), writeLog(40_000)];
    for (const [format, piped] of [['json', false], ['json', true], ['github', false]] as const) {
      const peaks = [lowerPeak(small, format, piped), lowerPeak(large, format, piped)] as const;
      expect(peaks[1] - peaks[0], `peak RSS at n and 4n lines (${format}${piped ? ', from a pipe' : ''}): ${peaks.map((p) => p.toFixed(0)).join(', ')} MiB`).toBeLessThan(10);
    }
  });
});

