import { compareInstants, parseInstant } from './instant.js';
import type { RuleFinding } from './rule.js';

/** A timestamp of a document and where it stands. */
export interface Stamp {
  readonly pointer: string;
  /** The field's value: an RFC 3339 date-time, or null/undefined when the field is empty. */
  readonly value: string | null | undefined;
}

/**
 * Finds where `later` precedes `earlier` (or, when `strictly`, does not follow it). The finding
 * points at the later timestamp, the one that is too early. Empty or unparsable values are skipped:
 * a missing or malformed timestamp is the schema's to report.
 */
export function orderFindings(earlier: Stamp, later: Stamp, { strictly = false } = {}): RuleFinding[] {
  const a = parseInstant(earlier.value);
  const b = parseInstant(later.value);
  if (!a || !b) return [];
  const order = compareInstants(b, a);
  if (order > 0 || (order === 0 && !strictly)) return [];
  const relation = order === 0 ? 'is the same instant as' : 'is before';
  return [{ pointer: later.pointer, message: `${later.pointer} (${String(later.value)}) ${relation} ${earlier.pointer} (${String(earlier.value)})` }];
}
