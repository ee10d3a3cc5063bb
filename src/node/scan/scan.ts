/**
 * A whole scan: walk the inputs, scan the files in batches (on worker threads too when the scan
 * is large and the caller says how to start one), run the checks across documents in walk order,
 * and collect a result for the reporters. Files are let go once scanned; only small facts stay.
 */
import path from 'node:path';
import { decodeUtf8 } from '../parse/decode.js';
import type { ContractName } from '../../validation.js';
import { instantOfEpochMs, parseInstant, type Instant } from '../../rules/instant.js';
import { configsFor } from '../config/config-file.js';
import { InputError, resolveInputs, type Input } from '../walk/inputs.js';
import { prepareIgnore } from '../walk/rule-set.js';
import { toDisplayPath, walkInputs } from '../walk/walk.js';
import { ResultCollector, type DocumentSink, type Retention } from './collector.js';
import { CrossDocumentChecks, type Locator } from './cross-checks.js';
import { DocumentIndex } from './document-index.js';
import { maxDocumentDepth } from './depth-limit.js';
import { BatchPipeline, type ParallelOptions } from './batch-pipeline.js';
import type { BatchItem, BatchOutcome } from './file-batch.js';
import { DocumentRereader } from './reread.js';
import { prepareTarget, readTarget, scanFile, STDIN_SOURCE, type FileScanOptions, type FileTarget } from './scan-file.js';
import { scanLog } from './scan-log.js';
import { readStandardInput, type FileRead } from './read-file.js';
import { readStdinHead } from './stdin-format.js';
import { formatOfFile } from '../parse/documents.js';
import type { LineText } from '../parse/source-text.js';
import { findPointers } from '../parse/pointer-finder.js';
import { offsetOfPointer } from './locate.js';
import type { FileScan, ScannedDocument, ScanResult } from './types.js';

export { toDisplayPath };
export type { ParallelOptions };

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
const BATCH_SIZE = 64;

export interface ScanOptions {
  /** Files and folders to scan, as given on the command line (`-` for standard input); default `.`. */
  paths?: readonly string[];
  /** The working folder: paths are resolved against it and shown relative to it. Default: process.cwd(). */
  cwd?: string;
  /** More gitignore-syntax patterns to leave out. */
  ignore?: readonly string[];
  /** Files larger than this many bytes are refused unread. Default 10 MiB. */
  maxFileSize?: number;
  /** The time leases are judged at: ms since the epoch, or an RFC 3339 date-time (leap seconds included). Default: now. */
  now?: number | string;
  /** The name standard input stands for (its format, and its place for leases and signals). */
  stdinFilename?: string;
  /** Judge files named in `paths` as the walk judges what it finds (default false: strictly, parse errors included). */
  namedAsFound?: boolean;
  /** Keep every document and skipped entry ('all'), or only those a person must look at ('problems'). */
  retention?: Retention;
  /** Use worker threads for large scans. */
  parallel?: ParallelOptions;
  /** Every document scanned is this contract (`--contract`), whatever the configuration, place or content say. */
  contract?: ContractName | undefined;
  /** Look for `.contracts.json` from the paths given upward (default true). */
  useConfig?: boolean;
  /**
   * List warnings in the documents (default true). False for a report that shows no warning (the
   * pretty and GitHub formats with `--quiet`): warnings are then only counted in the summary, so
   * none is placed, and no document is held back for a warning only the whole scan decides.
   */
  listWarnings?: boolean;
  /** Called after each file. */
  onFile?: (filesDone: number) => void;
  /**
   * Receives each document of the report in scan order as soon as it is final, instead of the
   * result's `documents` (then empty): a report can be written while a long log is still read.
   */
  onDocument?: DocumentSink;
}


