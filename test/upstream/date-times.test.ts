// Date-times, field by field at the edges of every part (month 13, hour 24, second 60 and 61,
// offsets without a colon or minutes, separators other than `T`), and leap seconds at every hour and
// minute (with the offset that makes them 23:59 UTC): this package accepts no
// date-time upstream's format check rejects, and rejects only the spellings docs/conformance.md
// lists (white space for `T`, `+hhmm`, `+hh`; hour 24 or minute 60).
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

/**
 * Leap seconds: second 60 at an hour (up to 24) and minute (up to 60) with the offset that makes it
 * 23:59 in UTC, eastward or westward; the offset is out of range for some, and hour 24 or minute 60
 * is no time of day.
 */
const leapSecondArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), fc.option(fc.stringMatching(/^\.\d{1,3}$/), { nil: '' }))
  .map(([h, m, west, fraction]) => {
    const local = h * 60 + m;
    const offset = west ? local - 1439 : local + 1;
    const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
    return `2026-05-06T${pad(h)}:${pad(m)}:60${fraction}${zone}`;
  });

const ledger = validExamples().find((e) => e.contract === 'CapabilityLedger')?.doc as Record<string, unknown>;

/** Whether this package accepts the text as a date-time (as a ledger's capturedAt). */
const accepted = (text: string): boolean =>
  !validate({ ...ledger, capturedAt: text }, { contract: 'CapabilityLedger' }).issues.some((i) => i.pointer === '/capturedAt');

test('date-times: none accepted that upstream rejects; refused only when not written as RFC 3339 says', () => {
  const seen = { both: 0, neither: 0, onlyUpstream: 0, 'date-time': 0, 'impossible-time': 0 };
  fc.assert(
    fc.property(fc.oneof({ arbitrary: dateTimeLikeArb, weight: 9 }, { arbitrary: leapSecondArb, weight: 1 }), (text) => {
      const upstream = upstreamDateTime(text);
      const ours = accepted(text);
      expect(ours && !upstream, `${JSON.stringify(text)} accepted here, rejected upstream`).toBe(false);
      if (upstream && !ours) {
        const respelled = accepted(rfc3339Spelling(text));
        expect(respelled || impossibleTime(text), `${JSON.stringify(text)} refused, for neither its spelling nor an impossible time`).toBe(true);
        seen[respelled ? 'date-time' : 'impossible-time'] += 1;
      }
      seen[ours ? 'both' : upstream ? 'onlyUpstream' : 'neither'] += 1;
    }),
    { numRuns: 20_000 },
  );
  console.info(`[upstream] date-times: ${Object.entries(seen).map(([key, n]) => `${key} ${n}`).join('; ')}`);
  expect(Math.min(seen.both, seen.neither, seen.onlyUpstream, seen['impossible-time'])).toBeGreaterThan(10);
});
