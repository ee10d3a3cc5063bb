/**
 * Browser automation sessions. A start needs an owner (a `urn:srcos:` URN) and a policy decision
 * that allows it; without either, or when the decision denies it, the start is refused and a
 * `denied` receipt is written instead (the refusal carries it in `emitted`, and the session is
 * recorded as denied). An active session is revoked (`revokedAt` = now), completed or failed; a
 * finished one (revoked, completed, failed, denied) cannot be revoked or restarted. The state keeps
 * the latest receipt of each session; every transition emits a new receipt naming the previous one.
 */
import type { BrowserAutomationReceipt } from '../../../generated/types/index.js';
import { SPEC_VERSION, isFilled, unique } from '../kernel/conventions.js';
import { BrowserAutomationReceipt as BrowserAutomationReceiptContract } from '../../contracts.js';
import type { EmissionOf } from '../kernel/emission.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { accept, refuse, type Outcome, type Refused, refuseNow } from '../kernel/outcome.js';
import { browserSessionRefusals, type BrowserRefusalCode } from './refusals.js';
import { readInstant, timestamp, type EpochSeconds, type Rfc3339 } from '../kernel/time.js';
import { allows, type MachineDescription, type TransitionRow } from '../kernel/transition-table.js';
import { isSrcosUrn, isUrnOf } from '../kernel/urns.js';

export type BrowserSessionState = NonNullable<BrowserAutomationReceipt['terminalState']>;
export type BrowserEvent = 'start' | 'start_refused' | 'revoke' | 'complete' | 'fail';

export const browserSessionTransitions = [
  { from: null, to: 'active', event: 'start' },
  { from: null, to: 'denied', event: 'start_refused' },
  { from: 'active', to: 'revoked', event: 'revoke' },
  { from: 'active', to: 'completed', event: 'complete' },
  { from: 'active', to: 'failed', event: 'fail' },
] as const satisfies readonly TransitionRow<BrowserSessionState, BrowserEvent>[];


/** The latest receipt of every session. */
export interface BrowserSessions {
  readonly sessions: readonly BrowserAutomationReceipt[];
}

/** A refused start that still wrote a denied receipt: the new state records the session as denied. */
export interface DeniedStart extends Refused<BrowserRefusalCode> {
  readonly state: BrowserSessions;
  readonly emitted: readonly [EmissionOf<'BrowserAutomationReceipt'>];
}
export type BrowserOutcome = Outcome<BrowserSessions, BrowserRefusalCode, object, EmissionOf<'BrowserAutomationReceipt'>>;

export interface BrowserSessionStart {
  readonly sessionRef: string;
  readonly capabilityLedgerRef: string;
  /** Who owns and answers for the session: a `urn:srcos:` URN. */
  readonly ownerRef?: string | null;
  /** Who asked for the session; named as owner of a denied receipt when there is no owner. */
  readonly requestedBy?: string | null;
  readonly policyDecision?: { readonly ref: string; readonly outcome: 'allow' | 'deny' } | null;
  readonly transport: BrowserAutomationReceipt['transport'];
  readonly permissionScope: BrowserAutomationReceipt['permissionScope'];
  readonly origin: BrowserAutomationReceipt['origin'];
  readonly controlledScope?: BrowserAutomationReceipt['controlledScope'];
  /** Evidence that the session is visible and owned; a denied receipt defaults to its decision. */
  readonly evidenceRefs?: readonly string[];
  readonly causalRefs?: readonly string[];
}

export const emptyBrowserSessions: BrowserSessions = Object.freeze({ sessions: Object.freeze([]) });

const finished = (receipt: BrowserAutomationReceipt): boolean => (receipt.terminalState ?? 'active') !== 'active';

function startRefusal(start: BrowserSessionStart): { code: BrowserRefusalCode; message: string } | null {
  if (!isSrcosUrn(start.ownerRef)) return { code: 'browser/owner-required', message: `ownerRef ${JSON.stringify(start.ownerRef ?? null)} names no one: a session needs an owner URN` };
  const decision = start.policyDecision;
  if (!decision || !isUrnOf('decision', decision.ref)) return { code: 'browser/policy-decision-required', message: 'a session needs a policy decision (a urn:srcos:decision: URN)' };
  if (decision.outcome !== 'allow') return { code: 'browser/policy-denied', message: `policy decision ${decision.ref} does not allow the session` };
  return null;
}

function receiptOf(start: BrowserSessionStart, at: EpochSeconds, mintId: MintId, denied: boolean): BrowserAutomationReceipt {
  const decision = start.policyDecision && isUrnOf('decision', start.policyDecision.ref) ? start.policyDecision.ref : mintUrn(mintId, 'decision');
  const owner = isSrcosUrn(start.ownerRef) ? start.ownerRef : isSrcosUrn(start.requestedBy) ? start.requestedBy : start.sessionRef;
  const evidence = (start.evidenceRefs ?? []).filter(isFilled);
  return {
    id: mintUrn(mintId, 'receipt:browser-automation'),
    type: 'BrowserAutomationReceipt',
    specVersion: SPEC_VERSION,
    sessionRef: start.sessionRef,
    capabilityLedgerRef: start.capabilityLedgerRef,
    ownerRef: owner,
    transport: start.transport,
    permissionScope: [...(start.permissionScope ?? [])],
    origin: start.origin,
    ...(start.controlledScope !== undefined ? { controlledScope: start.controlledScope } : {}),
    userVisible: true,
    revocable: true,
    startedAt: timestamp(at),
    revokedAt: null,
    terminalState: denied ? 'denied' : 'active',
    causalRefs: [...(start.causalRefs ?? [])],
    policyDecisionRef: decision,
    evidenceRefs: evidence.length || !denied ? evidence : [decision],
    capturedAt: timestamp(at),
  };
}

