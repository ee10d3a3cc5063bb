// The reasons the browser sessions machine refuses a transition, and the reasons a start is denied, code → when.
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const browserSessionRefusals = {
  'browser/invalid-now': INVALID_NOW,
  'browser/session-active': 'A start for a session that is already active.',
  'browser/session-finished': 'A start of a session that was revoked, completed or failed; a revoke, complete or fail of a session that is not active.',
  'browser/unknown-session': 'A revoke, complete or fail of a session that was never started.',
  'browser/time-before-start': '`now` is before the session started.',
  'browser/invalid-input': 'An input of the wrong type, or the receipt the transition would emit does not validate (an allowed start without evidence, ...).',
} as const satisfies RefusalTable<`browser/${string}`>;
export type BrowserRefusalCode = keyof typeof browserSessionRefusals;

/**
 * Why a start is denied. A denial is an accepted transition (`start_refused`): it writes a `denied`
 * receipt and says so (`started: false`, `denial`); a later start of the same session may succeed.
 */
export const browserSessionDenials = {
  'browser/owner-required': 'A start without an owner that is a urn:srcos: URN.',
  'browser/policy-decision-required': 'A start without a urn:srcos:decision: policy decision (the denied receipt names a decision minted for the denial).',
  'browser/policy-denied': 'A start whose policy decision denies it.',
} as const satisfies RefusalTable<`browser/${string}`>;
export type BrowserDenialCode = keyof typeof browserSessionDenials;

/** Why a session may not act now (`maySessionAct`). */
export const browserActRefusals = {
  'browser/unknown-session': 'The session was never started.',
  'browser/session-denied': 'The session\'s start was denied.',
  'browser/session-revoked': 'The session was revoked.',
  'browser/session-finished': 'The session completed or failed.',
  'browser/session-expired': 'The session\'s time (its `ttlSeconds` from the start) has run out.',
  'browser/time-before-start': '`now` is before the session started.',
  'browser/permission-out-of-scope': 'The permission is not in the session\'s permissionScope.',
  'browser/invalid-now': INVALID_NOW,
  'browser/invalid-input': 'The question is not a session ref and a permission.',
} as const satisfies RefusalTable<`browser/${string}`>;
export type BrowserActRefusalCode = keyof typeof browserActRefusals;
