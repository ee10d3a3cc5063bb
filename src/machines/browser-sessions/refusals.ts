// The reasons the browser sessions machine refuses a transition, code → when.
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const browserSessionRefusals = {
  'browser/invalid-now': INVALID_NOW,
  'browser/owner-required': 'A start without an owner that is a urn:srcos: URN (a denied receipt is written).',
  'browser/policy-decision-required': 'A start without a urn:srcos:decision: policy decision (a denied receipt is written, under a decision minted for the denial).',
  'browser/policy-denied': 'A start whose policy decision denies it (a denied receipt is written).',
  'browser/session-active': 'A start for a session that is already active.',
  'browser/session-finished': 'A start, revoke, complete or fail of a session that is already revoked, completed, failed or denied.',
  'browser/unknown-session': 'A revoke, complete or fail of a session that was never started.',
  'browser/time-before-start': '`now` is before the session started.',
  'browser/invalid-input': 'The receipt the transition would emit does not validate.',
} as const satisfies RefusalTable<`browser/${string}`>;
export type BrowserRefusalCode = keyof typeof browserSessionRefusals;
