/**
 * A whole scan: walk the inputs, scan the files in batches (on worker threads too when the scan
 * is large and the caller says how to start one), run the checks across documents in walk order,
 * and collect a result for the reporters. Files are let go once scanned; only small facts stay.
 */
import path from 'node:path';
import { decodeUtf8 } from '../parse/decode.js';
import type { ContractName } from '../../index.js';
import { configsFor } from '../config/config-file.js';
import { resolveInputs, type Input } from '../walk/inputs.js';
import { prepareIgnore } from '../walk/rule-set.js';
import { toDisplayPath, walkInputs } from '../walk/walk.js';
import { ResultCollector, type Retention } from './collector.js';
import { CrossDocumentChecks } from './cross-checks.js';
import { DocumentIndex } from './document-index.js';
import { maxDocumentDepth } from './depth-limit.js';
import { BatchPipeline, type ParallelOptions } from './batch-pipeline.js';
import type { BatchItem } from './file-batch.js';
import { DocumentRereader } from './reread.js';
import { readTarget, scanFile, STDIN_SOURCE, type FileScanOptions, type FileTarget } from './scan-file.js';
import type { FileScan, ScanResult } from './types.js';

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
  /** The time leases are judged at, in ms since the epoch. Default: now. */
  now?: number;
  /** The name standard input stands for (its format, and its place for leases and signals). */
  stdinFilename?: string;
  /** Keep every document and skipped entry ('all'), or only those a person must look at ('problems'). */
  retention?: Retention;
  /** Use worker threads for large scans. */
  parallel?: ParallelOptions;
  /** Every document scanned is this contract (`--contract`), whatever the configuration, place or content say. */
  contract?: ContractName | undefined;
  /** Look for `.contracts.json` from the paths given upward (default true). */
  useConfig?: boolean;
  /** Called after each file. */
  onFile?: (filesDone: number) => void;
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
    now: options.now ?? Date.now(),
    contract: options.contract,
    configs: options.contract || options.useConfig === false ? [] : configsFor(configStarts(inputs, options.stdinFilename, cwd), display),
  };
  const rereader = new DocumentRereader(fileOptions.maxDepth, fileOptions.maxFileSize);
  const index = new DocumentIndex();
  const cross = new CrossDocumentChecks(index, rereader, fileOptions.now, display);
  const collector = new ResultCollector(options.retention ?? 'problems');
  let files = 0;

  const take = (fileScan: FileScan): void => {
    const file = index.addFile(fileScan.source);
    const firstSeq = index.documentCount;
    for (const document of fileScan.documents) {
      const seq = index.addDocument(file, document.line, document.contract, document.detection);
      if (!document.facts) continue;
      const found = cross.visit(document, seq);
      if (found.length > 0) {
        document.issues.push(...found);
        if (found.some((issue) => issue.severity === 'error')) document.ok = false;
      }
    }
    collector.addFile(fileScan, firstSeq);
    options.onFile?.(++files);
  };
  const pipeline = new BatchPipeline(
    fileOptions,
    (outcomes) => {
      for (const outcome of outcomes) {
        if (outcome.kind === 'skipped') collector.addSkipped(outcome.entry);
        else take(outcome.scan);
      }
    },
    options.parallel,
  );

  try {
    let batch: BatchItem[] = [];
    for (const item of walkInputs(inputs, { cwd, ignore: options.ignore ?? [] })) {
      if (item.kind === 'stdin') {
        if (batch.length > 0) await pipeline.submit(batch.splice(0));
        await pipeline.drain(true);
        take(scanStdin(options, cwd, stdinDisplay, fileOptions, rereader));
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
  return collector.result();
}

/** Where to look for configuration files from: the paths given (standard input: the name it stands for). */
function configStarts(inputs: readonly Input[], stdinFilename: string | undefined, cwd: string): string[] {
  return inputs.flatMap((input) => (input.kind !== 'stdin' ? [input.path] : stdinFilename ? [path.dirname(path.resolve(cwd, stdinFilename))] : []));
}

function scanStdin(options: ScanOptions, cwd: string, stdinDisplay: string, fileOptions: FileScanOptions, rereader: DocumentRereader): FileScan {
  const target: FileTarget = { source: STDIN_SOURCE, file: stdinDisplay };
  if (options.stdinFilename) target.name = path.resolve(cwd, options.stdinFilename);
  const read = readTarget(target, fileOptions.maxFileSize);
  if (read.ok) {
    const decoded = decodeUtf8(read.bytes);
    if (decoded.ok) rereader.rememberStdin(decoded.text, target.name);
  }
  return scanFile(target, fileOptions, read);
}
