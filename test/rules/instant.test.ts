// RFC 3339 instants for the rules: they read exactly what the schemas' date-time format accepts,
// order instants exactly (offsets, any fraction precision, leap seconds), and add seconds exactly.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formats } from '../../generated/validators/formats.js';
import { addSeconds, compareInstants, formatInstant, parseInstant, samePosixInstant, type Instant } from '../../src/rules/instant.js';
import { NUM_RUNS } from './support/break-rule.js';
import { instantArb, spell, spellingArb, stampArb } from './support/instants.js';

const isDateTime = formats['date-time'];

/** An independent reading of RFC 3339 section 5.6 (a regular expression and calendar checks), to hold the hand-written parser to. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
function referenceIsDateTime(text: string): boolean {
  const m = RFC3339.exec(text);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const oh = Number(m[8] ?? 0);
  const om = Number(m[9] ?? 0);
  const leapYear = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const monthDays = [31, leapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  if (mo < 1 || mo > 12 || d < 1 || d > monthDays || h > 23 || mi > 59 || s > 60 || oh > 23 || om > 59) return false;
  const sign = m[7] === '-' ? -1 : 1;
  return s < 60 || ((((h * 60 + mi - sign * (oh * 60 + om)) % 1440) + 1440) % 1440) === 1439;
}
const parsed = (text: string): Instant => {
  const instant = parseInstant(text);
  if (!instant) throw new Error(`not an instant: ${text}`);
  return instant;
};
const sign = (n: number | bigint) => (n > 0 ? 1 : n < 0 ? -1 : 0);
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));

/** Strings shaped like date-times, with every part sometimes out of range (month 13, day 31 of a short month, :60, offset 24:00). */
const nearDateTime = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    month: two(13),
    day: two(32),
    t: fc.constantFrom('T', 't', ' '),
    hour: two(24),
    minute: two(60),
    second: two(61),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,15}$/), { nil: undefined }),
    zone: fc.oneof(fc.constantFrom('Z', 'z', '', '+0100', '+01-00', '+01x00', '+01:0', '-1:00', '+01:000', 'UTC', 'Zz'), fc.tuple(fc.constantFrom('+', '-'), two(24), two(60)).map(([s, h, m]) => `${s}${h}:${m}`)),
  })
  .map((p) => `${p.year}-${p.month}-${p.day}${p.t}${p.hour}:${p.minute}:${p.second}${p.fraction === undefined ? '' : `.${p.fraction}`}${p.zone}`);

/** Leap seconds: 23:59:60 UTC, written in any offset and precision. */
const leapSecond = fc.record({ year: fc.integer({ min: 1972, max: 2100 }), spelling: spellingArb, fraction: fc.stringMatching(/^[0-9]{0,12}$/) }).map(({ year, spelling, fraction }) => {
  const justBefore = spell(BigInt(Date.UTC(year, 11, 31, 23, 59, 59) / 1000) * 1_000_000_000n, { ...spelling, fraction: 'shortest' });
  return justBefore.replace(/:59(\.\d+)?(?=[Zz+-])/, `:60${fraction ? `.${fraction}` : ''}`);
});

describe('parseInstant', () => {
  test('reads exactly the strings the schemas\' date-time format accepts, which are those of RFC 3339, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(nearDateTime, leapSecond, fc.string()), (text) => {
        expect(isDateTime(text), text).toBe(referenceIsDateTime(text));
        expect(parseInstant(text) !== null, text).toBe(isDateTime(text));
      }),
      { numRuns: 5 * NUM_RUNS },
    );
  });

  test('reads nothing that is not a string', () => {
    for (const value of [undefined, null, 0, 1715000000000, {}, [], true]) expect(parseInstant(value)).toBeNull();
  });

  test('knows leap years and leap seconds', () => {
    expect(parseInstant('2024-02-29T00:00:00Z')).not.toBeNull();
    expect(parseInstant('2026-02-29T00:00:00Z')).toBeNull();
    expect(parseInstant('2016-12-31T23:59:60Z')).not.toBeNull();
    expect(parseInstant('2016-12-31T18:59:60.5-05:00')).not.toBeNull();
    expect(parseInstant('2016-12-31T23:59:60+01:00')).toBeNull();
    expect(parseInstant('2016-12-31T12:00:60Z')).toBeNull();
  });
});