const store = (state: BrowserSessions, receipt: BrowserAutomationReceipt): BrowserSessions => ({
  sessions: [...state.sessions.filter((s) => s.sessionRef !== receipt.sessionRef), receipt],
});

/** Starts a session, or refuses with a denied receipt (see the module). */
export function startBrowserSession(state: BrowserSessions, start: BrowserSessionStart, now: Rfc3339, mintId: MintId): BrowserOutcome | DeniedStart {
  const at = readInstant(now);
  if (at === null) return refuseNow('browser/invalid-now', now);
  const existing = state.sessions.find((s) => s.sessionRef === start.sessionRef);
  if (existing) {
    return finished(existing)
      ? refuse('browser/session-finished', `${start.sessionRef} is ${existing.terminalState} and cannot be restarted`)
      : refuse('browser/session-active', `${start.sessionRef} is already active`);
  }
  const refusal = startRefusal(start);
  const receipt = receiptOf(start, at, mintId, refusal !== null);
  const emission: EmissionOf<'BrowserAutomationReceipt'> = { action: 'write', contract: 'BrowserAutomationReceipt', document: receipt };
  const invalid = refuseInvalid('browser/invalid-input', BrowserAutomationReceiptContract, [emission]);
  if (invalid) return invalid;
  if (refusal) return { ok: false, refusal, state: store(state, receipt), emitted: [emission] };
  return accept(store(state, receipt), [emission]);
}

function finish(state: BrowserSessions, sessionRef: string, event: 'revoke' | 'complete' | 'fail', now: Rfc3339, mintId: MintId, evidenceRefs: readonly string[]): BrowserOutcome {
  const at = readInstant(now);
  if (at === null) return refuseNow('browser/invalid-now', now);
  const current = state.sessions.find((s) => s.sessionRef === sessionRef);
  if (!current) return refuse('browser/unknown-session', `${sessionRef} was never started`);
  const from = current.terminalState ?? 'active';
  if (!allows(browserSessionTransitions, from, event)) return refuse('browser/session-finished', `${sessionRef} is ${from}; it cannot be ${event}d`);
  if (at < (readInstant(current.startedAt) ?? at)) return refuse('browser/time-before-start', `now ${now} is before the session started at ${current.startedAt}`);
  const to = browserSessionTransitions.find((r) => r.from === from && r.event === event)?.to ?? from;
  const receipt: BrowserAutomationReceipt = {
    ...current,
    id: mintUrn(mintId, 'receipt:browser-automation'),
    revokedAt: to === 'revoked' ? timestamp(at) : null,
    terminalState: to,
    causalRefs: unique([...(current.causalRefs ?? []), current.id]),
    evidenceRefs: unique([...current.evidenceRefs, ...evidenceRefs.filter(isFilled)]),
    capturedAt: timestamp(at),
  };
  const emission = { action: 'write', contract: 'BrowserAutomationReceipt', document: receipt } as const;
  return refuseInvalid('browser/invalid-input', BrowserAutomationReceiptContract, [emission]) ?? accept(store(state, receipt), [emission]);
}

/** The user (or anyone allowed) revokes an active session: `revokedAt` = now. */
export const revokeBrowserSession = (state: BrowserSessions, revoke: { sessionRef: string; evidenceRefs?: readonly string[] }, now: Rfc3339, mintId: MintId): BrowserOutcome =>
  finish(state, revoke.sessionRef, 'revoke', now, mintId, revoke.evidenceRefs ?? []);

/** An active session ends as it should. */
export const completeBrowserSession = (state: BrowserSessions, done: { sessionRef: string; evidenceRefs?: readonly string[] }, now: Rfc3339, mintId: MintId): BrowserOutcome =>
  finish(state, done.sessionRef, 'complete', now, mintId, done.evidenceRefs ?? []);

/** An active session fails. */
export const failBrowserSession = (state: BrowserSessions, failure: { sessionRef: string; evidenceRefs?: readonly string[] }, now: Rfc3339, mintId: MintId): BrowserOutcome =>
  finish(state, failure.sessionRef, 'fail', now, mintId, failure.evidenceRefs ?? []);

export const browserSessionMachine: MachineDescription = {
  name: 'browser',
  title: 'Browser automation sessions',
  summary:
    'Every transition emits a `BrowserAutomationReceipt` (new id; `causalRefs` ends with the previous receipt). `start_refused`: a start without an owner URN or an allowing policy decision is ' +
    'refused (`ok: false`) and still writes a `denied` receipt, carried in the refusal\'s `emitted` with the new `state`; its owner is the owner, else `requestedBy`, else the session itself, ' +
    'and without a decision its `policyDecisionRef` is one minted for the denial. A finished session cannot be revoked or restarted.',
  emits: ['BrowserAutomationReceipt'],
  transitions: browserSessionTransitions,
  refusals: browserSessionRefusals,
};
