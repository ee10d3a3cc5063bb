// Date-times, field by field at the edges of every part (month 13, hour 24, second 60 and 61,
// offsets without a colon or minutes, separators other than `T`): this package accepts no
// date-time upstream's format check rejects, and rejects only the spellings docs/conformance.md
// lists (white space for `T`, `+hhmm`, `+hh`).
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { validate } from '../../src/index.js';
import { validExamples } from '../support/valid-examples.js';
import { impossibleTime, rfc3339Spelling } from './support/differences.js';
import { upstreamDateTime } from './support/upstream.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const twoDigits = (max: number) => fc.integer({ min: 0, max }).map((n) => pad(n));

const zoneArb = fc.oneof(
  fc.constantFrom('Z', 'z', ''),
  fc.tuple(fc.constantFrom('+', '-'), twoDigits(25), fc.constantFrom(':', ''), fc.option(twoDigits(61), { nil: '' })).map(([sign, h, colon, m]) => `${sign}${h}${m ? colon : ''}${m}`),
);

const dateTimeLikeArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }).map((y) => pad(y, 4)),
    twoDigits(13),
    twoDigits(32),
    fc.constantFrom('T', 't', ' ', '\t', '\n', '_'),
    twoDigits(25),
    twoDigits(60),
    twoDigits(61),
    fc.option(fc.stringMatching(/^\.\d{1,12}$/), { nil: '' }),
    zoneArb,
  )
  .map(([y, mo, d, sep, h, mi, s, fraction, zone]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${fraction}${zone}`);

const ledger = validExamples().find((e) => e.contract === 'CapabilityLedger')?.doc as Record<string, unknown>;

/** Whether this package accepts the text as a date-time (as a ledger's capturedAt). */
const accepted = (text: string): boolean =>
  !validate({ ...ledger, capturedAt: text }, { contract: 'CapabilityLedger' }).issues.some((i) => i.pointer === '/capturedAt');

test('date-times: none accepted that upstream rejects; refused only when not written as RFC 3339 says', () => {
  const seen = { both: 0, neither: 0, onlyUpstream: 0 };
  fc.assert(
    fc.property(dateTimeLikeArb, (text) => {
      const upstream = upstreamDateTime(text);
      const ours = accepted(text);
      expect(ours && !upstream, `${JSON.stringify(text)} accepted here, rejected upstream`).toBe(false);
      if (upstream && !ours) expect(accepted(rfc3339Spelling(text)) || impossibleTime(text), `${JSON.stringify(text)} refused, for neither its spelling nor an impossible time`).toBe(true);
      seen[ours ? 'both' : upstream ? 'onlyUpstream' : 'neither'] += 1;
    }),
    { numRuns: 20_000 },
  );
  expect(Math.min(seen.both, seen.neither, seen.onlyUpstream)).toBeGreaterThan(100);
});
