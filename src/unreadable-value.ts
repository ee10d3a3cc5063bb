import type { Issue } from './issue.js';

/** The code of the issue given when reading a value threw (a throwing getter or proxy, a cycle too deep to follow). */
export const UNREADABLE_VALUE = 'value/unreadable';

/**
 * The issue that stands for an exception thrown while a value was being read, so that checking
 * any JavaScript value returns issues and never throws.
 */
export function unreadableValue(error: unknown): Issue {
  let reason: string;
  try {
    reason = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'a non-Error value was thrown';
  } catch {
    reason = 'an unreadable exception was thrown';
  }
  if (reason.length > 200) reason = `${reason.slice(0, 197)}...`;
  return { code: UNREADABLE_VALUE, severity: 'error', pointer: '', message: `the value cannot be checked: reading it threw (${reason})` };
}
