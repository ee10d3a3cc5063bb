/**
 * Scans one file (or standard input): read it without writing, decode it strictly, and check its
 * document; a JSON Lines log is scanned as it is read (scan-log.ts). Whatever goes wrong with the
 * file itself (too large, unreadable, a folder) becomes one invalid document with a clear issue,
 * never an exception. Text that is not UTF-8 or not JSON is that too when the file is judged
 * strictly or its text says it is ours, and is skipped otherwise (unparsed.ts).
 */
import path from 'node:path';
import { decodeLossy, decodeUtf8 } from '../parse/decode.js';
import { formatOfFile, type DocumentFormat } from '../parse/documents.js';
import { SourceText } from '../parse/source-text.js';
import { decideByPlace, isConfigFile, type PlaceDecision } from './decide-by-place.js';
import { readDocumentFile, readStandardInput, type FileRead } from './read-file.js';
import { scanDocument, type DocumentContext } from './scan-document.js';
import { scanLog } from './scan-log.js';
import { cannotCheck, fileProblem, STDIN_SOURCE, type FileScanOptions, type FileTarget, type Named } from './file-outcomes.js';
import { NOT_A_CONTRACT, type FileScan, type ScannedDocument } from './types.js';
import { notUtf8 } from './unparsed.js';

export { STDIN_SOURCE, type FileScanOptions, type FileTarget, type Named };

/** Files that are JSON with comments by convention: when they do not parse, they are skipped, not failed. */
const JSON_WITH_COMMENTS = /(^|\/)(tsconfig(\.[^/]*)?\.json|jsconfig(\.[^/]*)?\.json|\.vscode\/.*\.json|\.devcontainer(\/.*)?\.json)$/;

/** `scratch`: a buffer to read a file into when it fits (its bytes are then valid until the next read into it). */
export function readTarget(target: FileTarget, maxFileSize: number, scratch?: Buffer): FileRead {
  return target.source === STDIN_SOURCE ? readStandardInput(maxFileSize) : readDocumentFile(target.source, maxFileSize, target.regular === true, target.within, scratch);
}

/** The buffer this thread reads a file into when it fits: its text is decoded before the next file is read. */
let scratch: Buffer | undefined;
const SCRATCH_BYTES = 64 * 1024;

/** The scan of a file left unread, for the reason given. */
const skipped = (target: FileTarget, entry: FileScan['skipped'][number]): FileScan => ({ file: target.file, source: target.source, documents: [], skipped: [entry] });

/** What is decided before reading: the file's name, its format and what its place decided; or the file's scan, when nothing is to be read. */
export function prepareTarget(target: FileTarget, options: FileScanOptions): Named | FileScan {
  const raw = target.name ?? (target.source === STDIN_SOURCE ? 'stdin.json' : target.source);
  const name = path.sep === '/' ? raw : raw.split(path.sep).join('/');
  const format: DocumentFormat = formatOfFile(name) ?? 'json';
  const namedPlace = target.source !== STDIN_SOURCE || target.name !== undefined;
  if (namedPlace && isConfigFile(name)) return skipped(target, { file: target.file, reason: 'the validate-contracts configuration (not a contract document)' });
  const place = namedPlace || options.contract ? decideByPlace(name, format === 'json', options) : undefined;
  if (place && place.contract === null) return skipped(target, { file: target.file, reason: NOT_A_CONTRACT, detection: place.detection });
  // named on the command line, read from standard input, or placed before reading: every document is ours
  const strict = place !== undefined || target.named === true || target.source === STDIN_SOURCE;
  return { name, format, place, strict };
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
  const read = given ?? readTarget(target, options.maxFileSize, (scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES)));
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

/** One `.json` document (a file, or standard input read whole): decoded strictly, then checked. */
function scanBytes(options: FileScanOptions, bytes: Buffer, scan: FileScan, { name, place, strict }: Named): FileScan {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const lossy = decodeLossy(bytes);
    const judged = notUtf8(lossy, 0, lossy.length, strict, fileProblem('parse/encoding', decoded.message, decoded.position.line, decoded.position.column));
    if ('skip' in judged) scan.skipped.push({ file: scan.file, reason: judged.skip.reason, detection: judged.skip.detection, kind: 'not-json' });
    else scan.documents.push(judged.document);
    return scan;
  }
  const text = decoded.text;
  // the name's folder and base name (path.posix.dirname and basename, for a file's name), by one
  // search: 11 ms for 10,000 names in a fresh process, against 20 ms for the two calls
  const cut = name.lastIndexOf('/');
  const context: DocumentContext = {
    source: new SourceText(text),
    maxDepth: options.maxDepth,
    place,
    strict,
    leaseRoot: place?.root ?? (cut < 0 ? '.' : cut === 0 ? '/' : name.slice(0, cut)),
    filename: name.slice(cut + 1),
    now: options.now,
    // a file can be read again, if its id turns out to be repeated; standard input cannot
    contentNow: scan.source === STDIN_SOURCE,
    listWarnings: options.listWarnings,
  };
  const outcome = scanDocument(context, { line: 1, start: 0, end: text.length });
  if (outcome.kind === 'skipped') scan.skipped.push({ file: scan.file, reason: outcome.reason, detection: outcome.detection, kind: outcome.as });
  else if (unparsedByConvention(name, place, outcome.document)) {
    scan.skipped.push({ file: scan.file, reason: 'JSON with comments by convention (not a contract document), and it does not parse as JSON', kind: 'not-json' });
  } else scan.documents.push(outcome.document);
  return scan;
}

/** Whether a document that does not parse is, by its name, a file that is not meant to be plain JSON (skipped, not failed). */
function unparsedByConvention(name: string, place: PlaceDecision | undefined, document: ScannedDocument): boolean {
  return !document.ok && document.issues.every((i) => i.code === 'parse/syntax') && !place && JSON_WITH_COMMENTS.test(name);
}
