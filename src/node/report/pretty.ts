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
 * What a terminal must not be given raw: C0 and C1 controls, the line and paragraph separators
 * (U+2028, U+2029), and the marks and overrides that reorder text on screen (U+061C, U+200E,
 * U+200F, U+202A to U+202E, U+2066 to U+2069), by which a name can show other text than it holds.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the scanned files (file names, keys in pointers, values in messages) as it may be shown
 * on a terminal: those characters written as escapes, so that no name or key can break a line,
 * turn text around or send the terminal an escape sequence.
 */
export const printable = (text: string): string => text.replace(UNPRINTABLE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || c === 0x3000;

/**
 * A message on one line, whatever it holds: each line break, with the white space around it, becomes
 * one space. One pass over the text: a regular expression that takes the white space around a line
 * break backtracks over every long run of spaces that holds none, in quadratic time.
 */
function oneLine(text: string): string {
  if (!/[\r\n]/.test(text)) return printable(text);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && !isSpace(c)) {
      out += text[i];
      i++;
      continue;
    }
    // a run of white space: one space if it holds a line break, else kept as it is
    let end = i;
    let breaks = false;
    for (let k = text.charCodeAt(end); end < text.length && (k === 10 || k === 13 || isSpace(k)); k = text.charCodeAt(++end)) if (k === 10 || k === 13) breaks = true;
    out += breaks ? ' ' : text.slice(i, end);
    i = end;
  }
  return printable(out);
}

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
    yield `${mark} ${summaryLine(summary, options.verbose === true)}\n`;
  }
}

export const prettyReporter: Reporter = defineReporter('problems', pieces);
