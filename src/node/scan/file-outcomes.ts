/**
 * What a file's scan is given and what it says when the file cannot be checked: the target, the
 * options, and the documents that stand for a file (or a log's line) that could not be read.
 * Shared by the scan of a whole file (scan-file.ts) and of a log read as it comes (scan-log.ts).
 */
import type { DocumentFormat } from '../parse/documents.js';
import type { Instant } from '../../rules/instant.js';
import type { PlaceDecision, PlaceOptions } from './decide-by-place.js';
import { formatBytes } from './read-file.js';
import { UNREAD, type LocatedIssue, type ScannedDocument } from './types.js';

export const STDIN_SOURCE = '-';

export interface FileScanOptions extends PlaceOptions {
  maxFileSize: number;
  maxDepth: number;
  /** The instant leases are judged at. */
  now: Instant;
  /** List each warning in its document, placed; false: only count them (for a report that shows none). */
  listWarnings: boolean;
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

/** What scanFile decided before reading: the file's name, its format, what its place decided, and whether it is judged strictly. */
export interface Named {
  name: string;
  format: DocumentFormat;
  place: PlaceDecision | undefined;
  /** Every document is one of ours: one that does not parse is an error, never skipped (see unparsed.ts). */
  strict: boolean;
}

/** A document that could not be read or decoded: starting at `documentLine`, the issue at line and column. */
export function fileProblem(code: string, message: string, line = 1, column = 1, documentLine = 1): ScannedDocument {
  const issue: LocatedIssue = { code, severity: 'error', pointer: '', message, line, column };
  return { line: documentLine, contract: null, detection: UNREAD, ok: false, issues: [issue] };
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
