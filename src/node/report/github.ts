/**
 * GitHub Actions workflow commands: one `::error` or `::warning` a issue, which GitHub shows on
 * the line of the file in a pull request (the message ends with the contract the document was
 * validated as and how that was decided: `[CapabilityLedger, by type]`), then the summary line.
 * Escaping as GitHub's toolkit does: `%`, `\r`, `\n` in the message; also `:` and `,` in properties.
 */
import type { ScanResult } from '../scan/types.js';
import { decidedShort } from './detection-text.js';
import type { Reporter, ReportOptions } from './reporter.js';
import { defineReporter, summaryLine } from './reporter.js';

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function* pieces(result: ScanResult, options: ReportOptions): Generator<string> {
  for (const doc of result.documents) {
    for (const issue of doc.issues) {
      if (options.quiet && issue.severity !== 'error') continue;
      const props = `file=${escapeProperty(doc.file)},line=${issue.line},col=${issue.column},title=${escapeProperty(issue.code)}`;
      const at = issue.pointer === '' ? '' : ` (at ${issue.pointer})`;
      const message = `${issue.message}${at} [${decidedShort(doc.contract, doc.detection)}]`;
      yield `::${issue.severity} ${props}::${escapeData(message)}\n`;
    }
  }
  if (!options.quiet || result.summary.errors > 0) yield `${summaryLine(result.summary)}\n`;
}

export const githubReporter: Reporter = defineReporter('problems', pieces);
