/**
 * Orphan events: a session registry with a session DAG. An event that names a registered session
 * attaches to it as a DAG node. Any other event is an orphan: recovered at once when its correlation
 * keys name exactly one session, otherwise queued for the registry's ttl (default 300 s), during
 * which every later command reconciles it (`orphan-matching.ts`); more than one candidate is
 * ambiguous and never picked. At `now >= expiresAt` it is quarantined with its candidates. The same
 * event twice (same eventRef or same rawEventDigest) is discarded as a duplicate. Every command
 * first quarantines what has expired, then acts, then reconciles the queue until nothing changes.
 * Conservation: every reception is in exactly one of attached, queued, quarantined, discarded.
 */
import type { CorrelationKeys, OrphanEventReceipt } from '../../../generated/types/index.js';
import { OrphanEventReceipt as OrphanEventReceiptContract } from '../../contracts.js';
import { DEFAULT_ORPHAN_TTL_SECONDS, isWholeAtLeast } from '../kernel/conventions.js';
import { emissionIssues } from '../kernel/emission-check.js';
import type { EmissionOf } from '../kernel/emission.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { candidatesFor, parentNodeIn } from './matching.js';
import { orphanReceipt, resolutions, type ReceivedEvent } from './receipts.js';
import { applyReconciliation, beginCommand, finishCommand, recover, type AttachedEvent, type Draft, type OrphanRegistry } from './reconciliation.js';
import { orphanRefusals, type OrphanRefusalCode } from './refusals.js';
import { accept, refuse, type Outcome } from '../kernel/outcome.js';
import { later, timestamp, type Rfc3339 } from '../kernel/time.js';
import type { MachineDescription, TransitionRow } from '../kernel/transition-table.js';
import { isUrnOf } from '../kernel/urns.js';

export type { OrphanRegistry, AttachedEvent, QueuedEvent, QuarantinedEvent, DiscardedEvent } from './reconciliation.js';
export type { SessionRecord, DagNode } from './matching.js';
export { orphanRefusals, type OrphanRefusalCode } from './refusals.js';

/** Where one reception stands. */
export type OrphanDisposition = 'attached' | 'queued' | 'quarantined' | 'discarded';
export type OrphanEvent = 'receive_known_session' | 'receive_recoverable' | 'receive_orphan' | 'receive_duplicate' | 'reconcile_one' | 'reconcile_none_or_many' | 'ttl_expire';

export const orphanTransitions = [
  { from: null, to: 'attached', event: 'receive_known_session' },
  { from: null, to: 'attached', event: 'receive_recoverable' },
  { from: null, to: 'queued', event: 'receive_orphan' },
  { from: null, to: 'discarded', event: 'receive_duplicate' },
  { from: 'queued', to: 'attached', event: 'reconcile_one' },
  { from: 'queued', to: 'queued', event: 'reconcile_none_or_many' },
  { from: 'queued', to: 'quarantined', event: 'ttl_expire' },
] as const satisfies readonly TransitionRow<OrphanDisposition, OrphanEvent>[];

export type OrphanOutcome = Outcome<OrphanRegistry, OrphanRefusalCode, object, EmissionOf<'OrphanEventReceipt'>>;

/** An event as it arrives. */
export interface IncomingEvent {
  readonly eventRef: string;
  readonly eventClass: OrphanEventReceipt['eventClass'];
  /** The session the event names, if any. */
  readonly sessionRef?: string | null;
  readonly rawEventDigest?: string | null;
  readonly correlationKeys?: CorrelationKeys;
  /** Evidence to carry in its receipts (URNs or sha256 digests). */
  readonly evidenceRefs?: readonly string[];
}

