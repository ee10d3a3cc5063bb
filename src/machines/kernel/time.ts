/**
 * Time for the machines. `now` is always passed in as an RFC 3339 date-time string (the form every
 * document of the estate carries); nothing here reads a clock. Internally an instant is a whole
 * number of seconds since 1970-01-01T00:00:00Z on the POSIX scale: a fraction of a second in `now`
 * is dropped and a leap second `:60` counts as the next minute's `:00`. Emitted timestamps have the
 * estate's form `YYYY-MM-DDTHH:MM:SSZ`.
 */
import { formatInstant, parseInstant } from '../../rules/instant.js';

/** An RFC 3339 date-time, e.g. `2026-01-30T06:01:33Z`: the convention for every `now` argument. */
export type Rfc3339 = string;

/** Whole seconds since 1970-01-01T00:00:00Z. */
export type EpochSeconds = number;

/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the instants a four-digit year can write. */
const FIRST_SECOND = -62167219200;
const LAST_SECOND = 253402300799;

const inRange = (s: number): boolean => Number.isSafeInteger(s) && s >= FIRST_SECOND && s <= LAST_SECOND;

/** Reads an RFC 3339 date-time as whole seconds, or null when it is not one. */
export function readInstant(value: unknown): EpochSeconds | null {
  const instant = parseInstant(value);
  if (!instant) return null;
  const seconds = Number(instant.minute * 60n + BigInt(instant.second));
  return inRange(seconds) ? seconds : null;
}

/** `seconds` later, or null when the result cannot be written with a four-digit year. */
export function later(at: EpochSeconds, seconds: number): EpochSeconds | null {
  const sum = at + seconds;
  return inRange(sum) ? sum : null;
}

/** The estate's timestamp form: `YYYY-MM-DDTHH:MM:SSZ` (UTC, no fraction). */
export function timestamp(at: EpochSeconds): Rfc3339 {
  const minute = Math.floor(at / 60);
  return formatInstant({ minute: BigInt(minute), second: at - minute * 60, fraction: '' });
}

/** The estate's signal stamp: `YYYYMMDD-HHMMSS` in UTC, used as a signal's id and file-name prefix. */
export function signalStamp(at: EpochSeconds): string {
  const t = timestamp(at);
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}-${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}`;
}