/** The instant `now` names, by the package's own RFC 3339 parser; an InputError when it names none. */
function instantOfNow(now: number | string | undefined): Instant {
  const instant = typeof now === 'string' ? parseInstant(now) : instantOfEpochMs(now ?? Date.now());
  if (instant === null) throw new InputError(`now: expected an RFC 3339 date-time or a count of milliseconds, not ${JSON.stringify(String(now))}`);
  return instant;
}

/** Scans files and folders; throws an InputError (usage error) when a path does not exist. */
export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const inputs = resolveInputs(options.paths ?? [], cwd);
  await prepareIgnore();
  const stdinDisplay = options.stdinFilename ?? '<stdin>';
  const display = (source: string): string => (source === STDIN_SOURCE ? stdinDisplay : toDisplayPath(source, cwd));
  const fileOptions: FileScanOptions = {
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    maxDepth: maxDocumentDepth(),
    now: instantOfNow(options.now),
    contract: options.contract,
    configs: options.contract || options.useConfig === false ? [] : configsFor(configStarts(inputs, options.stdinFilename, cwd), display),
    listWarnings: options.listWarnings !== false,
  };
  const rereader = new DocumentRereader(fileOptions.maxDepth, fileOptions.maxFileSize);
  const index = new DocumentIndex();
  const cross = new CrossDocumentChecks(index, rereader, fileOptions.now, display, fileOptions.listWarnings);
  const collector = new ResultCollector(options.retention ?? 'problems', options.onDocument);
  let files = 0;

  /** Identities of the files with more than one name scanned so far: a hard link is counted once. */
  const identities = new Set<string>();
  /** Whether a file of this identity is scanned already (then it is said so, and it is not counted). */
  const seenBefore = (file: string, identity: string | undefined): boolean => {
    if (identity === undefined) return false;
    if (!identities.has(identity)) {
      identities.add(identity);
      return false;
    }
    collector.addSkipped({ file, reason: 'another name (a hard link) of a file scanned already: not counted twice' });
    return true;
  };
  const takeDocument = (fileNumber: number, file: string, document: ScannedDocument, here?: Locator): void => {
    const seq = index.addDocument(fileNumber, document.line, document.contract, document.detection);
    let pending = false;
    if (document.facts) {
      const visit = cross.visit(document, seq, here);
      pending = visit.pending;
      if (visit.issues.length > 0) {
        document.issues.push(...visit.issues);
        if (visit.issues.some((issue) => issue.severity === 'error')) document.ok = false;
      }
      // the documents this one settled (it is the ledger they waited for) go first: they came before it
      collector.release(visit.released);
    }
    collector.addDocument(file, seq, document, pending);
  };
  const take = (fileScan: FileScan): void => {
    if (seenBefore(fileScan.file, fileScan.identity)) return;
    const fileNumber = index.addFile(fileScan.source);
    const { skipped, documents } = fileScan;
    for (let i = 0; i < skipped.length; i++) collector.addSkipped(skipped[i] as (typeof skipped)[number]);
    for (let i = 0; i < documents.length; i++) takeDocument(fileNumber, fileScan.file, documents[i] as ScannedDocument);
    collector.addFile();
    options.onFile?.(++files);
  };
  /** A JSON Lines log, scanned here as it is read: each document taken while its line is at hand. */
  const takeLog = (target: FileTarget, head?: Buffer): void => {
    const named = prepareTarget(target, fileOptions);
    if ('documents' in named) return take(named);
    let fileNumber = -1;
    let read = true;
    scanLog(target, fileOptions, named, {
      opened: (identity) => (read = !seenBefore(target.file, identity)),
      document: (document, text) => {
        if (fileNumber < 0) fileNumber = index.addFile(target.source);
        takeDocument(fileNumber, target.file, document, text && locator(text));
      },
      skipped: (entry) => collector.addSkipped(entry),
    }, head);
    if (!read) return;
    collector.addFile();
    options.onFile?.(++files);
  };
  const pipeline = new BatchPipeline(
    fileOptions,
    (outcomes) => {
      for (let i = 0; i < outcomes.length; i++) {
        const outcome = outcomes[i] as BatchOutcome;
        if (outcome.kind === 'skipped') collector.addSkipped(outcome.entry);
        else take(outcome.scan);
      }
    },
    options.parallel,
  );

  try {
    let batch: BatchItem[] = [];
    const onThisThread = async (scanHere: () => void): Promise<void> => {
      if (batch.length > 0) await pipeline.submit(batch.splice(0));
      await pipeline.drain(true);
      scanHere();
    };
    for (const item of walkInputs(inputs, { cwd, ignore: options.ignore ?? [], namedAsFound: options.namedAsFound === true })) {
      if (item.kind === 'stdin') {
        await onThisThread(() => {
          const target = stdinTarget(options, cwd, stdinDisplay);
          if (target.name !== undefined) {
            if (formatOfFile(target.name) === 'jsonl') takeLog(target);
            else take(scanStdin(target, fileOptions, rereader));
            return;
          }
          // no name: its first line tells a JSON Lines log from one document (stdin-format.ts)
          const head = readStdinHead(fileOptions.maxFileSize);
          if (head.ok && head.format === 'jsonl') takeLog(target, head.head);
          else take(scanStdin(target, fileOptions, rereader, head.ok ? readStandardInput(fileOptions.maxFileSize, head.head) : head));
        });
        continue;
      }
      if (item.kind === 'file' && formatOfFile(item.path) === 'jsonl') {
        await onThisThread(() => takeLog({ source: item.path, file: item.display, regular: item.regular, within: item.within, named: item.named }));
        continue;
      }
      batch.push(item);
      if (batch.length >= BATCH_SIZE) await pipeline.submit(batch.splice(0));
    }
    if (batch.length > 0) await pipeline.submit(batch);
    await pipeline.drain(true);
  } finally {
    await pipeline.close();
  }
  // VALIDATE_CONTRACTS_TRACE=workers: where the batches were scanned, for tuning and tests.
  if (process.env.VALIDATE_CONTRACTS_TRACE === 'workers') {
    const { worker, main } = pipeline.counts;
    process.stderr.write(`validate-contracts: ${worker} batches on ${pipeline.workers} worker threads, ${main} on the main thread\n`);
  }
  collector.addDeferred(await cross.finish(), index, display);
  collector.countWarnings(cross.unlistedWarnings);
  return collector.result();
}

