// This package against the specification repository's five schemas (support/upstream.ts), on
// generated and mutated documents: it accepts nothing they reject, and what it rejects beyond them
// is the documented rules (docs/rules.md) and the differences listed in docs/conformance.md, no other.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/index.js';
import { validExamples } from '../support/valid-examples.js';
import { classify, type DifferenceId } from './support/differences.js';
import { fromOurSchema, fromUpstreamSchema, mutated } from './support/documents.js';
import { UPSTREAM_CONTRACTS, upstreamAccepts, upstreamAvailable, type UpstreamContract } from './support/upstream.js';

/** Documents a source and contract: 5 contracts × 3 sources × RUNS documents a run. */
const RUNS = 2000;

interface Verdict {
  readonly upstream: boolean;
  readonly ours: boolean;
  /** For a document upstream accepts and this package refuses: the difference of each error. */
  readonly differences: DifferenceId[];
  /** Its errors that belong to no difference: `code pointer`. */
  readonly unlisted: string[];
}

function compare(contract: UpstreamContract, doc: unknown): Verdict {
  const upstream = upstreamAccepts(contract, doc);
  const result = validate(doc, { contract });
  const errors = result.issues.filter((i) => i.severity === 'error');
  const refused = upstream && !result.ok ? errors.map((issue) => ({ issue, difference: classify(contract, doc, issue) })) : [];
  return {
    upstream,
    ours: result.ok,
    differences: refused.flatMap((r) => (r.difference ? [r.difference] : [])),
    unlisted: refused.filter((r) => !r.difference).map((r) => `${r.issue.code} ${r.issue.pointer}`),
  };
}

const examplesOf = (contract: UpstreamContract): unknown[] => validExamples().filter((e) => e.contract === contract).map((e) => e.doc);

const compared = upstreamAvailable();

describe.skipIf(!compared).each(UPSTREAM_CONTRACTS)('%s against the upstream schema', (contract) => {
  const seen = new Map<string, number>();
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

  // Built only when the upstream schemas are there (a skipped describe still runs its body).
  const sources: [string, fc.Arbitrary<unknown>][] = !compared ? [] : [
    ['generated from this package’s schema', mutated(fromOurSchema(contract))],
    ['generated from the upstream schema', mutated(fromUpstreamSchema(contract))],
    ['mutated valid examples', mutated(fc.constantFrom(...examplesOf(contract)))],
  ];

  test.each(sources)('documents %s: nothing accepted that upstream rejects, no unlisted refusal', (_, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, (doc) => {
        const verdict = compare(contract, doc);
        count(`upstream ${verdict.upstream ? 'accepts' : 'rejects'}, ours ${verdict.ours ? 'accepts' : 'rejects'}`);
        for (const d of verdict.differences) count(d);
        expect(verdict.ours && !verdict.upstream, 'accepted here, rejected upstream').toBe(false);
        expect(verdict.unlisted, 'refusals that are neither a documented rule nor a listed difference').toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  test('every verdict pair was reached', () => {
    console.info(`[upstream] ${contract}: ${[...seen].sort().map(([key, n]) => `${key} ${n}`).join('; ')}`);
    expect(seen.get('upstream rejects, ours rejects')).toBeGreaterThan(0);
    expect(seen.get('upstream accepts, ours accepts')).toBeGreaterThan(0);
    expect(seen.get('upstream accepts, ours rejects')).toBeGreaterThan(0);
  });
});
