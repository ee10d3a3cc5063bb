/**
 * Reading what a caller passed, whatever it is: neither a transition nor a query ever throws, so an
 * argument of the wrong type (a number where a list belongs, a `BigInt` for `now`, a string where a
 * list of strings belongs) is a refusal, never a `TypeError` and never a string split into its
 * characters. `guarded` is the last line: a transition or query wrapped in it turns anything thrown
 * while reading its input (a throwing getter, a proxy) into the machine's `<machine>/invalid-input`
 * refusal. A query answers a refusal the way a transition does: `{ ok: false, refusal: { code, message } }`.
 */
import { describeValue } from './describe.js';
import { refuse, type Refused } from './outcome.js';

/** A plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of strings. */
export const isStringList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** Absent (undefined or null) or a list. */
export const isOptionalList = (value: unknown): boolean => value === undefined || value === null || Array.isArray(value);

/** An optional list of strings: absent (undefined or null) reads as empty; anything but a list of strings is null. */
export const optionalStringList = (value: unknown): readonly string[] | null => (value === undefined || value === null ? [] : isStringList(value) ? value : null);

/** The names of the fields of `input` that are present but not lists of strings. */
export const badStringLists = (input: Readonly<Record<string, unknown>>, fields: readonly string[]): string[] => fields.filter((f) => optionalStringList(input[f]) === null);

/** The refusal of an argument that is not a readable object, or of fields that must be lists of strings. */
export function refuseShape<Code extends string>(code: Code, what: string, input: unknown, listFields: readonly string[] = []): Refused<Code> | null {
  if (!isRecord(input)) return refuse(code, `${what} must be an object, not ${describeValue(input)}`);
  const bad = badStringLists(input, listFields);
  return bad.length ? refuse(code, `${what}: ${bad.join(', ')} must each be a list of strings`) : null;
}

/**
 * The transition or query `fn`, never throwing: anything thrown while it runs (reading a hostile
 * input) becomes the refusal `code`. The machines check types explicitly first; this catches what no
 * check foresaw.
 */
export function guarded<Code extends string, Args extends unknown[], Result>(code: Code, fn: (...args: Args) => Result): (...args: Args) => Result | Refused<Code> {
  return (...args: Args) => {
    try {
      return fn(...args);
    } catch (error) {
      return refuse(code, `the input could not be read: ${describeValue(error)}`);
    }
  };
}