/** An empty registry. */
export function createOrphanRegistry(options: { policyDecisionRef: string; ttlSeconds?: number }): OrphanOutcome {
  const { policyDecisionRef, ttlSeconds = DEFAULT_ORPHAN_TTL_SECONDS } = options;
  if (!isWholeAtLeast(ttlSeconds, 1)) return refuse('orphans/invalid-ttl', `ttlSeconds ${String(ttlSeconds)} is not a whole number ≥ 1`);
  if (!isUrnOf('decision', policyDecisionRef)) return refuse('orphans/invalid-input', `policyDecisionRef ${JSON.stringify(policyDecisionRef)} is not a urn:srcos:decision: URN`);
  return accept({ policyDecisionRef, ttlSeconds, now: null, received: 0, sessions: [], dag: [], attached: [], queued: [], quarantined: [], discarded: [] });
}

const nullable = (value: string | null | undefined): string | null => (value === undefined ? null : value);

/** Registers a session; queued orphans that now match it alone are recovered. */
export function registerSession(
  registry: OrphanRegistry,
  session: { sessionRef: string; conversationId?: string | null; workspaceRef?: string | null; taskRef?: string | null },
  now: Rfc3339,
  mintId: MintId,
): OrphanOutcome {
  if (!isUrnOf('session', session.sessionRef)) return refuse('orphans/invalid-session', `sessionRef ${JSON.stringify(session.sessionRef)} is not a urn:srcos:session: URN`);
  const workspaceRef = nullable(session.workspaceRef);
  if (workspaceRef !== null && !isUrnOf('workspace', workspaceRef)) return refuse('orphans/invalid-session', `workspaceRef ${JSON.stringify(workspaceRef)} is not a urn:srcos:workspace: URN`);
  if (registry.sessions.some((s) => s.sessionRef === session.sessionRef)) return refuse('orphans/session-exists', `${session.sessionRef} is already registered`);
  const draft = beginCommand(registry, now, mintId);
  if ('ok' in draft) return draft;
  draft.sessions.push({ sessionRef: session.sessionRef, conversationId: nullable(session.conversationId), workspaceRef, taskRef: nullable(session.taskRef) });
  applyReconciliation(draft);
  return finishCommand(draft);
}

/** Quarantines what has expired and reconciles the queue at `now`. */
export function reconcileOrphans(registry: OrphanRegistry, now: Rfc3339, mintId: MintId): OrphanOutcome {
  const draft = beginCommand(registry, now, mintId);
  if ('ok' in draft) return draft;
  applyReconciliation(draft);
  return finishCommand(draft);
}

/** Receives one event. */
export function receiveSessionEvent(registry: OrphanRegistry, incoming: IncomingEvent, now: Rfc3339, mintId: MintId): OrphanOutcome {
  const draft = beginCommand(registry, now, mintId);
  if ('ok' in draft) return draft;
  const expires = later(draft.at, registry.ttlSeconds);
  if (expires === null) return refuse('orphans/invalid-now', 'now + ttl is past year 9999');
  const sessionRef = nullable(incoming.sessionRef);
  if (sessionRef !== null && !isUrnOf('session', sessionRef)) return refuse('orphans/invalid-input', `sessionRef ${JSON.stringify(sessionRef)} is not a urn:srcos:session: URN`);
  const event: ReceivedEvent = {
    seq: registry.received,
    eventRef: incoming.eventRef,
    eventClass: incoming.eventClass,
    sessionRef,
    rawEventDigest: nullable(incoming.rawEventDigest),
    correlationKeys: { ...(incoming.correlationKeys ?? {}) },
    evidenceRefs: [...(incoming.evidenceRefs ?? [])],
    observedAt: timestamp(draft.at),
    expiresAt: timestamp(expires),
  };
  const trial = orphanReceipt(event, resolutions.queued([]), { policyDecisionRef: registry.policyDecisionRef, at: draft.at, expired: false, causalRefs: [] }, () => 'intake-check');
  const errors = emissionIssues(OrphanEventReceiptContract, { action: 'write', contract: 'OrphanEventReceipt', document: trial }).filter((i) => i.severity === 'error');
  if (errors.length) return refuse('orphans/invalid-input', `the event cannot be described by a valid receipt: ${errors.map((i) => `${i.pointer} ${i.code}`).join('; ')}`, errors);
  draft.received += 1;
  receiveInto(draft, event);
  applyReconciliation(draft);
  return finishCommand(draft);
}