/** Where to look for configuration files from: the paths given (standard input: the name it stands for). */
function configStarts(inputs: readonly Input[], stdinFilename: string | undefined, cwd: string): string[] {
  return inputs.flatMap((input) => (input.kind !== 'stdin' ? [input.path] : stdinFilename ? [path.dirname(path.resolve(cwd, stdinFilename))] : []));
}

function stdinTarget(options: ScanOptions, cwd: string, stdinDisplay: string): FileTarget {
  const target: FileTarget = { source: STDIN_SOURCE, file: stdinDisplay };
  if (options.stdinFilename) target.name = path.resolve(cwd, options.stdinFilename);
  return target;
}

/** Standard input as one JSON document: read whole (it cannot be read twice, so its text is kept for the checks across documents). */
function scanStdin(target: FileTarget, fileOptions: FileScanOptions, rereader: DocumentRereader, given?: FileRead): FileScan {
  const read = given ?? readTarget(target, fileOptions.maxFileSize);
  if (read.ok) {
    try {
      const decoded = decodeUtf8(read.bytes);
      if (decoded.ok) rereader.rememberStdin(decoded.text, target.name);
    } catch {
      // too long to be one string: scanFile says so
    }
  }
  return scanFile(target, fileOptions, read);
}

/** Places pointers in a log's line while it is at hand. */
function locator(text: LineText): Locator {
  return (pointer) => text.positionOf(offsetOfPointer(findPointers(text.text, [pointer], 0, text.text.length), pointer, 0));
}
