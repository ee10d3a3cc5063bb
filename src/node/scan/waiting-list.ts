/**
 * The documents of a report waiting behind one that may still get an issue at the end of the scan,
 * in scan order. Each is a report (a document the report lists) or only its seq (a document the
 * report lists only if an issue comes). Kept in memory up to a bound; past it, when the reports are
 * streamed, they go to a temporary file (JSON Lines) and are read back once, in order, at the end.
 * The bound is what the entries cost, estimated from their text: writing and reading back costs
 * more CPU than the scan of a document, so a corpus of ten thousand documents stays in memory, and
 * a log of millions holds a few MiB at a time.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogLineSplitter } from '../parse/log-lines.js';
import type { DocumentReport } from './types.js';

export type WaitingEntry = { seq: number; report: DocumentReport | undefined };

/** What the list holds in memory before its entries go to the file (when spilling is allowed). */
export interface WaitingBounds {
  /** The estimated bytes of the entries held. */
  bytes: number;
  /** The entries held, reports or not. */
  entries: number;
}

const IN_MEMORY: WaitingBounds = { bytes: 8 * 1024 * 1024, entries: 65_536 };

/** About what an entry costs in memory: a seq alone, or a report and its issues' text (UTF-16). */
function estimate(report: DocumentReport | undefined): number {
  if (!report) return 48;
  let bytes = 160;
  for (const issue of report.issues) bytes += 128 + 2 * (issue.message.length + issue.pointer.length);
  return bytes;
}

export class WaitingList {
  private entries: WaitingEntry[] = [];
  private file: { folder: string; path: string; fd: number } | undefined;
  private pending = '';
  private heldBytes = 0;

  /** `spill`: entries past the bounds go to a temporary file (a streaming report); else all stay in memory. */
  constructor(
    private readonly spill: boolean,
    private readonly bounds: WaitingBounds = IN_MEMORY,
  ) {}

  get empty(): boolean {
    return this.entries.length === 0 && this.file === undefined;
  }

  push(seq: number, report: DocumentReport | undefined): void {
    this.entries.push({ seq, report });
    if (!this.spill) return;
    this.heldBytes += estimate(report);
    if (this.heldBytes >= this.bounds.bytes || this.entries.length >= this.bounds.entries) this.flush();
  }

  private flush(): void {
    if (!this.file) {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'validate-contracts-'));
      const file = path.join(folder, 'waiting.jsonl');
      this.file = { folder, path: file, fd: openSync(file, 'w+', 0o600) };
    }
    for (const { seq, report } of this.entries) this.pending += `${JSON.stringify(report ? { s: seq, r: report } : { s: seq })}\n`;
    this.entries = [];
    this.heldBytes = 0;
    writeSync(this.file.fd, this.pending);
    this.pending = '';
  }

  /** Every entry, in order, once; the list is empty afterwards (and its file removed). */
  drain(visit: (entry: WaitingEntry) => void): void {
    if (this.file) {
      this.flush();
      const { fd, folder } = this.file;
      this.file = undefined;
      try {
        const splitter = new LogLineSplitter(Number.MAX_SAFE_INTEGER, ({ bytes }) => {
          const { s, r } = JSON.parse((bytes as Buffer).toString('utf8')) as { s: number; r?: DocumentReport };
          visit({ seq: s, report: r });
        });
        const chunk = Buffer.allocUnsafe(1024 * 1024);
        for (let position = 0, n = readSync(fd, chunk, 0, chunk.length, 0); n > 0; n = readSync(fd, chunk, 0, chunk.length, (position += n))) {
          splitter.push(chunk.subarray(0, n));
        }
        splitter.end();
      } finally {
        closeSync(fd);
        rmSync(folder, { recursive: true, force: true });
      }
    }
    const entries = this.entries;
    this.entries = [];
    this.heldBytes = 0;
    for (const entry of entries) visit(entry);
  }
}
