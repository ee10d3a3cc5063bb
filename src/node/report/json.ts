/**
 * The JSON report, a stable contract of its own (version 1):
 * `{ version: 1, documents: [{ file, line, contract, detection: { by, reason }, ok, issues: [{
 * code, severity, pointer, message, line, column }] }], skipped: [{ file, reason, detection }],
 * summary: { files, documents, valid, invalid, skipped, errors, warnings, skippedAs: { otherSourceOS,
 * notJson, otherJson, other } } }`. These keys, in this order; keys may be added within version 1
 * (as `detection` and `skippedAs` were), never removed or changed.
 */
import type { Detection, ScanResult } from '../scan/types.js';
import { jsonPieces, StreamedArray, streamed, textBefore } from './json-pieces.js';
import { defineStreamingReporter, type Reporter, type ReportStream } from './reporter.js';

export const REPORT_VERSION = 1;

type JsonDocument = ReturnType<typeof jsonDocument>;

const jsonDetection = (d: Detection | undefined): { by: string; reason: string } | null => (d ? { by: d.by, reason: d.reason } : null);

function jsonDocument(d: ScanResult['documents'][number]) {
  return {
    file: d.file,
    line: d.line,
    contract: d.contract,
    detection: jsonDetection(d.detection),
    ok: d.ok,
    issues: d.issues.map((i) => ({ code: i.code, severity: i.severity, pointer: i.pointer, message: i.message, line: i.line, column: i.column })),
  };
}

function* lazily<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

const jsonSkipped = (e: ScanResult['skipped'][number]) => ({ file: e.file, reason: e.reason, detection: jsonDetection(e.detection) });

/** The report with `documents` and `skipped` as given: arrays, or placeholders for streaming. */
function reportWith(result: ScanResult, documents: JsonDocument[] | string, skipped: ReturnType<typeof jsonSkipped>[] | string): object {
  const s = result.summary;
  return {
    version: REPORT_VERSION,
    documents,
    skipped,
    summary: { files: s.files, documents: s.documents, valid: s.valid, invalid: s.invalid, skipped: s.skipped, errors: s.errors, warnings: s.warnings, ...(s.skippedAs ? { skippedAs: { ...s.skippedAs } } : {}) },
  };
}

export function toJsonReport(result: ScanResult): object {
  return reportWith(result, result.documents.map(jsonDocument), result.skipped.map(jsonSkipped));
}

/** The report written while the scan runs: its head, each document as it comes, then skipped entries and summary. */
function stream(write: (text: string) => void): ReportStream {
  const empty: ScanResult = { documents: [], skipped: [], summary: { files: 0, documents: 0, valid: 0, invalid: 0, skipped: 0, errors: 0, warnings: 0 } };
  const head = textBefore(reportWith(empty, streamed('documents'), streamed('skipped')), 'documents');
  write(head.text);
  const documents = new StreamedArray(head.indent);
  return {
    document: (report) => write(documents.item(jsonDocument(report))),
    end(result) {
      write(documents.close());
      const skeleton = reportWith(result, streamed('documents'), streamed('skipped'));
      for (const piece of jsonPieces(skeleton, { skipped: lazily(result.skipped, jsonSkipped) }, 'documents')) write(piece);
      write('\n');
    },
  };
}

export const jsonReporter: Reporter = defineStreamingReporter('all', (_options, write) => stream(write));
