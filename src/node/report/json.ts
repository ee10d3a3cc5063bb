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
import { defineReporter, type Reporter, type ReportStream } from './reporter.js';

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

const str = JSON.stringify;
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');

/**
 * `JSON.stringify(jsonDocument(d), null, 2)` with every line after the first indented by `at`,
 * written directly: the text of a streamed report's document, the same byte for byte, without
 * the intermediate objects (a log's report lists hundreds of thousands).
 */
export function documentText(d: ScanResult['documents'][number], at: string): string {
  const i1 = `${at}  `;
  const i2 = `${i1}  `;
  const detection = d.detection ? `{\n${i2}"by": ${str(d.detection.by)},\n${i2}"reason": ${str(d.detection.reason)}\n${i1}}` : 'null';
  let text = `{\n${i1}"file": ${str(d.file)},\n${i1}"line": ${num(d.line)},\n${i1}"contract": ${str(d.contract)},\n${i1}"detection": ${detection},\n${i1}"ok": ${d.ok},\n${i1}"issues": `;
  if (d.issues.length === 0) text += '[]';
  else {
    const i3 = `${i2}  `;
    for (let k = 0; k < d.issues.length; k++) {
      const x = d.issues[k] as (typeof d.issues)[number];
      text += `${k === 0 ? '[' : ','}\n${i2}{\n${i3}"code": ${str(x.code)},\n${i3}"severity": ${str(x.severity)},\n${i3}"pointer": ${str(x.pointer)},\n${i3}"message": ${str(x.message)},\n${i3}"line": ${num(x.line)},\n${i3}"column": ${num(x.column)}\n${i2}}`;
    }
    text += `\n${i1}]`;
  }
  return `${text}\n${at}}`;
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

function* pieces(result: ScanResult): Generator<string> {
  const skeleton = reportWith(result, streamed('documents'), streamed('skipped'));
  yield* jsonPieces(skeleton, { documents: lazily(result.documents, jsonDocument), skipped: lazily(result.skipped, jsonSkipped) });
  yield '\n';
}

/** The report written while the scan runs: its head, each document as it comes, then skipped entries and summary. */
function stream(write: (text: string) => void): ReportStream {
  const empty: ScanResult = { documents: [], skipped: [], summary: { files: 0, documents: 0, valid: 0, invalid: 0, skipped: 0, errors: 0, warnings: 0 } };
  const head = textBefore(reportWith(empty, streamed('documents'), streamed('skipped')), 'documents');
  write(head.text);
  const documents = new StreamedArray(head.indent);
  return {
    document: (report) => write(documents.itemText(documentText(report, documents.itemIndent))),
    end(result) {
      write(documents.close());
      const skeleton = reportWith(result, streamed('documents'), streamed('skipped'));
      for (const piece of jsonPieces(skeleton, { skipped: lazily(result.skipped, jsonSkipped) }, 'documents')) write(piece);
      write('\n');
    },
  };
}

export const jsonReporter: Reporter = { ...defineReporter('all', pieces), stream: (_options, write) => stream(write) };
