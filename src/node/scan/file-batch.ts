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

export function runBatch(items: readonly BatchItem[], options: FileScanOptions): BatchOutcome[] {
  return items.map((item): BatchOutcome => {
    switch (item.kind) {
      case 'skipped':
        return { kind: 'skipped', entry: { file: item.display, reason: item.reason } };
      case 'unreadable':
        return { kind: 'scan', scan: unreadableFolder(item) };
      case 'file':
        return { kind: 'scan', scan: scanFile({ source: item.path, file: item.display, regular: item.regular }, options) };
    }
  });
}
