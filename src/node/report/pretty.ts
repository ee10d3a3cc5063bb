/**
 * The default, for people: issues grouped by file under a heading that says which contract the
 * file's documents were taken for and why (a blank line between files), each as
 * `file:line:column  severity  code  message  pointer` (the place is clickable in most terminals and editors), the skipped entries
 * worth knowing about, and a summary line. Colour only when asked (the CLI decides: a TTY and no
 * NO_COLOR).
 *
 * Streamed file by file: a file's lines are written when its last document comes (the scan hands
 * documents on in order, a file's together, each once its issues are final), since its heading names
 * every way its documents were taken. A file with more than HELD_LINES lines (a long log) does not
 * wait for its end: its heading is written with the ways seen so far, then its lines as they come,
 * and a way first seen after the heading is named on a line of its own (`file  — also: …`) before
 * the first issue of a document taken that way. So the report holds at most one file's HELD_LINES
 * lines and WAYS_KEPT ways, whatever the length of a log.
 */
import type { DocumentReport } from '../scan/types.js';
import { decidedLong } from './detection-text.js';
import type { ReportOptions, Reporter, ReportStream } from './reporter.js';
import { defineStreamingReporter, summaryLine, warningsUnlessQuiet } from './reporter.js';

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

/** Issue lines of one file held, waiting for its heading; past them the file's lines are written as they come. */
export const HELD_LINES = 1000;

/** Distinct ways of taking a file's documents remembered for its heading; one more and the heading is written. */
const WAYS_KEPT = 64;

/** A file's heading: its path (`shown`: printable), and, for each distinct way its documents were taken, which contract and why. */
function heading(shown: string, ways: ReadonlySet<string>, paint: Paint): string {
  const all = [...ways];
  const more = all.length > HEADINGS_SHOWN ? `; and ${all.length - HEADINGS_SHOWN} more` : '';
  return `${paint('1', shown)}  ${paint('2', `— ${oneLine(all.slice(0, HEADINGS_SHOWN).join('; '))}${more}`)}`;
}

/**
 * Adds the lines of a document's issues to `lines`, each with its line break, so that each is written
 * as it is (`warnings`: whether warnings are shown too); `shown`: its file, printable.
 */
function addIssueLines(lines: string[], doc: DocumentReport, shown: string, paint: Paint, warnings: boolean): void {
  const issues = doc.issues;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as (typeof issues)[number];
    if (!warnings && issue.severity !== 'error') continue;
    const severity = issue.severity === 'error' ? paint('31', 'error  ') : paint('33', 'warning');
    const place = `${shown}:${issue.line}:${issue.column}`;
    const pointer = issue.pointer === '' ? '' : `  ${paint('2', printable(issue.pointer))}`;
    lines.push(`${paint('4', place)}  ${severity}  ${paint('1', issue.code)}  ${oneLine(issue.message)}${pointer}\n`);
  }
}

/** The documents of one file as they come: held under its heading until the file ends or HELD_LINES are reached. */
class FileSection {
  /** The distinct ways its documents were taken (decidedLong), in the order first seen. */
  private readonly ways = new Set<string>();
  private held: string[] = [];
  /** Whether the heading is written (then the lines are written as they come). */
  private headed = false;
  /** The way named last after the heading, when the ways are too many to remember. */
  private lastWay = '';
  /** The file's name as it may be shown on a terminal. */
  private readonly shown: string;
  /** Whether warnings are shown (not with `quiet`). */
  private readonly warnings: boolean;

  constructor(
    readonly file: string,
    private readonly paint: Paint,
    private readonly options: ReportOptions,
    private readonly write: (text: string) => void,
  ) {
    this.shown = printable(file);
    this.warnings = warningsUnlessQuiet(options);
  }

  add(doc: DocumentReport): void {
    const way = decidedLong(doc.contract, doc.detection);
    if (!this.headed) {
      this.ways.add(way);
      addIssueLines(this.held, doc, this.shown, this.paint, this.warnings);
      if (this.held.length > HELD_LINES || this.ways.size > WAYS_KEPT) {
        this.writeHeadingAndHeld();
        this.held = [];
        this.headed = true;
      }
      return;
    }
    const lines: string[] = [];
    addIssueLines(lines, doc, this.shown, this.paint, this.warnings);
    if (lines.length === 0 && this.options.verbose !== true) return;
    if (!this.ways.has(way) && way !== this.lastWay) {
      this.write(`${this.paint('1', this.shown)}  ${this.paint('2', `— also: ${oneLine(way)}`)}\n`);
      if (this.ways.size < WAYS_KEPT) this.ways.add(way);
    }
    this.lastWay = way;
    for (let i = 0; i < lines.length; i++) this.write(lines[i] as string);
  }

  /** Writes the heading, then the lines held, each as it is (no text is built of them all). */
  private writeHeadingAndHeld(): void {
    this.write(`${heading(this.shown, this.ways, this.paint)}\n`);
    const held = this.held;
    for (let i = 0; i < held.length; i++) this.write(held[i] as string);
  }

  /** The file has ended: what is held, and the blank line after a file. */
  close(): void {
    if (!this.headed) {
      if (this.held.length === 0 && this.options.verbose !== true) return;
      this.writeHeadingAndHeld();
    }
    this.write('\n');
  }
}

function open(options: ReportOptions, write: (text: string) => void): ReportStream {
  const paint = painter(options.color);
  let section: FileSection | undefined;
  return {
    document(doc) {
      if (section?.file !== doc.file) {
        section?.close();
        section = new FileSection(doc.file, paint, options, write);
      }
      section.add(doc);
    },
    end(result) {
      section?.close();
      section = undefined;
      if (!options.quiet && result.skipped.length > 0) {
        let text = `${paint('2', 'Skipped:')}\n`;
        for (const entry of result.skipped) {
          const why = options.verbose && entry.detection ? ` (${entry.detection.reason})` : '';
          text += `${paint('2', `  ${printable(entry.file)}: ${oneLine(entry.reason + why)}`)}\n`;
        }
        write(`${text}\n`);
      }
      const { summary } = result;
      if (!options.quiet || summary.errors > 0) {
        const mark = summary.errors > 0 ? paint('31', '✖') : summary.warnings > 0 ? paint('33', '⚠') : paint('32', '✔');
        write(`${mark} ${summaryLine(summary, options.verbose === true)}\n`);
      }
    },
  };
}

export const prettyReporter: Reporter = { ...defineStreamingReporter('problems', open), showsWarnings: warningsUnlessQuiet };
