/**
 * Gathers what reporters need, and no more: the documents with issues (every document when the
 * report lists them all, as the JSON report does), the skipped entries worth showing (those
 * without a kind: see SkipKind), and the counts of the summary, skipped entries by kind. A valid
 * document is otherwise only counted.
 *
 * Documents are handed on in scan order as soon as they are final: to `sink` when a report streams
 * them (then none is kept here), else to the result's list. A document that may still get an issue
 * (a lease past its domain's budget, a reference to a ledger not seen yet) waits, and the documents
 * after it wait behind it, so that the order never changes (waiting-list.ts: past a bound, in a
 * temporary file when the report streams), until it is released (the ledger came) or the scan ends.
 */
import type { DeferredIssue } from './cross-checks.js';
import type { DocumentIndex } from './document-index.js';
import { MORE_ISSUES } from './limits.js';
import { WaitingList } from './waiting-list.js';
import { NOT_A_CONTRACT, type DocumentReport, type LocatedIssue, type ScanResult, type ScanSummary, type ScannedDocument, type SkipKind, type SkippedCounts, type SkippedEntry } from './types.js';

export type Retention = 'all' | 'problems';

/** The summary's count of each kind of skipped entry. */
const COUNTED: Readonly<Record<SkipKind | 'other', keyof SkippedCounts>> = { sourceos: 'otherSourceOS', 'not-json': 'notJson', json: 'otherJson', other: 'other' };

export { NOT_A_CONTRACT };

/** Receives each document of the report, in scan order, once it is final. */
export type DocumentSink = (report: DocumentReport) => void;

const byPlace = (a: { line: number; column: number }, b: { line: number; column: number }): number => a.line - b.line || a.column - b.column;

export class ResultCollector {
  private readonly kept: DocumentReport[] = [];
  private readonly sink: DocumentSink;
  /** Documents behind one that may still get an issue at the end, in scan order. */
  private readonly waiting: WaitingList;
  private readonly skipped: SkippedEntry[] = [];
  private readonly skippedAs: SkippedCounts = { otherSourceOS: 0, notJson: 0, otherJson: 0, other: 0 };
  private readonly summary: ScanSummary = { files: 0, documents: 0, valid: 0, invalid: 0, skipped: 0, errors: 0, warnings: 0 };

  constructor(
    private readonly retention: Retention,
    sink?: DocumentSink,
  ) {
    this.sink = sink ?? ((report) => this.kept.push(report));
    this.waiting = new WaitingList(sink !== undefined);
  }

  addSkipped(entry: SkippedEntry): void {
    this.summary.skipped++;
    this.skippedAs[COUNTED[entry.kind ?? 'other']]++;
    if (this.retention === 'all' || (entry.reason !== NOT_A_CONTRACT && entry.kind === undefined)) this.skipped.push(entry);
  }

  /** Counts a file scanned (its documents and skipped entries are added one by one). */
  addFile(): void {
    this.summary.files++;
  }

  /** Adds document `seq` of the file shown as `file`; `pending`: it may still get an issue at the end. */
  addDocument(file: string, seq: number, doc: ScannedDocument, pending: boolean): void {
    const summary = this.summary;
    summary.documents++;
    if (doc.ok) summary.valid++;
    else summary.invalid++;
    const issues = doc.issues;
    for (let i = 0; i < issues.length; i++) {
      const issue = issues[i] as (typeof issues)[number];
      if (issue.code === MORE_ISSUES) continue; // it stands for the omitted ones, counted below
      if (issue.severity === 'error') summary.errors++;
      else summary.warnings++;
    }
    if (doc.omitted) {
      summary.errors += doc.omitted.errors;
      summary.warnings += doc.omitted.warnings;
    }
    const retained = this.retained(doc.issues.length);
    if (!retained && !pending) return;
    // a document not listed unless an issue comes waits as its seq only: its report can be made again from the index
    const report: DocumentReport | undefined = retained ? { file, line: doc.line, contract: doc.contract, detection: doc.detection, ok: doc.ok, issues: doc.issues } : undefined;
    if (pending || !this.waiting.empty) this.waiting.push(seq, report, pending);
    else if (report) this.emit(report);
  }

  /** Documents that were pending will get no more issues: those at the head of the waiting list are handed on. */
  release(seqs: readonly number[]): void {
    if (seqs.length === 0) return;
    for (const seq of seqs) this.waiting.release(seq);
    this.waiting.takeReady(({ report }) => {
      if (report && this.retained(report.issues.length)) this.emit(report);
    });
  }

  private retained(issues: number): boolean {
    return this.retention === 'all' || issues > 0;
  }

  private emit(report: DocumentReport): void {
    if (report.issues.length > 1) report.issues.sort(byPlace);
    this.sink(report);
  }

  /** Adds issues decided at the end of the scan to documents already counted, and hands on every document waiting. */
  addDeferred(deferred: readonly DeferredIssue[], index: DocumentIndex, display: (source: string) => string): void {
    const bySeq = new Map<number, LocatedIssue[]>();
    for (const { seq, issue } of deferred) {
      const list = bySeq.get(seq);
      if (list) list.push(issue);
      else bySeq.set(seq, [issue]);
    }
    this.waiting.drain(({ seq, report }) => {
      const issues = bySeq.get(seq);
      if (issues) {
        bySeq.delete(seq);
        report = this.withDeferred(report ?? this.fromIndex(seq, index, display), issues);
      }
      if (report && this.retained(report.issues.length)) this.emit(report);
    });
    // issues for documents that did not wait (none today: every document that can get one waits), in order
    const late = [...bySeq].sort((a, b) => a[0] - b[0]);
    for (const [seq, issues] of late) this.emit(this.withDeferred(this.fromIndex(seq, index, display), issues));
  }

  private fromIndex(seq: number, index: DocumentIndex, display: (source: string) => string): DocumentReport {
    return { file: display(index.source(seq)), line: index.line(seq), contract: index.contract(seq), detection: index.detection(seq), ok: true, issues: [] };
  }

  private withDeferred(report: DocumentReport, issues: LocatedIssue[]): DocumentReport {
    for (const issue of issues) {
      report.issues.push(issue);
      if (issue.severity === 'error') {
        this.summary.errors++;
        if (report.ok) {
          report.ok = false;
          this.summary.valid--;
          this.summary.invalid++;
        }
      } else this.summary.warnings++;
    }
    return report;
  }

  /** Counts warnings found across documents and not listed (ScanOptions.listWarnings). */
  countWarnings(count: number): void {
    this.summary.warnings += count;
  }

  /** The result: the documents kept (none when a sink took them), the skipped entries and the summary. */
  result(): ScanResult {
    return { documents: this.kept, skipped: this.skipped, summary: { ...this.summary, skippedAs: { ...this.skippedAs } } };
  }
}
