/**
 * The shape every output format has: a scan's result turned into text, in pieces (the CLI writes
 * them as they come, so a large report is never held whole) or as one string.
 */
import type { Retention } from '../scan/collector.js';
import type { ScanResult, ScanSummary } from '../scan/types.js';
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
}

const WRITE_BYTES = 64 * 1024;

/** Writes a report piece by piece, gathered into writes of about 64 KiB. */
export function writeReport(reporter: Reporter, result: ScanResult, options: ReportOptions, write: (text: string) => unknown): void {
  let pending = '';
  for (const piece of reporter.pieces(result, options)) {
    pending += piece;
    if (pending.length >= WRITE_BYTES) {
      write(pending);
      pending = '';
    }
  }
  if (pending !== '') write(pending);
}

/** A reporter from its pieces: `render` joins them. */
export function defineReporter(retention: Retention, pieces: Reporter['pieces']): Reporter {
  return { retention, pieces, render: (result, options) => Array.from(pieces(result, options)).join('') };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary every human-readable format ends with; `verbose`: the skipped entries were listed. */
export function summaryLine(s: ScanSummary, verbose = false): string {
  return (
    `Checked ${plural(s.files, 'file')}: ${plural(s.documents, 'document')} ` +
    `(${s.valid} valid, ${s.invalid} invalid), ${skippedText(s, verbose)}; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`
  );
}
