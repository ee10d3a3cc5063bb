/**
 * Gathers what reporters need, and no more: the documents with issues (every document when the
 * report lists them all, as the JSON report does), the skipped entries worth showing (those
 * without a kind: see SkipKind), and the counts of the summary, skipped entries by kind. A valid document is otherwise only counted.
 */
import type { DeferredIssue } from './cross-checks.js';
import type { DocumentIndex } from './document-index.js';
import { MORE_ISSUES } from './limits.js';
import { NOT_A_CONTRACT, type DocumentReport, type FileScan, type ScanResult, type ScanSummary, type SkipKind, type SkippedCounts, type SkippedEntry } from './types.js';

export type Retention = 'all' | 'problems';

/** The summary's count of each kind of skipped entry. */
const COUNTED: Readonly<Record<SkipKind | 'other', keyof SkippedCounts>> = { sourceos: 'otherSourceOS', 'not-json': 'notJson', json: 'otherJson', other: 'other' };

export { NOT_A_CONTRACT };

export class ResultCollector {
  private readonly kept: { seq: number; report: DocumentReport }[] = [];
  private readonly bySeq = new Map<number, DocumentReport>();
  private readonly skipped: SkippedEntry[] = [];
  private readonly skippedAs: SkippedCounts = { otherSourceOS: 0, notJson: 0, otherJson: 0, other: 0 };
  private readonly summary: ScanSummary = { files: 0, documents: 0, valid: 0, invalid: 0, skipped: 0, errors: 0, warnings: 0 };

  constructor(private readonly retention: Retention) {}

  addSkipped(entry: SkippedEntry): void {
    this.summary.skipped++;
    this.skippedAs[COUNTED[entry.kind ?? 'other']]++;
    if (this.retention === 'all' || (entry.reason !== NOT_A_CONTRACT && entry.kind === undefined)) this.skipped.push(entry);
  }

  /** Adds a scanned file whose documents are numbered from `firstSeq` on. */
  addFile(scan: FileScan, firstSeq: number): void {
    this.summary.files++;
    for (const entry of scan.skipped) this.addSkipped(entry);
    scan.documents.forEach((doc, i) => {
      this.summary.documents++;
      if (doc.ok) this.summary.valid++;
      else this.summary.invalid++;
      for (const issue of doc.issues) {
        if (issue.code === MORE_ISSUES) continue; // it stands for the omitted ones, counted below
        if (issue.severity === 'error') this.summary.errors++;
        else this.summary.warnings++;
      }
      if (doc.omitted) {
        this.summary.errors += doc.omitted.errors;
        this.summary.warnings += doc.omitted.warnings;
      }
      if (this.retention === 'all' || doc.issues.length > 0) {
        const report: DocumentReport = { file: scan.file, line: doc.line, contract: doc.contract, detection: doc.detection, ok: doc.ok, issues: doc.issues };
        this.kept.push({ seq: firstSeq + i, report });
        this.bySeq.set(firstSeq + i, report);
      }
    });
  }

  /** Adds issues decided at the end of the scan to documents already counted. */
  addDeferred(deferred: readonly DeferredIssue[], index: DocumentIndex, display: (source: string) => string): void {
    let reordered = false;
    for (const { seq, issue } of deferred) {
      let report = this.bySeq.get(seq);
      if (!report) {
        report = { file: display(index.source(seq)), line: index.line(seq), contract: index.contract(seq), detection: index.detection(seq), ok: true, issues: [] };
        this.bySeq.set(seq, report);
        this.kept.push({ seq, report });
        reordered = true;
      }
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
    if (reordered) this.kept.sort((a, b) => a.seq - b.seq);
  }

  result(): ScanResult {
    for (const { report } of this.kept) {
      if (report.issues.length > 1) report.issues.sort((a, b) => a.line - b.line || a.column - b.column);
    }
    return { documents: this.kept.map((k) => k.report), skipped: this.skipped, summary: { ...this.summary, skippedAs: { ...this.skippedAs } } };
  }
}
