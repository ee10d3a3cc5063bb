// Documents that keep every rule pass: every valid document (examples and the conformance corpus),
// with its timestamps shifted and respelled and its free text rewritten, has no error and exactly the
// warnings its expected.json names.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contractNames, validate } from '../../src/index.js';
import { NUM_RUNS } from './support/break-rule.js';
import { basesOf } from './support/documents.js';
import { freeStrings, keepingVariation } from './support/variations.js';
import { contracts } from '../../src/index.js';

const key = (i: { code: string; pointer: string; severity: string }) => `${i.code} ${i.severity} ${i.pointer}`;

describe.each(contractNames)('%s', (contract) => {
  const bases = basesOf(contract);

  test('the variations have something to vary', () => {
    expect(bases.some((b) => freeStrings(contracts[contract].schema, b.doc).length > 0)).toBe(true);
  });

  test('a document that keeps every rule has no error and only its expected warnings', () => {
    const cases = fc.constantFrom(...bases).chain(keepingVariation);
    fc.assert(
      fc.property(cases, (variant) => {
        expect(variant.times.length).toBeGreaterThan(0);
        const result = validate(variant.doc, { contract, filename: variant.filename });
        expect(result.issues.map(key).sort(), variant.source).toEqual(variant.warnings.map(key).sort());
        expect(result.ok).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
