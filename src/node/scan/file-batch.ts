/**
 * A batch of walked paths, scanned in order into outcomes: a file's scan, or a skipped entry.
 * Batches run on the main thread or in a worker alike; outcomes are plain data that cross threads.
 */
import type { WalkItem } from '../walk/walk.js';
import { scanFile, type FileScanOptions } from './scan-file.js';
import { UNREAD, type FileScan, type SkippedEntry } from './types.js';

export type BatchItem = Exclude<WalkItem, { kind: 'stdin' }>;

export type BatchOutcome = { kind: 'scan'; scan: FileScan } | { kind: 'skipped'; entry: SkippedEntry };

export function unreadableFolder(item: Extract<BatchItem, { kind: 'unreadable' }>): FileScan {
  const issue = { code: 'file/unreadable', severity: 'error' as const, pointer: '', message: item.message, line: 1, column: 1 };
  return { file: item.display, source: item.path, skipped: [], documents: [{ line: 1, contract: null, detection: UNREAD, ok: false, issues: [issue] }] };
}

/** A file the scan reads for itself that was refused unread: a warning on it, and the scan goes on without it. */
export function refusedSideFile(item: Extract<BatchItem, { kind: 'refused' }>): FileScan {
  const issue = { code: item.code, severity: 'warning' as const, pointer: '', message: item.message, line: 1, column: 1 };
  return { file: item.display, source: item.path, skipped: [], documents: [{ line: 1, contract: null, detection: UNREAD, ok: true, issues: [issue] }] };
}

export function runBatch(items: readonly BatchItem[], options: FileScanOptions): BatchOutcome[] {
  return items.map((item): BatchOutcome => {
    switch (item.kind) {
      case 'skipped':
        return { kind: 'skipped', entry: { file: item.display, reason: item.reason } };
      case 'unreadable':
        return { kind: 'scan', scan: unreadableFolder(item) };
      case 'refused':
        return { kind: 'scan', scan: refusedSideFile(item) };
      case 'file':
        return { kind: 'scan', scan: scanFile({ source: item.path, file: item.display, regular: item.regular, within: item.within, named: item.named }, options) };
    }
  });
}
