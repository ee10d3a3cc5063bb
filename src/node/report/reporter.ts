/** The shape every output format has: a function from a scan's result to the text to print. */
import type { Retention } from '../scan/collector.js';
import type { ScanResult, ScanSummary } from '../scan/types.js';

export interface ReportOptions {
  /** Colour the output (pretty only). */
  color: boolean;
  /** Show errors only, and no summary when there is none (pretty and github). */
  quiet: boolean;
  /** The tool's version, for SARIF. */
  version: string;
  /** The working folder, for SARIF's base URI. */
  cwd: string;
}

export interface Reporter {
  /** Whether the format lists every document and skipped entry, or only those with something to say. */
  retention: Retention;
  render(result: ScanResult, options: ReportOptions): string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line summary every human-readable format ends with. */
export function summaryLine(s: ScanSummary): string {
  return (
    `Checked ${plural(s.files, 'file')}: ${plural(s.documents, 'document')} ` +
    `(${s.valid} valid, ${s.invalid} invalid), ${s.skipped} skipped; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}.`
  );
}
