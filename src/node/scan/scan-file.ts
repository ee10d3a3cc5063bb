/**
 * Scans one file (or standard input): read it without writing, decode it strictly, split it into
 * documents, and check each. Whatever goes wrong with the file itself (too large, unreadable, a
 * folder) becomes one invalid document with a clear issue, never an exception. Text that is not
 * UTF-8 or not JSON is that too when the file is judged strictly or its text says it is ours, and is
 * skipped otherwise (unparsed.ts); a JSON Lines file with no line holds no document.
 */
import path from 'node:path';
import { badUtf8Lines, decodeLossy, decodeUtf8 } from '../parse/decode.js';
import { documentSpans, formatOfFile, type DocumentFormat } from '../parse/documents.js';
import { SourceText } from '../parse/source-text.js';
import { decideByPlace, isConfigFile, type PlaceDecision, type PlaceOptions } from './decide-by-place.js';
import type { Instant } from '../../rules/instant.js';
import { formatBytes, readDocumentFile, readStandardInput, type FileRead } from './read-file.js';
import { scanDocument, type DocumentContext } from './scan-document.js';
import { SkippedLines } from './skipped-lines.js';
import { NOT_A_CONTRACT, UNREAD, type FileScan, type LocatedIssue, type ScannedDocument } from './types.js';
import { notUtf8 } from './unparsed.js';

export interface FileScanOptions extends PlaceOptions {
  maxFileSize: number;
  maxDepth: number;
  /** The instant leases are judged at. */
  now: Instant;
}

export interface FileTarget {
  /** An absolute path, or `-` for standard input. */
  source: string;
  /** The path as shown in reports. */
  file: string;
  /** For standard input: the name it stands for (`--stdin-filename`), which sets its format and place. */
  name?: string;
  /** Set when the walk saw a regular file here: it is then opened without following a link. */
  regular?: boolean;
  /** For a file reached through a link: the real path of the scanned folder it must stay inside. */
  within?: string;
  /** Set for a file named on the command line: it is judged strictly (see DocumentContext.strict). */
  named?: boolean;
}

export const STDIN_SOURCE = '-';

/** Files that are JSON with comments by convention: when they do not parse, they are skipped, not failed. */
const JSON_WITH_COMMENTS = /(^|\/)(tsconfig(\.[^/]*)?\.json|jsconfig(\.[^/]*)?\.json|\.vscode\/.*\.json|\.devcontainer(\/.*)?\.json)$/;

/** A document that could not be read or decoded: starting at `documentLine`, the issue at line and column. */
function fileProblem(code: string, message: string, line = 1, column = 1, documentLine = 1): ScannedDocument {
  const issue: LocatedIssue = { code, severity: 'error', pointer: '', message, line, column };
  return { line: documentLine, contract: null, detection: UNREAD, ok: false, issues: [issue] };
}

export function readTarget(target: FileTarget, maxFileSize: number): FileRead {
  return target.source === STDIN_SOURCE ? readStandardInput(maxFileSize) : readDocumentFile(target.source, maxFileSize, target.regular === true, target.within);
}

/**
 * What stops a file's scan from within (a text longer than the engine's longest string, an engine
 * limit): that file's one issue, so that the report of every other file stays complete.
 */
function cannotCheck(error: unknown, size: number): ScannedDocument {
  const message = error instanceof Error ? error.message : String(error);
  const tooLong = (error as NodeJS.ErrnoException)?.code === 'ERR_STRING_TOO_LONG' || /string longer than|Invalid string length/i.test(message);
  if (tooLong) return fileProblem('file/too-large', `the file is ${formatBytes(size)}, more text than can be held in memory at once: not checked`);
  return fileProblem('file/unreadable', `cannot check the file: ${message.split('\n')[0]}`);
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
  if (read.identity) scan.identity = read.identity;
  try {
    const strict = place !== undefined || target.named === true || target.source === STDIN_SOURCE;
    return scanBytes(options, read.bytes, scan, { name, format, place, strict });
  } catch (error) {
    return { ...scan, documents: [cannotCheck(error, read.bytes.length)], skipped: [] };
  }
}

/** What scanFile decided before reading: the file's name, its format, what its place decided, and whether it is judged strictly. */
interface Named {
  name: string;
  format: DocumentFormat;
  place: PlaceDecision | undefined;
  strict: boolean;
}

function scanBytes(options: FileScanOptions, bytes: Buffer, scan: FileScan, { name, format, place, strict }: Named): FileScan {
  const read = { bytes };
  const decoded = decodeUtf8(read.bytes);
  // one document a line: a line that is not UTF-8 is that line's problem; the others are checked
  const badLines = !decoded.ok && format === 'jsonl' ? badUtf8Lines(read.bytes) : undefined;
  if (!decoded.ok && !badLines) {
    const lossy = decodeLossy(read.bytes);
    const judged = notUtf8(lossy, 0, lossy.length, strict, fileProblem('parse/encoding', decoded.message, decoded.position.line, decoded.position.column));
    if ('skip' in judged) scan.skipped.push({ file: scan.file, reason: judged.skip.reason, detection: judged.skip.detection, kind: 'not-json' });
    else scan.documents.push(judged.document);
    return scan;
  }
  const text = decoded.ok ? decoded.text : decodeLossy(read.bytes);
  const context: DocumentContext = {
    source: new SourceText(text),
    maxDepth: options.maxDepth,
    place,
    strict,
    leaseRoot: place?.root ?? path.posix.dirname(name),
    filename: format === 'json' ? path.posix.basename(name) : undefined,
    now: options.now,
  };
  // a JSON Lines file with no line holds no document: nothing to report
  const skippedLines = new SkippedLines();
  for (const span of documentSpans(text, format)) {
    const badByte = badLines?.get(span.line);
    if (badByte) {
      const judged = notUtf8(text, span.start, span.end, strict, fileProblem('parse/encoding', 'the line is not valid UTF-8: invalid byte sequence', badByte.line, badByte.column, span.line));
      if ('skip' in judged) skippedLines.add(span.line, 'not-json', judged.skip.detection, judged.skip.reason);
      else scan.documents.push(judged.document);
      continue;
    }
    const outcome = scanDocument(context, span);
    if (outcome.kind === 'document') {
      const syntaxOnly = outcome.document.issues.every((i) => i.code === 'parse/syntax');
      if (!outcome.document.ok && syntaxOnly && !place && JSON_WITH_COMMENTS.test(name)) {
        scan.skipped.push({ file: scan.file, reason: 'JSON with comments by convention (not a contract document), and it does not parse as JSON', kind: 'not-json' });
      } else scan.documents.push(outcome.document);
    } else if (format === 'jsonl') skippedLines.add(span.line, outcome.as, outcome.detection, outcome.reason);
    else scan.skipped.push({ file: scan.file, reason: outcome.reason, detection: outcome.detection, kind: outcome.as });
  }
  skippedLines.entries(scan);
  return scan;
}
