/**
 * The JSON report, a stable contract of its own (version 1):
 * `{ version: 1, documents: [{ file, line, contract, ok, issues: [{ code, severity, pointer,
 * message, line, column }] }], skipped: [{ file, reason }], summary: { files, documents, valid,
 * invalid, skipped, errors, warnings } }`. Exactly these keys, in this order.
 */
import type { ScanResult } from '../scan/types.js';
import type { Reporter } from './reporter.js';

export const REPORT_VERSION = 1;

export function toJsonReport(result: ScanResult): object {
  const s = result.summary;
  return {
    version: REPORT_VERSION,
    documents: result.documents.map((d) => ({
      file: d.file,
      line: d.line,
      contract: d.contract,
      ok: d.ok,
      issues: d.issues.map((i) => ({ code: i.code, severity: i.severity, pointer: i.pointer, message: i.message, line: i.line, column: i.column })),
    })),
    skipped: result.skipped.map((e) => ({ file: e.file, reason: e.reason })),
    summary: { files: s.files, documents: s.documents, valid: s.valid, invalid: s.invalid, skipped: s.skipped, errors: s.errors, warnings: s.warnings },
  };
}

export const jsonReporter: Reporter = {
  retention: 'all',
  render: (result) => `${JSON.stringify(toJsonReport(result), null, 2)}\n`,
};
