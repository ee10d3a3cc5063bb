/**
 * Orphan events: a session registry with a session DAG. An event that names a registered session
 * attaches to it as a DAG node. Any other event is an orphan: recovered at once when its correlation
 * keys name exactly one session, otherwise queued for the registry's ttl (default 300 s), during
 * which every later command reconciles it (`orphan-matching.ts`); more than one candidate is
 * ambiguous and never picked. At `now >= expiresAt` it is quarantined with its candidates. The same
 * event twice (same eventRef or same rawEventDigest) is discarded as a duplicate. Every command
 * first quarantines what has expired, then acts, then reconciles the queue until nothing changes.
 * Conservation: every reception is in exactly one of attached, queued, quarantined, discarded,
 * unreadable. Refs given as raw ids are normalised into URNs at intake (`intake.ts`); an event no
 * valid receipt could describe is held in `unreadable` with the reason (an accepted transition), never dropped.
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
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord, optionalStringList, refuseShape } from '../kernel/input.js';
import { accept, refuse, type Outcome, type Refused } from '../kernel/outcome.js';
import type { Issue } from '../../issue.js';
import { normaliseRef, type NormalisedRef } from './intake.js';
import { later, timestamp, type Rfc3339 } from '../kernel/time.js';
import type { MachineDescription, TransitionRow } from '../kernel/transition-table.js';
import { isUrnOf } from '../kernel/urns.js';

export type { OrphanRegistry, AttachedEvent, QueuedEvent, QuarantinedEvent, DiscardedEvent } from './reconciliation.js';
export type { SessionRecord, DagNode } from './matching.js';
export type { NormalisedRef, UnreadableEvent } from './intake.js';
export { orphanRefusals, type OrphanRefusalCode } from './refusals.js';

/** Where one reception stands. */
export type OrphanDisposition = 'attached' | 'queued' | 'quarantined' | 'discarded' | 'unreadable';
export type OrphanEvent = 'receive_known_session' | 'receive_recoverable' | 'receive_orphan' | 'receive_duplicate' | 'receive_unreadable' | 'reconcile_one' | 'reconcile_none_or_many' | 'ttl_expire';

export const orphanTransitions = [
  { from: null, to: 'attached', event: 'receive_known_session' },
  { from: null, to: 'attached', event: 'receive_recoverable' },
  { from: null, to: 'queued', event: 'receive_orphan' },
  { from: null, to: 'discarded', event: 'receive_duplicate' },
  { from: null, to: 'unreadable', event: 'receive_unreadable' },
  { from: 'queued', to: 'attached', event: 'reconcile_one' },
  { from: 'queued', to: 'queued', event: 'reconcile_none_or_many' },
  { from: 'queued', to: 'quarantined', event: 'ttl_expire' },
] as const satisfies readonly TransitionRow<OrphanDisposition, OrphanEvent>[];

/** An accepted reception of an event no valid receipt could describe says so: `unreadable` with the reason. */
export type OrphanOutcome = Outcome<OrphanRegistry, OrphanRefusalCode, { readonly unreadable?: { readonly reason: string; readonly issues: readonly Issue[] } }, EmissionOf<'OrphanEventReceipt'>>;

/** An event as it arrives. */
export interface IncomingEvent {
  /** A urn:srcos:event: URN, or a raw id (normalised into one). */
  readonly eventRef: string;
  readonly eventClass: OrphanEventReceipt['eventClass'];
  /** The session the event names, if any: a URN or a raw id (normalised into one). */
  readonly sessionRef?: string | null;
  readonly rawEventDigest?: string | null;
  readonly correlationKeys?: CorrelationKeys;
  /** Evidence to carry in its receipts (URNs or sha256 digests). */
  readonly evidenceRefs?: readonly string[];
}

/** An empty registry. */
export const createOrphanRegistry = guarded('orphans/invalid-input', (options: { policyDecisionRef: string; ttlSeconds?: number }): OrphanOutcome => {
  const shape = refuseShape('orphans/invalid-input', 'the registry options', options);
  if (shape) return shape;
  const { policyDecisionRef, ttlSeconds = DEFAULT_ORPHAN_TTL_SECONDS } = options;
  if (!isWholeAtLeast(ttlSeconds, 1)) return refuse('orphans/invalid-ttl', `ttlSeconds ${describeValue(ttlSeconds)} is not a whole number ≥ 1`);
  if (!isUrnOf('decision', policyDecisionRef)) return refuse('orphans/invalid-input', `policyDecisionRef ${describeValue(policyDecisionRef)} is not a urn:srcos:decision: URN`);
  return accept({ policyDecisionRef, ttlSeconds, now: null, received: 0, sessions: [], dag: [], attached: [], queued: [], quarantined: [], discarded: [], unreadable: [] });
});

