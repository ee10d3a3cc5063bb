/**
 * The default, for people: issues grouped by file under a heading that says which contract the
 * file's documents were taken for and why (a blank line between files), each as
 * `file:line:column  severity  code  message  pointer` (the place is clickable in most terminals and editors), the skipped entries
 * worth knowing about, and a summary line. Colour only when asked (the CLI decides: a TTY and no
 * NO_COLOR).
 */
import type { DocumentReport, ScanResult } from '../scan/types.js';
import { decidedLong } from './detection-text.js';
import type { ReportOptions, Reporter } from './reporter.js';
import { defineReporter, summaryLine } from './reporter.js';

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from the scanned files (file names, keys in pointers, values in messages) as it may be shown
 * on a terminal: control characters written as escapes, so that no name or key can break a line or
 * send the terminal an escape sequence.
 */
export const printable = (text: string): string =>
  text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A message on one line, whatever it holds. */
const oneLine = (text: string): string => printable(text.replace(/\s*[\r\n]+\s*/g, ' '));

type Paint = (code: string, text: string) => string;

const painter = (color: boolean): Paint => (color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text);

const HEADINGS_SHOWN = 3;

/** A file's heading: its path and, for each distinct way its documents were taken, which contract and why. */
function heading(docs: readonly DocumentReport[], paint: Paint): string {
  const seen = new Set<string>();
  for (const doc of docs) seen.add(decidedLong(doc.contract, doc.detection));
  const all = [...seen];
  const more = all.length > HEADINGS_SHOWN ? `; and ${all.length - HEADINGS_SHOWN} more` : '';
  return `${paint('1', printable(docs[0]?.file ?? ''))}  ${paint('2', `— ${oneLine(all.slice(0, HEADINGS_SHOWN).join('; '))}${more}`)}`;
}

function renderFile(docs: DocumentReport[], paint: Paint, quiet: boolean, verbose: boolean): string[] {
  const lines: string[] = [];
  if (docs.length === 0) return lines;
  for (const doc of docs) {
    for (const issue of doc.issues) {
      if (quiet && issue.severity !== 'error') continue;
      const severity = issue.severity === 'error' ? paint('31', 'error  ') : paint('33', 'warning');
      const place = `${printable(doc.file)}:${issue.line}:${issue.column}`;
      const pointer = issue.pointer === '' ? '' : `  ${paint('2', printable(issue.pointer))}`;
      lines.push(`${paint('4', place)}  ${severity}  ${paint('1', issue.code)}  ${oneLine(issue.message)}${pointer}`);
    }
  }
  if (lines.length > 0 || verbose) lines.unshift(heading(docs, paint));
  return lines;
}

function* pieces(result: ScanResult, options: ReportOptions): Generator<string> {
  const paint = painter(options.color);
  let group: DocumentReport[] = [];
  const flush = (): string => {
    const lines = renderFile(group, paint, options.quiet, options.verbose === true);
    group = [];
    return lines.length > 0 ? `${lines.join('\n')}\n\n` : '';
  };
  for (const doc of result.documents) {
    if (group.length > 0 && group[0]?.file !== doc.file) yield flush();
    group.push(doc);
  }
  yield flush();
  if (!options.quiet && result.skipped.length > 0) {
    yield `${paint('2', 'Skipped:')}\n`;
    for (const entry of result.skipped) {
      const why = options.verbose && entry.detection ? ` (${entry.detection.reason})` : '';
      yield `${paint('2', `  ${printable(entry.file)}: ${oneLine(entry.reason + why)}`)}\n`;
    }
    yield '\n';
  }
  const { summary } = result;
  if (!options.quiet || summary.errors > 0) {
    const mark = summary.errors > 0 ? paint('31', '✖') : summary.warnings > 0 ? paint('33', '⚠') : paint('32', '✔');
    yield `${mark} ${summaryLine(summary)}\n`;
  }
}

export const prettyReporter: Reporter = defineReporter('problems', pieces);
