import { parseDateTime } from '../../generated/validators/formats.js';

/**
 * RFC 3339 date-times as exact instants, for rules that compare or add to timestamps. Pure: no
 * `Date`, no clock. Accepts exactly what the schemas' `date-time` format accepts (a `T` or `t`,
 * any number of fractional digits, `Z`/`z` or a `±hh:mm` offset, a leap second `:60`) and returns
 * null for anything else, so a rule never throws on a timestamp.
 */

/** One instant: the UTC minute it falls in, the second of that minute (0–60) and the fraction's digits. */
export interface Instant {
  /** Minutes since 1970-01-01T00:00Z, in UTC. */
  readonly minute: bigint;
  /** The second within that minute; 60 only for a leap second. */
  readonly second: number;
  /** The fractional second's digits, without trailing zeros ("" for none). */
  readonly fraction: string;
}


/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Floor division of bigints. */
const floorDiv = (a: bigint, b: bigint): bigint => (a >= 0n ? a / b : -((-a + b - 1n) / b));

/** The date of a day number (inverse of daysFromCivil), for any number of days. */
function civilFromDays(days: bigint): [bigint, number, number] {
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = Number(z - era * 146097n);
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400n + BigInt(yoe + (month <= 2 ? 1 : 0)), month, day];
}

/** The fraction's digits without trailing zeros. */
function fractionOf(text: string, start: number, end: number): string {
  let last = end;
  while (last > start && text.charCodeAt(last - 1) === 48) last--;
  return last === start ? '' : text.slice(start, last);
}

/**
 * Parses an RFC 3339 date-time into an exact instant, or returns null when it is not one. The
 * grammar is the schemas' own `date-time` format (generated/validators/formats.js), so a rule and
 * the schema never disagree on what a timestamp is.
 */
export function parseInstant(text: unknown): Instant | null {
  const f = parseDateTime(text);
  if (!f) return null;
  // Four-digit years keep every minute count far inside the exact range of a double.
  const utcMinute = daysFromCivil(f.year, f.month, f.day) * 1440 + f.hour * 60 + f.minute - f.offsetMinutes;
  return { minute: BigInt(utcMinute), second: f.second, fraction: fractionOf(text as string, f.fractionStart, f.fractionEnd) };
}

function compareFractions(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const x = a.padEnd(width, '0');
  const y = b.padEnd(width, '0');
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Negative when a is before b, zero when they are the same instant, positive when a is after b. Exact. */
export function compareInstants(a: Instant, b: Instant): number {
  if (a.minute !== b.minute) return a.minute < b.minute ? -1 : 1;
  if (a.second !== b.second) return a.second - b.second;
  return compareFractions(a.fraction, b.fraction);
}

/** Whole seconds since the epoch on the POSIX time scale (a leap second counts as the next minute's :00). */
const posixSeconds = (i: Instant): bigint => i.minute * 60n + BigInt(i.second);

/**
 * The instant `seconds` whole seconds after `start`, on the POSIX time scale (no leap seconds are
 * inserted, and a leap second `:60` counts as the following `:00`). `seconds` must be an integer.
 */
export function addSeconds(start: Instant, seconds: number | bigint): Instant {
  const total = posixSeconds(start) + BigInt(seconds);
  const minute = floorDiv(total, 60n);
  return { minute, second: Number(total - minute * 60n), fraction: start.fraction };
}

/** True when both are the same second on the POSIX time scale with the same fraction. */
export const samePosixInstant = (a: Instant, b: Instant): boolean => posixSeconds(a) === posixSeconds(b) && a.fraction === b.fraction;

const pad = (n: number | bigint, width: number): string => String(n).padStart(width, '0');

/** The instant a count of milliseconds since the epoch (as `Date.now()` gives) names; null for a count that is not a finite number. */
export function instantOfEpochMs(ms: number): Instant | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
  const whole = Math.floor(ms);
  const minute = Math.floor(whole / 60000);
  const inMinute = whole - minute * 60000;
  const millis = String(inMinute % 1000).padStart(3, '0').replace(/0+$/, '');
  return { minute: BigInt(minute), second: Math.floor(inMinute / 1000), fraction: millis };
}

/** Writes an instant as an RFC 3339 date-time in UTC (`…Z`); a year outside 0000–9999 keeps its sign and digits. */
export function formatInstant(i: Instant): string {
  const days = floorDiv(i.minute, 1440n);
  const inDay = Number(i.minute - days * 1440n);
  const [year, month, day] = civilFromDays(days);
  const fraction = i.fraction ? `.${i.fraction}` : '';
  const yearText = year < 0n ? `-${pad(-year, 4)}` : pad(year, 4);
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(inDay / 60), 2)}:${pad(inDay % 60, 2)}:${pad(i.second, 2)}${fraction}Z`;
}
