// Runs one rule's breaking property: valid documents (varied so that they keep every rule) are
// broken by the rule's breaker, and `validate` must report that rule's code, and nothing else, at
// exactly the pointers the breaker says it broke.
import fc from 'fast-check';
import { expect } from 'vitest';
import { ruleRegistry, validate, type ContractName, type RuleInfo } from '../../../src/index.js';
import { basesOf } from './documents.js';
import { keepingVariation, type Variant } from './variations.js';

export const NUM_RUNS = 200;

/** A document broken on purpose, and where. */
export interface Broken {
  readonly doc: unknown;
  readonly pointers: readonly string[];
  /** The file name to validate it under (signals), if any. */
  readonly filename?: string | undefined;
}

/** Breaks one rule of a valid document in random ways. */
export type Breaker = (valid: Variant) => fc.Arbitrary<Broken>;

/** The registry's entry for a code; fails when the registry has no such rule. */
export function ruleOf(code: string): RuleInfo {
  const rule = ruleRegistry().find((r) => r.code === code);
  if (!rule) throw new Error(`the registry has no rule ${code}`);
  return rule;
}

/** Valid documents of a contract that carry no warning, varied so that they keep every rule. */
export const validDocs = (contract: ContractName): fc.Arbitrary<Variant> =>
  fc.constantFrom(...basesOf(contract).filter((b) => b.warnings.length === 0)).chain(keepingVariation);

/** Asserts that breaking `code` with `breaker` is reported as that rule alone, at the broken pointers. */
export function assertBreaks(code: string, breaker: Breaker, numRuns = NUM_RUNS): void {
  const rule = ruleOf(code);
  const cases = validDocs(rule.contract).chain((valid) => breaker(valid).map((broken) => ({ source: valid.source, ...broken })));
  fc.assert(
    fc.property(cases, ({ doc, pointers, filename }) => {
      const result = validate(doc, { contract: rule.contract, filename });
      const found = result.issues.map((i) => `${i.code} ${i.severity} ${i.pointer}`).sort();
      expect(found).toEqual([...new Set(pointers)].map((p) => `${code} ${rule.severity} ${p}`).sort());
      expect(result.ok).toBe(rule.severity === 'warning');
    }),
    { numRuns },
  );
}

/** A deep copy to break. */
export const copy = <T>(doc: T): T => structuredClone(doc);

/** A non-empty subset of `items`, in their order. */
export const someOf = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...items], { minLength: 1 });
