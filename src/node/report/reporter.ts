/**
 * The shape every output format has: a scan's result turned into text, in pieces (the CLI writes
 * them as they come, so a large report is never held whole) or as one string. Every format streams:
 * it takes each document as the scan hands it on and writes what it can at once, holding no more
 * than its layout needs (pretty: one file's first lines, for its heading; SARIF: its rules).
 *
 * A document handed on is final, so no format ever revises what it wrote. A finding across
 * documents known when a document is visited (a duplicate id, a repeated signal id) is an issue of
 * that later document, the earlier one being final already; a finding only the whole scan decides
 * (a lease over its domain's budget, a reference to no ledger of the scan) is for a document the
 * scan holds back until the end, with those after it, so that the order never changes: held on disk
 * past a bound (scan/collector.ts, scan/waiting-list.ts), never by a reporter.
 */
import type { Retention } from '../scan/collector.js';
import type { DocumentReport, ScanResult, ScanSummary } from '../scan/types.js';
import { skippedText } from './skipped-text.js';

export interface ReportOptions {
  /** Colour the output (pretty only). */
  color: boolean;
  /** Show errors only, and no summary when there is none (pretty and github). */
  quiet: boolean;
  /** List every document with how its contract was decided, and every skipped entry (pretty). */
  verbose?: boolean;
  /** The tool's version, for SARIF. */
  version: string;
  /** The working folder, for SARIF's base URI. */
  cwd: string;
}

export interface Reporter {
  /** Whether the format lists every document and skipped entry, or only those with something to say. */
  readonly retention: Retention;
  /** The report in pieces, in order; joined, they are `render`'s text. */
  pieces(result: ScanResult, options: ReportOptions): Iterable<string>;
  /** The whole report as one string. */
  render(result: ScanResult, options: ReportOptions): string;
  /**
   * The report written while the scan runs (every built-in format has it): a stream that takes each
   * document as the scan hands it on, then the rest of the result (whose `documents` are then
   * empty). The text is the same as `pieces` of the whole result.
   */
  stream?(options: ReportOptions, write: (text: string) => void): ReportStream;
  /**
   * Whether the report shows warnings with these options (absent: always). For a report that shows
   * none, a scan only counts them (ScanOptions.listWarnings).
   */
  showsWarnings?(options: ReportOptions): boolean;
}

/** `showsWarnings` of the formats that show errors only with `quiet` (pretty, github). */
export const warningsUnlessQuiet = (options: ReportOptions): boolean => !options.quiet;

export interface ReportStream {
  document(report: DocumentReport): void;
  end(result: ScanResult): void;
}

const WRITE_BYTES = 64 * 1024;

/** Text gathered into writes of about 64 KiB; `flush` writes what is left. */
export function gatheredWrites(write: (text: string) => unknown): { write(text: string): void; flush(): void } {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (pending.length >= WRITE_BYTES) {
        write(pending);
        pending = '';
      }
    },
    flush() {
      if (pending !== '') write(pending);
      pending = '';
    },
  };
}

/**
 * Text encoded as UTF-8 into chunks of about 64 KiB as it comes, each handed to `write` once full
 * (a chunk of its own, never touched again); `flush` hands on what is left. A piece is never split between chunks,
 * so each chunk is whole characters. Encoding piece by piece costs a seventh of what one long
 * string built by appending costs to encode when written (measured on a 2.4 MB pretty report).
 */
export function encodedWrites(write: (chunk: Uint8Array) => unknown): { write(text: string): void; flush(): void } {
  // text is encoded into one buffer, reused; each chunk handed on is a copy of its bytes, exactly sized
  const chunk = Buffer.allocUnsafe(2 * WRITE_BYTES);
  let used = 0;
  const handOn = (): void => {
    if (used === 0) return;
    write(Buffer.from(chunk.subarray(0, used)));
    used = 0;
  };
  return {
    write(text) {
      // at most three bytes a UTF-16 unit: a piece that may not fit goes after the chunk is handed on
      if (used + 3 * text.length > chunk.length) {
        handOn();
        if (3 * text.length > chunk.length) {
          write(Buffer.from(text, 'utf8'));
          return;
        }
      }
      used += chunk.write(text, used);
      if (used >= WRITE_BYTES) handOn();
    },
    flush: handOn,
  };
}

/** Writes a report piece by piece, gathered into writes of about 64 KiB. */
export function writeReport(reporter: Reporter, result: ScanResult, options: ReportOptions, write: (text: string) => unknown): void {
  const out = gatheredWrites(write);
  for (const piece of reporter.pieces(result, options)) out.write(piece);
  out.flush();
}

/** A reporter from its pieces: `render` joins them. */
export function defineReporter(retention: Retention, pieces: Reporter['pieces']): Reporter {
  return { retention, pieces, render: (result, options) => Array.from(pieces(result, options)).join('') };
}

/** Opens a format's stream: it writes through `write` as documents come. */
export type OpenStream = (options: ReportOptions, write: (text: string) => void) => ReportStream;

/**
 * A reporter from its stream: `pieces` of a whole result are what the stream writes when given the
 * result's documents one by one, then the rest of the result; so both ways give the same text.
 */
export function defineStreamingReporter(retention: Retention, open: OpenStream): Reporter {
  function* pieces(result: ScanResult, options: ReportOptions): Generator<string> {
    let written: string[] = [];
    const stream = open(options, (text) => written.push(text));
    const take = function* (): Generator<string> {
      const out = written;
      written = [];
      yield* out;
    };
    yield* take();
    for (const document of result.documents) {
      stream.document(document);
      yield* take();
    }
    stream.end({ ...result, documents: [] });
    yield* take();
  }
  return { ...defineReporter(retention, pieces), stream: open };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary every human-readable format ends with; `verbose`: the skipped entries were listed. */
export function summaryLine(s: ScanSummary, verbose = false): string {
  return (
    `Checked ${plural(s.files, 'file')}: ${plural(s.documents, 'document')} ` +
    `(${s.valid} valid, ${s.invalid} invalid), ${skippedText(s, verbose)}; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`
  );
}
