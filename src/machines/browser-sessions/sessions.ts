/** The state of the browser sessions machine: the latest receipt of every session, and when sessions with a ttl expire. */
import type { BrowserAutomationReceipt } from '../../../generated/types/index.js';
import type { Rfc3339 } from '../kernel/time.js';

/** When a session started with `ttlSeconds` stops being allowed to act. */
export interface SessionExpiry {
  readonly sessionRef: string;
  readonly expiresAt: Rfc3339;
}

/** The latest receipt of every session (a denied start included), and the expiry of each session given a ttl. */
export interface BrowserSessions {
  readonly sessions: readonly BrowserAutomationReceipt[];
  readonly expiries?: readonly SessionExpiry[];
}
