/**
 * GitHub Actions workflow commands: one `::error` or `::warning` a issue, which GitHub shows on
 * the line of the file in a pull request (the message ends with the contract the document was
 * validated as and how that was decided: `[CapabilityLedger, by type]`), then the summary line.
 * Escaping as GitHub's toolkit does: `%`, `\r`, `\n` in the message; also `:` and `,` in properties.
 * Streamed line by line: a document's commands are written when the scan hands it on, nothing is held.
 */
import type { DocumentReport } from '../scan/types.js';
import { decidedShort } from './detection-text.js';
import type { Reporter, ReportOptions, ReportStream } from './reporter.js';
import { defineStreamingReporter, summaryLine, warningsUnlessQuiet } from './reporter.js';

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The commands of one document's issues (`warnings`: whether warnings are shown too). */
function commands(doc: DocumentReport, warnings: boolean): string {
  let text = '';
  for (const issue of doc.issues) {
    if (!warnings && issue.severity !== 'error') continue;
    const props = `file=${escapeProperty(doc.file)},line=${issue.line},col=${issue.column},title=${escapeProperty(issue.code)}`;
    const at = issue.pointer === '' ? '' : ` (at ${issue.pointer})`;
    const message = `${issue.message}${at} [${decidedShort(doc.contract, doc.detection)}]`;
    text += `::${issue.severity} ${props}::${escapeData(message)}\n`;
  }
  return text;
}

function open(options: ReportOptions, write: (text: string) => void): ReportStream {
  const warnings = warningsUnlessQuiet(options);
  return {
    document(doc) {
      const text = commands(doc, warnings);
      if (text !== '') write(text);
    },
    end(result) {
      if (!options.quiet || result.summary.errors > 0) write(`${summaryLine(result.summary)}\n`);
    },
  };
}

export const githubReporter: Reporter = { ...defineStreamingReporter('problems', open), showsWarnings: warningsUnlessQuiet };