/** Null when `registry` is one a transition returned; otherwise the refusal. */
const refuseRegistry = (registry: unknown): Refused<OrphanRefusalCode> | null => {
  const lists = ['sessions', 'dag', 'attached', 'queued', 'quarantined', 'discarded'];
  const ok = isRecord(registry) && lists.every((l) => Array.isArray(registry[l])) && (registry.unreadable === undefined || Array.isArray(registry.unreadable)) && isWholeAtLeast(registry.received, 0);
  return ok ? null : refuse('orphans/invalid-input', `the registry must be one a transition returned, not ${describeValue(registry)}`);
};

const nullable = (value: string | null | undefined): string | null => (value === undefined ? null : value);

/** Registers a session; queued orphans that now match it alone are recovered. */
export const registerSession = guarded('orphans/invalid-input', (
  registry: OrphanRegistry,
  session: { sessionRef: string; conversationId?: string | null; workspaceRef?: string | null; taskRef?: string | null },
  now: Rfc3339,
  mintId: MintId,
): OrphanOutcome => {
  const shape = refuseRegistry(registry) ?? refuseShape('orphans/invalid-session', 'a session', session);
  if (shape) return shape;
  if (!isUrnOf('session', session.sessionRef)) return refuse('orphans/invalid-session', `sessionRef ${describeValue(session.sessionRef)} is not a urn:srcos:session: URN`);
  const workspaceRef = nullable(session.workspaceRef);
  if (workspaceRef !== null && !isUrnOf('workspace', workspaceRef)) return refuse('orphans/invalid-session', `workspaceRef ${describeValue(workspaceRef)} is not a urn:srcos:workspace: URN`);
  for (const key of ['conversationId', 'taskRef'] as const) {
    const value = session[key];
    if (value !== undefined && value !== null && typeof value !== 'string') return refuse('orphans/invalid-session', `${key} must be a string or null`);
  }
  if (registry.sessions.some((s) => s.sessionRef === session.sessionRef)) return refuse('orphans/session-exists', `${session.sessionRef} is already registered`);
  const draft = beginCommand(registry, now, mintId);
  if ('ok' in draft) return draft;
  draft.sessions.push({ sessionRef: session.sessionRef, conversationId: nullable(session.conversationId), workspaceRef, taskRef: nullable(session.taskRef) });
  applyReconciliation(draft);
  return finishCommand(draft);
});

/** Quarantines what has expired and reconciles the queue at `now`. */
export const reconcileOrphans = guarded('orphans/invalid-input', (registry: OrphanRegistry, now: Rfc3339, mintId: MintId): OrphanOutcome => {
  const bad = refuseRegistry(registry);
  if (bad) return bad;
  const draft = beginCommand(registry, now, mintId);
  if ('ok' in draft) return draft;
  applyReconciliation(draft);
  return finishCommand(draft);
});

/**
 * Receives one event. Raw ids among its refs are normalised into URNs first (`intake.ts`); an event
 * no valid receipt could describe is held in `unreadable` with the reason: accepted, never dropped.
 */
export const receiveSessionEvent = guarded('orphans/invalid-input', (registry: OrphanRegistry, incoming: IncomingEvent, now: Rfc3339, mintId: MintId): OrphanOutcome => {
  const bad = refuseRegistry(registry) ?? (isRecord(incoming) ? null : refuse('orphans/invalid-input', `an event must be an object, not ${describeValue(incoming)}`));
  if (bad) return bad;
  const draft = beginCommand(registry, now, mintId);
  if ('ok' in draft) return draft;
  const expires = later(draft.at, registry.ttlSeconds);
  if (expires === null) return refuse('orphans/invalid-now', 'now + ttl is past year 9999');
  const { event, reason, issues } = readEvent(incoming, draft.received, draft.at, expires, registry.policyDecisionRef);
  draft.received += 1;
  if (event === null) {
    draft.unreadable.push({ seq: draft.received - 1, input: incoming, reason, observedAt: timestamp(draft.at) });
    const outcome = finishCommand(draft);
    return outcome.ok ? { ...outcome, unreadable: { reason, issues } } : outcome;
  }
  receiveInto(draft, event);
  applyReconciliation(draft);
  return finishCommand(draft);
});

