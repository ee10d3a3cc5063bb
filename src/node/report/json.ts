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

const str = JSON.stringify;
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');

/** The fixed text between the values of a document at one indentation. */
function documentParts(at: string) {
  const i1 = `${at}  `;
  const i2 = `${i1}  `;
  const i3 = `${i2}  `;
  return {
    file: `{\n${i1}"file": `,
    line: `,\n${i1}"line": `,
    contract: `,\n${i1}"contract": `,
    detection: `,\n${i1}"detection": `,
    by: `{\n${i2}"by": `,
    reason: `,\n${i2}"reason": `,
    detectionEnd: `\n${i1}}`,
    ok: `,\n${i1}"ok": `,
    issues: `,\n${i1}"issues": `,
    code: `\n${i2}{\n${i3}"code": `,
    severity: `,\n${i3}"severity": `,
    pointer: `,\n${i3}"pointer": `,
    message: `,\n${i3}"message": `,
    issueLine: `,\n${i3}"line": `,
    column: `,\n${i3}"column": `,
    issueEnd: `\n${i2}}`,
    issuesEnd: `\n${i1}]`,
    end: `\n${at}}`,
  };
}

/** Detections texts kept for reuse: a scan has few distinct ones. */
const DETECTIONS_KEPT = 64;

/**
 * Writes each document as `JSON.stringify(jsonDocument(d), null, 2)` with every line after the
 * first indented by `at`, directly: the same text byte for byte, without intermediate objects, the
 * fixed text and the few distinct detections made once (a log's report lists hundreds of thousands).
 */
export function documentWriter(at: string): (d: ScanResult['documents'][number]) => string {
  const p = documentParts(at);
  const detections = new Map<string, string>();
  let lastFile = '';
  let lastFileText = '""';
  const detectionText = (d: Detection | undefined): string => {
    if (!d) return 'null';
    const key = `${d.by}\u0000${d.reason}`;
    let text = detections.get(key);
    if (text === undefined) {
      text = `${p.by}${str(d.by)}${p.reason}${str(d.reason)}${p.detectionEnd}`;
      if (detections.size < DETECTIONS_KEPT) detections.set(key, text);
    }
    return text;
  };
  return (d) => {
    if (d.file !== lastFile) {
      lastFile = d.file;
      lastFileText = str(d.file);
    }
    let text = `${p.file}${lastFileText}${p.line}${num(d.line)}${p.contract}${str(d.contract)}${p.detection}${detectionText(d.detection)}${p.ok}${d.ok}${p.issues}`;
    if (d.issues.length === 0) text += '[]';
    else {
      for (let k = 0; k < d.issues.length; k++) {
        const x = d.issues[k] as (typeof d.issues)[number];
        text += `${k === 0 ? '[' : ','}${p.code}${str(x.code)}${p.severity}${str(x.severity)}${p.pointer}${str(x.pointer)}${p.message}${str(x.message)}${p.issueLine}${num(x.line)}${p.column}${num(x.column)}${p.issueEnd}`;
      }
      text += p.issuesEnd;
    }
    return text + p.end;
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
  const documentText = documentWriter(documents.itemIndent);
  return {
    document: (report) => write(documents.itemText(documentText(report))),
    end(result) {
      write(documents.close());
      const skeleton = reportWith(result, streamed('documents'), streamed('skipped'));
      for (const piece of jsonPieces(skeleton, { skipped: lazily(result.skipped, jsonSkipped) }, 'documents')) write(piece);
      write('\n');
    },
  };
}

export const jsonReporter: Reporter = defineStreamingReporter('all', (_options, write) => stream(write));
