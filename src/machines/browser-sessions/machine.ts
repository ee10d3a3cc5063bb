/**
 * Browser automation sessions. A start needs an owner (a `urn:srcos:` URN) and a policy decision
 * that allows it; without either, or when the decision denies it, the start is denied: an accepted
 * transition (`start_refused`) that writes a `denied` receipt and says so (`started: false` and the
 * `denial`), after which a start of the same session with an owner and an allowing decision may
 * succeed (its receipt names the denied one). A refusal (`ok: false`) changes nothing. An active
 * session is revoked (`revokedAt` = now), completed or failed; a revoked, completed or failed one
 * cannot be revoked or restarted. The state keeps the latest receipt of each session; every
 * transition emits a new receipt naming the previous one. `maySessionAct` answers whether a session may act now.
 */
import type { BrowserAutomationReceipt } from '../../../generated/types/index.js';
import { isFilled, isWholeAtLeast, unique } from '../kernel/conventions.js';
import { BrowserAutomationReceipt as BrowserAutomationReceiptContract } from '../../contracts.js';
import type { EmissionOf } from '../kernel/emission.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord, refuseShape } from '../kernel/input.js';
import { accept, refuse, type Accepted, type Outcome, type Refusal, type Refused, refuseNow } from '../kernel/outcome.js';
import { browserSessionDenials, browserSessionRefusals, type BrowserDenialCode, type BrowserRefusalCode } from './refusals.js';
import { denialOf, startReceipt, type BrowserSessionStart } from './receipt.js';
import type { BrowserSessions } from './sessions.js';
import { later, readInstant, timestamp, type Rfc3339 } from '../kernel/time.js';
import { allows, type MachineDescription, type TransitionRow } from '../kernel/transition-table.js';

export type { BrowserSessionStart } from './receipt.js';
export type { BrowserSessions, SessionExpiry } from './sessions.js';
export type BrowserSessionState = NonNullable<BrowserAutomationReceipt['terminalState']>;
export type BrowserEvent = 'start' | 'start_refused' | 'revoke' | 'complete' | 'fail';

export const browserSessionTransitions = [
  { from: null, to: 'active', event: 'start' },
  { from: null, to: 'denied', event: 'start_refused' },
  { from: 'denied', to: 'active', event: 'start' },
  { from: 'denied', to: 'denied', event: 'start_refused' },
  { from: 'active', to: 'revoked', event: 'revoke' },
  { from: 'active', to: 'completed', event: 'complete' },
  { from: 'active', to: 'failed', event: 'fail' },
] as const satisfies readonly TransitionRow<BrowserSessionState, BrowserEvent>[];

type ReceiptEmission = EmissionOf<'BrowserAutomationReceipt'>;
/** A start that began the session. */
export interface StartedSession extends Accepted<BrowserSessions, ReceiptEmission> {
  readonly started: true;
  readonly denial: null;
}
/** A denied start: accepted, it wrote a `denied` receipt (in `emitted`) and the state records it; `denial` says why. */
export interface DeniedStart extends Accepted<BrowserSessions, ReceiptEmission> {
  readonly started: false;
  readonly denial: Refusal<BrowserDenialCode>;
}
export type BrowserStartOutcome = StartedSession | DeniedStart | Refused<BrowserRefusalCode>;
export type BrowserOutcome = Outcome<BrowserSessions, BrowserRefusalCode, object, ReceiptEmission>;

export const emptyBrowserSessions: BrowserSessions = Object.freeze({ sessions: Object.freeze([]) });

const refuseSessions = (state: unknown): Refused<BrowserRefusalCode> | null =>
  isRecord(state) && Array.isArray(state.sessions) && (state.expiries === undefined || Array.isArray(state.expiries))
    ? null
    : refuse('browser/invalid-input', `the sessions must be a state a transition returned, not ${describeValue(state)}`);

const store = (state: BrowserSessions, receipt: BrowserAutomationReceipt, expiresAt: string | null): BrowserSessions => {
  const expiries = (state.expiries ?? []).filter((e) => e.sessionRef !== receipt.sessionRef);
  const next = expiresAt ? [...expiries, { sessionRef: receipt.sessionRef, expiresAt }] : expiries;
  return { sessions: [...state.sessions.filter((s) => s.sessionRef !== receipt.sessionRef), receipt], ...(next.length ? { expiries: next } : {}) };
};

