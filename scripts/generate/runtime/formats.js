// Formats for the precompiled validators. Copied into generated/validators/ by the generator.
// date-time is RFC 3339 section 5.6, strictly: a "T" (or "t") between date and time, seconds
// required, an optional fraction of any length, an offset of "Z"/"z" or "+hh:mm"/"-hh:mm" required,
// real calendar days, and a leap second only at 23:59:60 UTC. Parsed by hand: it runs for every
// timestamp of every document, so it allocates nothing on the way to its answer.

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(text, start, count) {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The fields of an RFC 3339 date-time, or null when `text` is not one. `fractionStart`/`fractionEnd`
 * delimit the fraction's digits in `text` (equal when there is none); `offsetMinutes` is signed.
 */
export function parseDateTime(text) {
  if (typeof text !== 'string' || text.length < 20) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const t = text.charCodeAt(10);
  if (year < 0 || month < 1 || day < 1 || hour < 0 || minute < 0 || second < 0) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 116)) return null;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  let i = 19;
  const fractionStart = text.charCodeAt(i) === 46 ? i + 1 : i;
  if (fractionStart > i) {
    i = fractionStart;
    while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === fractionStart) return null;
  }
  const fractionEnd = i;
  let offsetMinutes = 0;
  const zone = text.charCodeAt(i);
  if (zone === 90 || zone === 122) {
    if (i + 1 !== text.length) return null;
  } else if (zone === 43 || zone === 45) {
    const offsetHour = digits(text, i + 1, 2);
    const offsetMinute = digits(text, i + 4, 2);
    if (i + 6 !== text.length || text.charCodeAt(i + 3) !== 58 || offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) return null;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute);
  } else {
    return null;
  }
  const leapYear = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month > 12 || day > (month === 2 && leapYear ? 29 : DAYS[month])) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  if (second === 60 && ((((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440) !== 1439) return null;
  return { year, month, day, hour, minute, second, fractionStart, fractionEnd, offsetMinutes };
}

export function isDateTime(text) {
  return parseDateTime(text) !== null;
}

export const formats = { 'date-time': isDateTime };
