/**
 * The documents of a report waiting behind one that may still get an issue later in the scan, in
 * scan order. Each is a report (a document the report lists) or only its seq (a document the report
 * lists only if an issue comes), and whether it is still held (it may get an issue). When the
 * documents at the head are no longer held (`release`: the ledger a reference waited for came),
 * they are handed on at once (`takeReady`). Kept in memory up to a bound; past it, when the reports
 * are streamed, they go to a temporary file (JSON Lines) and are read back once, in order, at the
 * end (then nothing is handed on before).
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

type HeldEntry = WaitingEntry & { held: boolean };

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
  const issues = report.issues;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as (typeof issues)[number];
    bytes += 128 + 2 * (issue.message.length + issue.pointer.length);
  }
  return bytes;
}

export class WaitingList {
  /** The entries in memory: those from `head` on. */
  private entries: HeldEntry[] = [];
  private head = 0;
  private file: { folder: string; path: string; fd: number } | undefined;
  private pending = '';
  private heldBytes = 0;

  /** `spill`: entries past the bounds go to a temporary file (a streaming report); else all stay in memory. */
  constructor(
    private readonly spill: boolean,
    private readonly bounds: WaitingBounds = IN_MEMORY,
  ) {}

  get empty(): boolean {
    return this.head === this.entries.length && this.file === undefined;
  }

  /** Adds document `seq` (after those added before); `held`: it may still get an issue. */
  push(seq: number, report: DocumentReport | undefined, held = true): void {
    this.entries.push({ seq, report, held });
    if (!this.spill) return;
    this.heldBytes += estimate(report);
    if (this.heldBytes >= this.bounds.bytes || this.entries.length - this.head >= this.bounds.entries) this.flush();
  }

  /** Document `seq` will get no more issues (nothing changes once entries went to the file). */
  release(seq: number): void {
    if (this.file) return;
    let lo = this.head;
    let hi = this.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const entry = this.entries[mid] as HeldEntry;
      if (entry.seq === seq) {
        entry.held = false;
        return;
      }
      if (entry.seq < seq) lo = mid + 1;
      else hi = mid - 1;
    }
  }

  /** Hands on, in order, the entries at the head that are no longer held (none once entries went to the file). */
  takeReady(visit: (entry: WaitingEntry) => void): void {
    if (this.file) return;
    while (this.head < this.entries.length && !(this.entries[this.head] as HeldEntry).held) {
      const entry = this.entries[this.head++] as HeldEntry;
      if (this.spill) this.heldBytes -= estimate(entry.report);
      visit({ seq: entry.seq, report: entry.report });
    }
    if (this.head === this.entries.length) {
      this.entries = [];
      this.head = 0;
    } else if (this.head >= 1024 && 2 * this.head >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private flush(): void {
    if (!this.file) {
      const folder = mkdtempSync(path.join(os.tmpdir(), 'validate-contracts-'));
      const file = path.join(folder, 'waiting.jsonl');
      this.file = { folder, path: file, fd: openSync(file, 'w+', 0o600) };
    }
    for (let i = this.head; i < this.entries.length; i++) {
      const { seq, report } = this.entries[i] as HeldEntry;
      this.pending += `${JSON.stringify(report ? { s: seq, r: report } : { s: seq })}\n`;
    }
    this.entries = [];
    this.head = 0;
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
    const { entries, head } = this;
    this.entries = [];
    this.head = 0;
    this.heldBytes = 0;
    for (let i = head; i < entries.length; i++) {
      const { seq, report } = entries[i] as HeldEntry;
      visit({ seq, report });
    }
  }
}