/** Starts a session, or denies the start with a denied receipt (see the module). */
export const startBrowserSession = guarded('browser/invalid-input', (state: BrowserSessions, start: BrowserSessionStart, now: Rfc3339, mintId: MintId): BrowserStartOutcome => {
  const shape = refuseSessions(state) ?? refuseShape('browser/invalid-input', 'a start', start, ['permissionScope', 'evidenceRefs', 'causalRefs']);
  if (shape) return shape;
  if (typeof mintId !== 'function') return refuse('browser/invalid-input', 'mintId must be a function');
  const at = readInstant(now);
  if (at === null) return refuseNow('browser/invalid-now', now);
  const ttl = start.ttlSeconds;
  const expires = ttl === undefined ? null : isWholeAtLeast(ttl, 1) ? later(at, ttl) : null;
  if (ttl !== undefined && expires === null) return refuse('browser/invalid-input', `ttlSeconds ${describeValue(ttl)} is not a whole number ≥ 1 that ends by year 9999`);
  const existing = state.sessions.find((s) => s.sessionRef === start.sessionRef) ?? null;
  const from = existing ? (existing.terminalState ?? 'active') : null;
  const denial = denialOf(start);
  if (!allows(browserSessionTransitions, from, denial ? 'start_refused' : 'start')) {
    return from === 'active' ? refuse('browser/session-active', `${start.sessionRef} is already active`) : refuse('browser/session-finished', `${start.sessionRef} is ${from} and cannot be restarted`);
  }
  const receipt = startReceipt(start, at, mintId, denial !== null, existing);
  const emission: ReceiptEmission = { action: 'write', contract: 'BrowserAutomationReceipt', document: receipt };
  const invalid = refuseInvalid('browser/invalid-input', BrowserAutomationReceiptContract, [emission]);
  if (invalid) return invalid;
  const accepted = accept(store(state, receipt, denial || expires === null ? null : timestamp(expires)), [emission]);
  return denial ? { ...accepted, started: false, denial } : { ...accepted, started: true, denial: null };
});

type Finish = { readonly sessionRef: string; readonly evidenceRefs?: readonly string[] };

function finish(state: BrowserSessions, input: Finish, event: 'revoke' | 'complete' | 'fail', now: Rfc3339, mintId: MintId): BrowserOutcome {
  const shape = refuseSessions(state) ?? refuseShape('browser/invalid-input', `a ${event}`, input, ['evidenceRefs']);
  if (shape) return shape;
  const at = readInstant(now);
  if (at === null) return refuseNow('browser/invalid-now', now);
  const sessionRef = input.sessionRef;
  const current = state.sessions.find((s) => s.sessionRef === sessionRef);
  if (!current) return refuse('browser/unknown-session', `${describeValue(sessionRef)} was never started`);
  const from = current.terminalState ?? 'active';
  if (!allows(browserSessionTransitions, from, event)) return refuse('browser/session-finished', `${sessionRef} is ${from}; it cannot be ${event}d`);
  if (at < (readInstant(current.startedAt) ?? at)) return refuse('browser/time-before-start', `now ${now} is before the session started at ${current.startedAt}`);
  if (typeof mintId !== 'function') return refuse('browser/invalid-input', 'mintId must be a function');
  const to = browserSessionTransitions.find((r) => r.from === from && r.event === event)?.to ?? from;
  const receipt: BrowserAutomationReceipt = {
    ...current,
    id: mintUrn(mintId, 'receipt:browser-automation'),
    revokedAt: to === 'revoked' ? timestamp(at) : null,
    terminalState: to,
    causalRefs: unique([...(current.causalRefs ?? []), current.id]),
    evidenceRefs: unique([...current.evidenceRefs, ...(input.evidenceRefs ?? []).filter(isFilled)]),
    capturedAt: timestamp(at),
  };
  const emission = { action: 'write', contract: 'BrowserAutomationReceipt', document: receipt } as const;
  const expiry = state.expiries?.find((e) => e.sessionRef === sessionRef)?.expiresAt ?? null;
  return refuseInvalid('browser/invalid-input', BrowserAutomationReceiptContract, [emission]) ?? accept(store(state, receipt, expiry), [emission]);
}

/** The user (or anyone allowed) revokes an active session: `revokedAt` = now. */
export const revokeBrowserSession = guarded('browser/invalid-input', (state: BrowserSessions, revoke: Finish, now: Rfc3339, mintId: MintId): BrowserOutcome => finish(state, revoke, 'revoke', now, mintId));

/** An active session ends as it should. */
export const completeBrowserSession = guarded('browser/invalid-input', (state: BrowserSessions, done: Finish, now: Rfc3339, mintId: MintId): BrowserOutcome => finish(state, done, 'complete', now, mintId));

/** An active session fails. */
export const failBrowserSession = guarded('browser/invalid-input', (state: BrowserSessions, failure: Finish, now: Rfc3339, mintId: MintId): BrowserOutcome => finish(state, failure, 'fail', now, mintId));

const denials = Object.entries(browserSessionDenials).map(([code, when]) => `| \`${code}\` | ${when} |`);

export const browserSessionMachine: MachineDescription = {
  name: 'browser',
  title: 'Browser automation sessions',
  summary:
    'Every transition emits a `BrowserAutomationReceipt` (new id; `causalRefs` ends with the previous receipt). `start_refused`: a start without an owner URN or an allowing policy decision is ' +
    'denied: accepted, with `started: false` and the `denial` (code and message), it writes a `denied` receipt whose owner is the owner, else `requestedBy`, else the session itself, and without a ' +
    'decision a `policyDecisionRef` minted for the denial. A denied session may be started again (the new receipt names the denied one); a refusal changes nothing. A revoked, completed or failed ' +
    'session cannot be revoked or restarted. `maySessionAct(sessions, { sessionRef, permission }, now)` answers whether a session may act now: active, not expired (`ttlSeconds` from its start), ' +
    'not before its start, the permission in its scope; otherwise `{ may: false, code, message }`.',
  emits: ['BrowserAutomationReceipt'],
  transitions: browserSessionTransitions,
  refusals: browserSessionRefusals,
  notes: ['Why a start is denied (`denial.code` of an accepted `start_refused`):', '', '| code | when |', '|---|---|', ...denials].join('\n'),
};
