/**
 * May this session act now? One question for a browser: the session is active (not denied, revoked,
 * completed or failed), its time has not run out, `now` is not before its start, and the permission
 * is in its scope. The answer is a plain value: `{ may: true, ... }` or `{ may: false, code, message }`.
 */
import type { BrowserPermission } from '../../../generated/types/index.js';
import { describeValue } from '../kernel/describe.js';
import { isRecord } from '../kernel/input.js';
import { readInstant, type Rfc3339 } from '../kernel/time.js';
import type { BrowserSessions } from './sessions.js';
import type { BrowserActRefusalCode } from './refusals.js';

/** The answer of `maySessionAct`. */
export type SessionActAnswer =
  | { readonly may: true; readonly sessionRef: string; readonly permission: BrowserPermission; readonly ownerRef: string; readonly expiresAt: Rfc3339 | null }
  | { readonly may: false; readonly code: BrowserActRefusalCode; readonly message: string };

const no = (code: BrowserActRefusalCode, message: string): SessionActAnswer => ({ may: false, code, message });

/** Whether the session may use `permission` at `now`, with the reason when not. Never throws. */
export function maySessionAct(sessions: BrowserSessions, question: { readonly sessionRef: string; readonly permission: BrowserPermission }, now: Rfc3339): SessionActAnswer {
  try {
    if (!isRecord(sessions) || !Array.isArray(sessions.sessions) || !isRecord(question) || typeof question.sessionRef !== 'string' || typeof question.permission !== 'string') {
      return no('browser/invalid-input', 'maySessionAct needs the sessions and { sessionRef, permission } (strings)');
    }
    const at = readInstant(now);
    if (at === null) return no('browser/invalid-now', `now ${describeValue(now)} is not an RFC 3339 date-time`);
    const { sessionRef, permission } = question;
    const receipt = sessions.sessions.find((s) => s.sessionRef === sessionRef);
    if (!receipt) return no('browser/unknown-session', `${sessionRef} was never started`);
    const state = receipt.terminalState ?? 'active';
    if (state === 'denied') return no('browser/session-denied', `${sessionRef} was denied`);
    if (state === 'revoked') return no('browser/session-revoked', `${sessionRef} was revoked at ${receipt.revokedAt ?? 'an unknown time'}`);
    if (state !== 'active') return no('browser/session-finished', `${sessionRef} is ${state}`);
    if (at < (readInstant(receipt.startedAt) ?? at)) return no('browser/time-before-start', `now ${now} is before ${sessionRef} started at ${receipt.startedAt}`);
    const expiresAt = sessions.expiries?.find((e) => e.sessionRef === sessionRef)?.expiresAt ?? null;
    if (expiresAt !== null && at >= (readInstant(expiresAt) ?? at)) return no('browser/session-expired', `${sessionRef} expired at ${expiresAt}`);
    if (!Array.isArray(receipt.permissionScope)) return no('browser/invalid-input', `the permissionScope of ${sessionRef} is not a list`);
    if (!receipt.permissionScope.includes(permission)) {
      return no('browser/permission-out-of-scope', `${sessionRef} may ${receipt.permissionScope.join(', ')}; not ${describeValue(permission)}`);
    }
    return { may: true, sessionRef, permission, ownerRef: receipt.ownerRef, expiresAt };
  } catch (error) {
    return no('browser/invalid-input', `the question could not be read: ${describeValue(error)}`);
  }
}