describe('compareInstants', () => {
  test('orders instants exactly, whatever their offsets and fraction precision', () => {
    const near = instantArb.chain((a) => fc.tuple(fc.constant(a), fc.oneof(fc.constant(a), fc.bigInt({ min: -2_000_000_000n, max: 2_000_000_000n }).map((d) => a + d), instantArb)));
    fc.assert(
      fc.property(near, spellingArb, spellingArb, ([a, b], sa, sb) => {
        expect(sign(compareInstants(parsed(spell(a, sa)), parsed(spell(b, sb))))).toBe(sign(a - b));
      }),
      { numRuns: 5 * NUM_RUNS },
    );
  });

  test('a leap second falls after every earlier instant of its day and before the next day', () => {
    const leap = parsed('2016-12-31T23:59:60Z');
    expect(compareInstants(leap, parsed('2016-12-31T23:59:59.999999999999Z'))).toBeGreaterThan(0);
    expect(compareInstants(leap, parsed('2017-01-01T00:00:00Z'))).toBeLessThan(0);
    expect(compareInstants(leap, parsed('2016-12-31T18:59:60.000-05:00'))).toBe(0);
    expect(compareInstants(parsed('2016-12-31T23:59:60.5Z'), parsed('2017-01-01T08:59:60.50+09:00'))).toBe(0);
  });

  test('a leap second in any offset is the same instant as written in UTC', () => {
    fc.assert(
      fc.property(leapSecond, (text) => {
        const utc = parsed(text);
        expect(formatInstant(utc)).toMatch(/T23:59:60(\.\d+)?Z$/);
        expect(compareInstants(utc, parsed(formatInstant(utc)))).toBe(0);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('addSeconds and formatInstant', () => {
  test('adding whole seconds is exact and keeps the fraction', () => {
    fc.assert(
      fc.property(instantArb, fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }), spellingArb, (ns, seconds, spelling) => {
        const sum = addSeconds(parsed(spell(ns, spelling)), seconds);
        expect(formatInstant(sum)).toBe(spell(ns + seconds * 1_000_000_000n, { offsetMinutes: 0, fraction: 'shortest', lower: false }));
        expect(samePosixInstant(sum, parsed(spell(ns + seconds * 1_000_000_000n, spelling)))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('formatInstant writes back what it read', () => {
    fc.assert(
      fc.property(instantArb.chain(stampArb), (text) => {
        const instant = parsed(text);
        expect(parsed(formatInstant(instant))).toEqual(instant);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('years beyond 0000–9999 (a huge ttl, an offset before year 0) are written, not crashed on', () => {
    expect(formatInstant(addSeconds(parsed('0000-01-01T00:00:00+23:59'), 1800))).toBe('-0001-12-31T00:31:00Z');
    expect(formatInstant(addSeconds(parsed('2026-01-30T06:01:33Z'), 10n ** 20n))).toMatch(/^\d{13}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(formatInstant(addSeconds(parsed('9999-12-31T23:59:59Z'), 1))).toBe('10000-01-01T00:00:00Z');
  });

  test('on the POSIX scale a leap second counts as the next midnight', () => {
    expect(formatInstant(addSeconds(parsed('2016-12-31T23:59:60Z'), 1))).toBe('2017-01-01T00:00:01Z');
    expect(samePosixInstant(parsed('2016-12-31T23:59:60Z'), parsed('2017-01-01T00:00:00Z'))).toBe(true);
  });
});
