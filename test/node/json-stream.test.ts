// The JSON report written document by document (as a log's report is) is byte for byte the whole
// report stringified, whatever the documents hold.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonReporter, toJsonReport } from '../../src/node/report/json.js';
import type { DocumentReport, ScanResult } from '../../src/node/scan/types.js';

const options = { color: false, quiet: false, version: '0', cwd: '/' };
const text = fc.string({ unit: 'binary', maxLength: 12 });
const place = fc.oneof(fc.nat(), fc.constant(Number.NaN), fc.constant(-0));
const issue = fc.record({ code: text, severity: fc.constantFrom('error' as const, 'warning' as const), pointer: text, message: text, line: place, column: place });
const document: fc.Arbitrary<DocumentReport> = fc.record(
  {
    file: fc.oneof(fc.constantFrom('a.jsonl', 'b'), text),
    line: place,
    contract: fc.constantFrom(null, 'Lease' as const, 'CapabilityLedger' as const),
    detection: fc.record({ by: fc.constantFrom('type' as const, 'location' as const), reason: fc.oneof(fc.constantFrom('x', 'y'), text) }),
    ok: fc.boolean(),
    issues: fc.array(issue, { maxLength: 3 }),
  },
  { requiredKeys: ['file', 'line', 'contract', 'ok', 'issues'] },
);

describe('the JSON report streamed', () => {
  test('documents written one by one make the report JSON.stringify makes of the whole result', () => {
    fc.assert(
      fc.property(fc.array(document, { maxLength: 8 }), (documents) => {
        const result: ScanResult = { documents, skipped: [{ file: 'a', reason: 'b' }], summary: { files: 1, documents: documents.length, valid: 0, invalid: 0, skipped: 1, errors: 0, warnings: 0 } };
        const written: string[] = [];
        const stream = jsonReporter.stream?.(options, (piece) => written.push(piece));
        for (const d of documents) stream?.document(d);
        stream?.end({ ...result, documents: [] });
        expect(written.join('')).toBe(`${JSON.stringify(toJsonReport(result), null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });
});
