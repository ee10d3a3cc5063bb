/**
 * Scans a JSON Lines log (a file, or standard input) as it is read: a chunk at a time, each line
 * decoded, parsed, detected and checked, handed over, then let go. Memory follows the longest line,
 * never the log's length. The size limit is one line's: a longer line is that line's error, and the
 * lines after it are checked as usual. A log with no line holds no document: nothing to report.
 */
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { firstInvalidByte } from '../parse/decode.js';
import { LogLineSplitter, type LogLine } from '../parse/log-lines.js';
import { LineText } from '../parse/source-text.js';
import { formatBytes, openStream, readChunk } from './read-file.js';
import { cannotCheck, fileProblem, type FileScanOptions, type FileTarget, type Named } from './file-outcomes.js';
import { scanDocument, type DocumentContext } from './scan-document.js';
import { SkippedLines } from './skipped-lines.js';
import type { ScannedDocument, SkippedEntry } from './types.js';
import { notUtf8 as judgeNotUtf8 } from './unparsed.js';

/** Bytes read at a time. */
const CHUNK_BYTES = 1024 * 1024;

export const LINE_TOO_LARGE = 'file/line-too-large';

export interface LogReceiver {
  /** The log is open (`identity`: a file with more than one name); false: leave it unread. */
  opened(identity: string | undefined): boolean;
  /** Each document in line order, with its line's text while it is at hand (none for a line that could not be read). */
  document(document: ScannedDocument, text: LineText | undefined): void;
  skipped(entry: SkippedEntry): void;
}

function overLimit(raw: LogLine, max: number): ScannedDocument {
  const message = `the line is ${formatBytes(raw.size)}, over the --max-file-size limit of ${formatBytes(max)} for one document: not checked`;
  return fileProblem(LINE_TOO_LARGE, message, raw.line, 1, raw.line);
}

function notUtf8(bytes: Buffer, line: number): ScannedDocument {
  const at = firstInvalidByte(bytes);
  const column = bytes.toString('utf8', 0, at).length + 1;
  return fileProblem('parse/encoding', 'the line is not valid UTF-8: invalid byte sequence', line, column, line);
}

export function scanLog(target: FileTarget, options: FileScanOptions, { name, place, strict }: Named, receiver: LogReceiver, head?: Buffer): void {
  const opened = target.source === '-' ? openStream('-') : openStream(target.source, target.regular === true, target.within);
  if (!opened.ok) {
    receiver.document(fileProblem(opened.code, opened.message), undefined);
    return;
  }
  const skippedLines = new SkippedLines();
  const context: DocumentContext = {
    source: new LineText('', 1),
    maxDepth: options.maxDepth,
    place,
    strict,
    leaseRoot: place?.root ?? path.posix.dirname(name),
    filename: undefined,
    now: options.now,
    contentNow: true,
    listWarnings: options.listWarnings,
  };
  const scanLine = (raw: LogLine): void => {
    const bytes = raw.bytes;
    if (!bytes) return receiver.document(overLimit(raw, options.maxFileSize), undefined);
    if (!isUtf8(bytes)) {
      const lossy = bytes.toString('utf8');
      const judged = judgeNotUtf8(lossy, 0, lossy.length, strict, notUtf8(bytes, raw.line));
      if ('skip' in judged) return skippedLines.add(raw.line, 'not-json', judged.skip.detection, judged.skip.reason);
      return receiver.document(judged.document, undefined);
    }
    let text: LineText;
    let outcome: ReturnType<typeof scanDocument>;
    try {
      text = new LineText(bytes.toString('utf8'), raw.line);
      context.source = text;
      outcome = scanDocument(context, { line: raw.line, start: 0, end: text.text.length });
    } catch (error) {
      const problem = cannotCheck(error, raw.size);
      const issue = problem.issues[0];
      if (issue) issue.line = raw.line;
      problem.line = raw.line;
      return receiver.document(problem, undefined);
    }
    if (outcome.kind === 'document') receiver.document(outcome.document, text);
    else skippedLines.add(raw.line, outcome.as, outcome.detection, outcome.reason);
  };
  const splitter = new LogLineSplitter(options.maxFileSize, scanLine);
  try {
    if (!receiver.opened(opened.identity)) return;
    if (head) splitter.push(head); // what was read of standard input to tell its format
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n = readChunk(opened.fd, chunk); n > 0; n = readChunk(opened.fd, chunk)) splitter.push(chunk.subarray(0, n));
    splitter.end();
  } catch (error) {
    // the log stopped being readable part way: the lines before were checked
    const message = `cannot read the file past line ${splitter.lineNumber}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    receiver.document(fileProblem('file/unreadable', message, splitter.lineNumber, 1, splitter.lineNumber), undefined);
  } finally {
    opened.close();
  }
  for (const entry of skippedLines.entries(target.file)) receiver.skipped(entry);
}
