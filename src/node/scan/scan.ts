/**
 * A whole scan: walk the inputs, scan each file, run the checks across documents, and collect a
 * result for the reporters. Files are handled one at a time and let go; only small facts stay.
 */
import path from 'node:path';
import { decodeUtf8 } from '../parse/decode.js';
import { resolveInputs } from '../walk/inputs.js';
import { walkInputs } from '../walk/walk.js';
import { ResultCollector, type Retention } from './collector.js';
import { CrossDocumentChecks, type DocumentRef } from './cross-checks.js';
import { maxDocumentDepth } from './depth-limit.js';
import { DocumentRereader } from './reread.js';
import { readTarget, scanFile, STDIN_SOURCE, type FileTarget } from './scan-file.js';
import type { FileScan, ScanResult } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface ScanOptions {
  /** Files and folders to scan, as given on the command line (`-` for standard input); default `.`. */
  paths?: readonly string[];
  /** The working folder: paths are resolved against it and shown relative to it. Default: process.cwd(). */
  cwd?: string;
  /** More gitignore-syntax patterns to leave out. */
  ignore?: readonly string[];
  /** Files larger than this many bytes are refused unread. Default 10 MiB. */
  maxFileSize?: number;
  /** The time leases are judged at, in ms since the epoch. Default: now. */
  now?: number;
  /** The name standard input stands for (its format, and its place for leases and signals). */
  stdinFilename?: string;
  /** Keep every document and skipped entry ('all'), or only those a person must look at ('problems'). */
  retention?: Retention;
  /** Called after each file. */
  onFile?: (filesDone: number) => void;
}

export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || '.';
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

/** Scans files and folders; throws an InputError (usage error) when a path does not exist. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const inputs = resolveInputs(options.paths ?? [], cwd);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const maxDepth = maxDocumentDepth();
  const now = options.now ?? Date.now();
  const stdinDisplay = options.stdinFilename ?? '<stdin>';
  const display = (source: string): string => (source === STDIN_SOURCE ? stdinDisplay : toDisplayPath(source, cwd));
  const rereader = new DocumentRereader(maxDepth, maxFileSize);
  const cross = new CrossDocumentChecks(rereader, now, display);
  const collector = new ResultCollector(options.retention ?? 'problems');
  let seq = 0;
  let files = 0;

  const take = (fileScan: FileScan): void => {
    fileScan.documents.forEach((document, i) => {
      const ref: DocumentRef = { seq: seq + i, source: fileScan.source, line: document.line, contract: document.contract };
      const found = cross.visit(document, ref);
      if (found.length > 0) {
        document.issues.push(...found);
        if (found.some((issue) => issue.severity === 'error')) document.ok = false;
      }
    });
    collector.addFile(fileScan, seq);
    seq += fileScan.documents.length;
    options.onFile?.(++files);
  };

  for (const item of walkInputs(inputs, { cwd, ignore: options.ignore ?? [] })) {
    if (item.kind === 'skipped') collector.addSkipped({ file: display(item.path), reason: item.reason });
    else if (item.kind === 'unreadable') {
      const issue = { code: 'file/unreadable', severity: 'error' as const, pointer: '', message: item.message, line: 1, column: 1 };
      take({ file: display(item.path), source: item.path, skipped: [], documents: [{ line: 1, contract: null, ok: false, issues: [issue] }] });
    } else {
      const target: FileTarget =
        item.kind === 'stdin'
          ? { source: STDIN_SOURCE, file: stdinDisplay, ...(options.stdinFilename ? { name: path.resolve(cwd, options.stdinFilename) } : {}) }
          : { source: item.path, file: display(item.path) };
      const read = readTarget(target, maxFileSize);
      if (item.kind === 'stdin' && read.ok) {
        const decoded = decodeUtf8(read.bytes);
        if (decoded.ok) rereader.rememberStdin(decoded.text, target.name);
      }
      take(scanFile(target, { maxFileSize, maxDepth, now }, read));
    }
  }
  collector.addDeferred(await cross.finish(), (ref) => display(ref.source));
  return collector.result();
}