function receiveInto(draft: Draft, event: ReceivedEvent): void {
  const context = (expired: boolean, causalRefs: readonly string[]) => ({ policyDecisionRef: draft.policyDecisionRef, at: draft.at, expired, causalRefs });
  const firsts = [...draft.attached, ...draft.queued, ...draft.quarantined];
  const original = firsts.find((e) => e.eventRef === event.eventRef || (event.rawEventDigest !== null && e.rawEventDigest === event.rawEventDigest));
  if (original) {
    const causal = 'receiptRef' in original && original.receiptRef ? [original.receiptRef] : [];
    const receipt = orphanReceipt(event, resolutions.discarded(), context(false, causal), draft.mintId);
    draft.discarded.push({ ...event, duplicateOf: original.seq, receiptRef: receipt.id });
    draft.emitted.push({ action: 'write', contract: 'OrphanEventReceipt', document: receipt });
    return;
  }
  const known = event.sessionRef !== null && draft.sessions.some((s) => s.sessionRef === event.sessionRef);
  if (known && event.sessionRef !== null) {
    const nodeRef = mintUrn(draft.mintId, 'session-dag-node');
    draft.dag.push({ nodeRef, sessionRef: event.sessionRef, eventRef: event.eventRef, parentNodeRef: parentNodeIn(draft.dag, event.sessionRef, event.correlationKeys) });
    const attached: AttachedEvent = { ...event, attachedTo: event.sessionRef, dagNodeRef: nodeRef, via: 'session', receiptRef: null };
    draft.attached.push(attached);
    return;
  }
  const candidates = candidatesFor(draft.sessions, draft.dag, event);
  if (candidates.length === 1 && candidates[0] !== undefined) {
    recover(draft, event, candidates[0], []);
    return;
  }
  const receipt = orphanReceipt(event, resolutions.queued(candidates), context(false, []), draft.mintId);
  draft.queued.push({ ...event, candidates, receiptRef: receipt.id });
  draft.emitted.push({ action: 'write', contract: 'OrphanEventReceipt', document: receipt });
}

/** How many receptions are in each place, and whether that accounts for every one received. */
export function orphanConservation(registry: OrphanRegistry): Record<OrphanDisposition, number> & { received: number; holds: boolean } {
  const counts = { attached: registry.attached.length, queued: registry.queued.length, quarantined: registry.quarantined.length, discarded: registry.discarded.length };
  const seqs = [...registry.attached, ...registry.queued, ...registry.quarantined, ...registry.discarded].map((e) => e.seq);
  const holds = seqs.length === registry.received && new Set(seqs).size === registry.received && seqs.every((s) => s >= 0 && s < registry.received);
  return { ...counts, received: registry.received, holds };
}

export const orphanMachine: MachineDescription = {
  name: 'orphans',
  title: 'Orphan events, session registry and session DAG',
  summary:
    'States are those of one reception of an event. Emits an `OrphanEventReceipt` when an orphan is queued (and again when its candidates change), recovered, quarantined, or discarded as a duplicate; ' +
    'an event that names a registered session attaches without a receipt. Correlation keys: the named `sessionRef`, `conversationId`, `parentId` (an event already in a session\'s DAG), `workspaceRef`, `taskRef`; ' +
    'a session is a candidate when no key contradicts it and one matches it. ttl default 300 s; quarantine at `now >= expiresAt`; `now` may not go backwards.',
  emits: ['OrphanEventReceipt'],
  transitions: orphanTransitions,
  refusals: orphanRefusals,
};