/** The reception of an incoming event, or null with the reason when no valid receipt could describe it. */
function readEvent(incoming: IncomingEvent, seq: number, at: number, expires: number, policyDecisionRef: string): { event: ReceivedEvent | null; reason: string; issues: readonly Issue[] } {
  const eventRef = normaliseRef('event', incoming.eventRef);
  const session = normaliseRef('session', nullable(incoming.sessionRef));
  const keys = isRecord(incoming.correlationKeys) ? incoming.correlationKeys : {};
  const workspace = normaliseRef('workspace', keys.workspaceRef);
  const normalisedFrom: NormalisedRef[] = [];
  if (eventRef.raw !== null) normalisedFrom.push({ field: 'eventRef', raw: eventRef.raw });
  if (session.raw !== null) normalisedFrom.push({ field: 'sessionRef', raw: session.raw });
  if (workspace.raw !== null) normalisedFrom.push({ field: 'correlationKeys.workspaceRef', raw: workspace.raw });
  const sessionRef = session.value as string | null;
  if (sessionRef !== null && !isUrnOf('session', sessionRef)) return { event: null, reason: `sessionRef ${describeValue(sessionRef)} is neither a urn:srcos:session: URN nor a raw id`, issues: [] };
  const evidenceRefs = optionalStringList(incoming.evidenceRefs);
  if (evidenceRefs === null) return { event: null, reason: 'evidenceRefs is not a list of strings', issues: [] };
  if (incoming.correlationKeys !== undefined && incoming.correlationKeys !== null && !isRecord(incoming.correlationKeys)) return { event: null, reason: 'correlationKeys is not an object', issues: [] };
  const event: ReceivedEvent = {
    seq,
    eventRef: eventRef.value as string,
    eventClass: incoming.eventClass,
    sessionRef,
    rawEventDigest: nullable(incoming.rawEventDigest),
    correlationKeys: { ...keys, ...(workspace.raw !== null ? { workspaceRef: workspace.value as string } : {}) },
    evidenceRefs: [...evidenceRefs],
    observedAt: timestamp(at),
    expiresAt: timestamp(expires),
    ...(normalisedFrom.length ? { normalisedFrom } : {}),
  };
  const trial = orphanReceipt(event, resolutions.queued([]), { policyDecisionRef, at, expired: false, causalRefs: [] }, () => 'intake-check');
  const errors = emissionIssues(OrphanEventReceiptContract, { action: 'write', contract: 'OrphanEventReceipt', document: trial }).filter((i) => i.severity === 'error');
  if (errors.length) return { event: null, reason: `no valid receipt can describe the event: ${errors.map((i) => `${i.pointer} ${i.code}`).join('; ')}`, issues: errors };
  return { event, reason: '', issues: [] };
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

/** How many receptions are in each place, and whether that accounts for every one received; `orphans/invalid-input` for a registry no transition returned. */
export const orphanConservation = guarded('orphans/invalid-input', (registry: OrphanRegistry): (Record<OrphanDisposition, number> & { received: number; holds: boolean }) | Refused<OrphanRefusalCode> => {
  const bad = refuseRegistry(registry);
  if (bad) return bad;
  const unreadable = registry.unreadable ?? [];
  const counts = { attached: registry.attached.length, queued: registry.queued.length, quarantined: registry.quarantined.length, discarded: registry.discarded.length, unreadable: unreadable.length };
  const seqs = [...registry.attached, ...registry.queued, ...registry.quarantined, ...registry.discarded, ...unreadable].map((e) => e.seq);
  const holds = seqs.length === registry.received && new Set(seqs).size === registry.received && seqs.every((s) => s >= 0 && s < registry.received);
  return { ...counts, received: registry.received, holds };
});

export const orphanMachine: MachineDescription = {
  name: 'orphans',
  title: 'Orphan events, session registry and session DAG',
  summary:
    'States are those of one reception of an event. Emits an `OrphanEventReceipt` when an orphan is queued (and again when its candidates change), recovered, quarantined, or discarded as a duplicate; ' +
    'an event that names a registered session attaches without a receipt. Correlation keys: the named `sessionRef`, `conversationId`, `parentId` (an event already in a session\'s DAG), `workspaceRef`, `taskRef`; ' +
    'a session is a candidate when no key contradicts it and one matches it. ttl default 300 s; quarantine at `now >= expiresAt`; `now` may not go backwards. ' +
    'At intake a ref given as a raw id (`e-1` for `urn:srcos:event:e-1`; likewise `sessionRef` and `correlationKeys.workspaceRef`) is normalised into its URN by the kind\'s prefix, the raw value kept in ' +
    '`normalisedFrom`; an event no valid receipt could describe is `unreadable`: accepted, held in the registry\'s `unreadable` list with the reason (and reported as `unreadable` on the outcome), counted by `orphanConservation`.',
  emits: ['OrphanEventReceipt'],
  transitions: orphanTransitions,
  refusals: orphanRefusals,
};
