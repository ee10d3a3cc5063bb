/** The BrowserAutomationReceipt of a start (allowed or denied), and why a start is denied. */
import type { BrowserAutomationReceipt } from '../../../generated/types/index.js';
import { SPEC_VERSION, isFilled, unique } from '../kernel/conventions.js';
import { describeValue } from '../kernel/describe.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import type { Refusal } from '../kernel/outcome.js';
import { timestamp, type EpochSeconds } from '../kernel/time.js';
import { isSrcosUrn, isUrnOf } from '../kernel/urns.js';
import type { BrowserDenialCode } from './refusals.js';

export interface BrowserSessionStart {
  readonly sessionRef: string;
  readonly capabilityLedgerRef: string;
  /** Who owns and answers for the session: a `urn:srcos:` URN (without one, the start is denied). */
  readonly ownerRef?: string | null;
  /** Who asked for the session; named as owner of a denied receipt when there is no owner. */
  readonly requestedBy?: string | null;
  /** The policy decision (without one that allows it, the start is denied). */
  readonly policyDecision?: { readonly ref: string; readonly outcome: 'allow' | 'deny' } | null;
  readonly transport: BrowserAutomationReceipt['transport'];
  readonly permissionScope: BrowserAutomationReceipt['permissionScope'];
  readonly origin: BrowserAutomationReceipt['origin'];
  readonly controlledScope?: BrowserAutomationReceipt['controlledScope'];
  /** Evidence that the session is visible and owned: at least one for an allowed start; a denied receipt defaults to its decision. */
  readonly evidenceRefs: readonly string[];
  readonly causalRefs?: readonly string[];
  /** How long the session may act, in seconds from the start (`maySessionAct`); default: until it ends. */
  readonly ttlSeconds?: number;
}

/** Why the start is denied, or null when it is allowed. */
export function denialOf(start: BrowserSessionStart): Refusal<BrowserDenialCode> | null {
  if (!isSrcosUrn(start.ownerRef)) return { code: 'browser/owner-required', message: `ownerRef ${describeValue(start.ownerRef ?? null)} names no one: a session needs an owner URN` };
  const decision = start.policyDecision;
  if (!decision || !isUrnOf('decision', decision.ref)) return { code: 'browser/policy-decision-required', message: 'a session needs a policy decision (a urn:srcos:decision: URN)' };
  if (decision.outcome !== 'allow') return { code: 'browser/policy-denied', message: `policy decision ${decision.ref} does not allow the session` };
  return null;
}

/** The receipt of a start at `at`; `previous`: the receipt of an earlier denied start of the session, named in causalRefs. */
export function startReceipt(start: BrowserSessionStart, at: EpochSeconds, mintId: MintId, denied: boolean, previous: BrowserAutomationReceipt | null): BrowserAutomationReceipt {
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
    causalRefs: unique([...(start.causalRefs ?? []), ...(previous ? [previous.id] : [])]),
    policyDecisionRef: decision,
    evidenceRefs: evidence.length || !denied ? evidence : [decision],
    capturedAt: timestamp(at),
  };
}
