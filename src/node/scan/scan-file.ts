/**
 * Scans one file (or standard input): read it without writing, decode it strictly, split it into
 * documents, and check each. Whatever goes wrong with the file itself (too large, unreadable, a
 * folder, not UTF-8, empty) becomes one invalid document with a clear issue, never an exception.
 */
import path from 'node:path';
import { decodeUtf8 } from '../parse/decode.js';
import { formatOfFile, type DocumentFormat } from '../parse/documents.js';
import { SourceText } from '../parse/source-text.js';
import { decideByPlace, isConfigFile, type PlaceDecision, type PlaceOptions } from './decide-by-place.js';
import type { Instant } from '../../rules/instant.js';
import { formatBytes, readDocumentFile, readStandardInput, type FileRead } from './read-file.js';
import { scanDocument, type DocumentContext } from './scan-document.js';
import { scanLog } from './scan-log.js';
import { NOT_A_CONTRACT, UNREAD, type FileScan, type LocatedIssue, type ScannedDocument, type SkippedEntry } from './types.js';

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
}

export const STDIN_SOURCE = '-';

/** Files that are JSON with comments by convention: when they do not parse, they are skipped, not failed. */
const JSON_WITH_COMMENTS = /(^|\/)(tsconfig(\.[^/]*)?\.json|jsconfig(\.[^/]*)?\.json|\.vscode\/.*\.json|\.devcontainer(\/.*)?\.json)$/;

/** A document that could not be read or decoded: starting at `documentLine`, the issue at line and column. */
export function fileProblem(code: string, message: string, line = 1, column = 1, documentLine = 1): ScannedDocument {
  const issue: LocatedIssue = { code, severity: 'error', pointer: '', message, line, column };
  return { line: documentLine, contract: null, detection: UNREAD, ok: false, issues: [issue] };
}

/** Line numbers listed in a skipped entry; more are counted. */
export const LINES_LISTED = 10;

/** The entry for the lines of a log that are no contract documents: the first LINES_LISTED, and how many. */
export function skippedLines(file: string, shownLines: readonly number[], count: number): SkippedEntry {
  const more = count > shownLines.length ? ` and ${count - shownLines.length} more` : '';
  return { file, reason: `not contract documents: ${count === 1 ? 'line' : 'lines'} ${shownLines.join(', ')}${more}` };
}

/** What a file without any document is (a JSON Lines log with no line, or a blank file). */
export function emptyFile(): ScannedDocument {
  return fileProblem('parse/empty', 'the file is empty: expected one JSON document a line');
}

export function readTarget(target: FileTarget, maxFileSize: number): FileRead {
  return target.source === STDIN_SOURCE ? readStandardInput(maxFileSize) : readDocumentFile(target.source, maxFileSize, target.regular === true, target.within);
}

/**
 * What stops a file's scan from within (a text longer than the engine's longest string, an engine
 * limit): that file's one issue, so that the report of every other file stays complete.
 */
export function cannotCheck(error: unknown, size: number): ScannedDocument {
  const message = error instanceof Error ? error.message : String(error);
  const tooLong = (error as NodeJS.ErrnoException)?.code === 'ERR_STRING_TOO_LONG' || /string longer than|Invalid string length/i.test(message);
  if (tooLong) return fileProblem('file/too-large', `the file is ${formatBytes(size)}, more text than can be held in memory at once: not checked`);
  return fileProblem('file/unreadable', `cannot check the file: ${message.split('\n')[0]}`);
}

/** What is decided before reading: the file's name, its format and what its place decided; or the file's scan, when nothing is to be read. */
export function prepareTarget(target: FileTarget, options: FileScanOptions): Named | FileScan {
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
  return { name, format, place };
}

export function scanFile(target: FileTarget, options: FileScanOptions, given?: FileRead): FileScan {
  const named = prepareTarget(target, options);
  if ('documents' in named) return named;
  const scan: FileScan = { file: target.file, source: target.source, documents: [], skipped: [] };
  if (named.format === 'jsonl' && !given) {
    // a log is read a chunk at a time: the size limit is one line's
    scanLog(target, options, named, {
      opened: (identity) => {
        if (identity) scan.identity = identity;
        return true;
      },
      document: (document) => scan.documents.push(document),
      skipped: (entry) => scan.skipped.push(entry),
    });
    return scan;
  }
  const read = given ?? readTarget(target, options.maxFileSize);
  if (!read.ok) {
    scan.documents.push(fileProblem(read.code, read.message));
    return scan;
  }
  if (read.identity) scan.identity = read.identity;
  try {
    return scanBytes(options, read.bytes, scan, named);
  } catch (error) {
    return { ...scan, documents: [cannotCheck(error, read.bytes.length)], skipped: [] };
  }
}

/** What scanFile decided before reading: the file's name, its format and what its place decided. */
export interface Named {
  name: string;
  format: DocumentFormat;
  place: PlaceDecision | undefined;
}

/** One `.json` document (a file, or standard input read whole): decoded strictly, then checked. */
function scanBytes(options: FileScanOptions, bytes: Buffer, scan: FileScan, { name, place }: Named): FileScan {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    scan.documents.push(fileProblem('parse/encoding', decoded.message, decoded.position.line, decoded.position.column));
    return scan;
  }
  const text = decoded.text;
  const context: DocumentContext = {
    source: new SourceText(text),
    maxDepth: options.maxDepth,
    place,
    leaseRoot: place?.root ?? path.posix.dirname(name),
    filename: path.posix.basename(name),
    now: options.now,
  };
  const outcome = scanDocument(context, { line: 1, start: 0, end: text.length });
  if (outcome.kind === 'skipped') scan.skipped.push({ file: scan.file, reason: outcome.reason, detection: outcome.detection });
  else if (unparsedByConvention(name, place, outcome.document)) {
    scan.skipped.push({ file: scan.file, reason: 'JSON with comments by convention (not a contract document), and it does not parse as JSON' });
  } else scan.documents.push(outcome.document);
  return scan;
}

/** Whether a document that does not parse is, by its name, a file that is not meant to be plain JSON (skipped, not failed). */
function unparsedByConvention(name: string, place: PlaceDecision | undefined, document: ScannedDocument): boolean {
  return !document.ok && document.issues.every((i) => i.code === 'parse/syntax') && !place && JSON_WITH_COMMENTS.test(name);
}
