// Every timestamp the date-time format accepts (a leap second, any offset, fractions finer than a
// nanosecond) reaches the rules without crashing them: `validate` returns issues, never throws.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { contractNames, contracts, validate } from '../../src/index.js';
import { schemaSites, withValueAt } from '../support/schema-walk.js';
import { NUM_RUNS } from './support/break-rule.js';
import { basesOf } from './support/documents.js';
import { spell, spellingArb } from './support/instants.js';

/** A leap second (23:59:60 UTC of some year) in a random offset, with up to 15 fraction digits. */
const leapSecond = fc.record({ year: fc.integer({ min: 1972, max: 2100 }), spelling: spellingArb, fraction: fc.stringMatching(/^[0-9]{0,15}$/) }).map(({ year, spelling, fraction }) =>
  spell(BigInt(Date.UTC(year, 11, 31, 23, 59, 59) / 1000) * 1_000_000_000n, { ...spelling, fraction: 'shortest' }).replace(/:59(?=[Zz+-])/, `:60${fraction ? `.${fraction}` : ''}`),
);
const fineFraction = fc.record({ ns: fc.bigInt({ min: 0n, max: 4_000_000_000n * 1_000_000_000n }), spelling: spellingArb, extra: fc.stringMatching(/^[0-9]{1,20}$/) }).map(({ ns, spelling, extra }) => {
  const text = spell(ns, { ...spelling, fraction: 'nine' });
  return text.replace(/(\.\d{9})/, `$1${extra}`);
});

const sites = contractNames.flatMap((contract) =>
  basesOf(contract).flatMap((base) => schemaSites(contracts[contract].schema, base.doc).dateTimes.map((site) => ({ contract, base, pointer: site.pointer }))),
);

test('a leap second or a fraction finer than a nanosecond at any timestamp never crashes a rule', () => {
  expect(new Set(sites.map((s) => s.contract)).size).toBe(contractNames.length);
  fc.assert(
    fc.property(fc.constantFrom(...sites), fc.oneof(leapSecond, fineFraction), ({ contract, base, pointer }, text) => {
      const result = validate(withValueAt(base.doc, pointer, text), { contract, filename: base.filename });
      expect(result.issues.filter((i) => i.code.startsWith('schema/')), text).toEqual([]);
    }),
    { numRuns: 3 * NUM_RUNS },
  );
});
