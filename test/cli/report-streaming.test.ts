// Every output format of the built CLI writes its report while a log is still coming: half a log
// of invalid lines is piped in, and the rest only once the report has begun on standard output.
// A format that held its report to the end would never begin it, and the test would fail.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, test } from 'vitest';
import { cliPath, ensureBuilt } from './support/cli.js';

beforeAll(() => ensureBuilt());

/** Lines `from` to `to` of a log of ledgers, each with a unique id and missing most required properties. */
const lines = (from: number, to: number): string => {
  let text = '';
  for (let i = from; i <= to; i++) text += `{"type":"CapabilityLedger","id":"urn:srcos:capability-ledger:line-${i}"}\n`;
  return text;
};

const HALF = 2000;
const WAIT_MS = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  /** Bytes of the report written before the second half of the log was sent. */
  before: number;
}

/** Pipes the first half of the log, waits for the report to begin, then pipes the rest. */
function runHalves(format: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, '--format', format, '--stdin-filename', 'receipts.jsonl', '-'], {
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let before = -1;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`--format ${format}: no output ${WAIT_MS} ms after half the log was sent (the report waits for the end of its input)`));
    }, WAIT_MS);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      stdout += text;
      if (before >= 0) return;
      before = stdout.length;
      clearTimeout(timer);
      child.stdin.end(lines(HALF + 1, 2 * HALF));
    });
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, before });
    });
    child.stdin.write(lines(1, HALF));
  });
}

describe('the report is written while the log is read', () => {
  for (const format of ['pretty', 'json', 'sarif', 'github']) {
    test(`--format ${format}: output before the input ends, and the whole report after it`, async () => {
      const run = await runHalves(format);
      expect(run.status).toBe(1);
      expect(run.before).toBeGreaterThan(0);
      expect(run.before).toBeLessThan(run.stdout.length);
      const count = 2 * HALF;
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as { documents: { line: number }[]; summary: { documents: number } };
        expect(report.summary.documents).toBe(count);
        expect(report.documents.map((d) => d.line)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      } else if (format === 'sarif') {
        const log = JSON.parse(run.stdout) as { runs: { results: unknown[]; properties: { summary: { documents: number; errors: number } } }[] };
        expect(log.runs[0]?.properties.summary.documents).toBe(count);
        expect(log.runs[0]?.results).toHaveLength(log.runs[0]?.properties.summary.errors ?? -1);
      } else {
        expect(run.stdout).toContain(`${count} documents (0 valid, ${count} invalid)`);
        expect(run.stdout).toContain(format === 'pretty' ? `receipts.jsonl:${count}:1` : `file=receipts.jsonl,line=${count},col=1`);
      }
    }, 2 * WAIT_MS);
  }
});
