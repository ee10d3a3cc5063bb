/**
 * Scans one file (or standard input): read it without writing, decode it strictly, split it into
 * documents, and check each. Whatever goes wrong with the file itself (too large, unreadable, a
 * folder, not UTF-8, empty) becomes one invalid document with a clear issue, never an exception.
 */
import path from 'node:path';
import { badUtf8Lines, decodeLossy, decodeUtf8 } from '../parse/decode.js';
import { documentSpans, formatOfFile, type DocumentFormat } from '../parse/documents.js';
import { SourceText } from '../parse/source-text.js';
import { decideByPlace, isConfigFile, type PlaceOptions } from './decide-by-place.js';
import { readDocumentFile, readStandardInput, type FileRead } from './read-file.js';
import { scanDocument, type DocumentContext } from './scan-document.js';
import { NOT_A_CONTRACT, UNREAD, type FileScan, type LocatedIssue, type ScannedDocument } from './types.js';

export interface FileScanOptions extends PlaceOptions {
  maxFileSize: number;
  maxDepth: number;
  /** The time leases are judged at (ms since the epoch). */
  now: number;
}

export interface FileTarget {
  /** An absolute path, or `-` for standard input. */
  source: string;
  /** The path as shown in reports. */
  file: string;
  /** For standard input: the name it stands for (`--stdin-filename`), which sets its format and place. */
  name?: string;
  /** Set when the walk saw a regular file here: it is then read without being measured first. */
  regular?: boolean;
}

export const STDIN_SOURCE = '-';

/** Files that are JSON with comments by convention: when they do not parse, they are skipped, not failed. */
const JSON_WITH_COMMENTS = /(^|\/)(tsconfig(\.[^/]*)?\.json|jsconfig(\.[^/]*)?\.json|\.vscode\/.*\.json|\.devcontainer(\/.*)?\.json)$/;

/** A document that could not be read or decoded: starting at `documentLine`, the issue at line and column. */
function fileProblem(code: string, message: string, line = 1, column = 1, documentLine = 1): ScannedDocument {
  const issue: LocatedIssue = { code, severity: 'error', pointer: '', message, line, column };
  return { line: documentLine, contract: null, detection: UNREAD, ok: false, issues: [issue] };
}

function describeLines(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? ` and ${lines.length - 10} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}

export function readTarget(target: FileTarget, maxFileSize: number): FileRead {
  return target.source === STDIN_SOURCE ? readStandardInput(maxFileSize) : readDocumentFile(target.source, maxFileSize, target.regular === true);
}

export function scanFile(target: FileTarget, options: FileScanOptions, given?: FileRead): FileScan {
  const scan: FileScan = { file: target.file, source: target.source, documents: [], skipped: [] };
  const raw = target.name ?? (target.source === STDIN_SOURCE ? 'stdin.json' : target.source);
  const name = path.sep === '/' ? raw : raw.split(path.sep).join('/');
  const format: DocumentFormat = formatOfFile(name) ?? 'json';
  const namedPlace = target.source !== STDIN_SOURCE || target.name !== undefined;
  if (namedPlace && isConfigFile(name)) {
    scan.skipped.push({ file: target.file, reason: 'the validate-contracts configuration (not a contract document)' });
    return scan;
  }
  const place = namedPlace || options.contract ? decideByPlace(name, format === 'json', options) : undefined;
  if (place && place.contract === null) {
    scan.skipped.push({ file: target.file, reason: NOT_A_CONTRACT, detection: place.detection });
    return scan;
  }
  const read = given ?? readTarget(target, options.maxFileSize);
  if (!read.ok) {
    scan.documents.push(fileProblem(read.code, read.message));
    return scan;
  }
  const decoded = decodeUtf8(read.bytes);
  // one document a line: a line that is not UTF-8 is that line's problem; the others are checked
  const badLines = !decoded.ok && format === 'jsonl' ? badUtf8Lines(read.bytes) : undefined;
  if (!decoded.ok && !badLines) {
    scan.documents.push(fileProblem('parse/encoding', decoded.message, decoded.position.line, decoded.position.column));
    return scan;
  }
  const text = decoded.ok ? decoded.text : decodeLossy(read.bytes);
  const context: DocumentContext = {
    source: new SourceText(text),
    maxDepth: options.maxDepth,
    place,
    leaseRoot: place?.root ?? path.posix.dirname(name),
    filename: format === 'json' ? path.posix.basename(name) : undefined,
    now: options.now,
  };
  let count = 0;
  const skippedLines: number[] = [];
  for (const span of documentSpans(text, format)) {
    count++;
    const badByte = badLines?.get(span.line);
    if (badByte) {
      scan.documents.push(fileProblem('parse/encoding', 'the line is not valid UTF-8: invalid byte sequence', badByte.line, badByte.column, span.line));
      continue;
    }
    const outcome = scanDocument(context, span);
    if (outcome.kind === 'document') {
      const syntaxOnly = outcome.document.issues.every((i) => i.code === 'parse/syntax');
      if (!outcome.document.ok && syntaxOnly && !place && JSON_WITH_COMMENTS.test(name)) {
        scan.skipped.push({ file: target.file, reason: 'JSON with comments by convention (not a contract document), and it does not parse as JSON' });
      } else scan.documents.push(outcome.document);
    } else if (format === 'jsonl') skippedLines.push(span.line);
    else scan.skipped.push({ file: target.file, reason: outcome.reason, detection: outcome.detection });
  }
  if (skippedLines.length > 0) scan.skipped.push({ file: target.file, reason: `not contract documents: ${describeLines(skippedLines)}` });
  if (count === 0) scan.documents.push(fileProblem('parse/empty', 'the file is empty: expected one JSON document a line'));
  return scan;
}
