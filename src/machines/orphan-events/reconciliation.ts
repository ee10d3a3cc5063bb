/**
 * The registry's state and the work every command shares: quarantine what has expired, recover
 * queued events that match one session, and keep the candidates of the others up to date.
 * A command works on a draft (copies of the registry's lists) and commits it only if every receipt
 * it emits validates, so a refused command leaves the caller's registry as it was.
 */
import { OrphanEventReceipt } from '../../contracts.js';
import type { EmissionOf } from '../kernel/emission.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { candidatesFor, parentNodeIn, type DagNode, type SessionRecord } from './matching.js';
import { orphanReceipt, resolutions, type ReceivedEvent } from './receipts.js';
import type { UnreadableEvent } from './intake.js';
import type { OrphanRefusalCode } from './refusals.js';
import { accept, refuse, type Outcome, refuseNow } from '../kernel/outcome.js';
import { readInstant, timestamp, type EpochSeconds, type Rfc3339 } from '../kernel/time.js';

export interface AttachedEvent extends ReceivedEvent {
  readonly attachedTo: string;
  readonly dagNodeRef: string;
  /** `session`: it named a registered session; `reconciliation`: it was recovered from the orphan queue. */
  readonly via: 'session' | 'reconciliation';
  /** The recovered receipt, for a recovered event. */
  readonly receiptRef: string | null;
}
export interface QueuedEvent extends ReceivedEvent {
  /** The sessions its keys matched at the last reconciliation (two or more: ambiguous). */
  readonly candidates: readonly string[];
  readonly receiptRef: string;
}
export interface QuarantinedEvent extends ReceivedEvent {
  readonly candidates: readonly string[];
  readonly quarantinedAt: string;
  readonly receiptRef: string;
}
export interface DiscardedEvent extends ReceivedEvent {
  /** The `seq` of the reception it repeats. */
  readonly duplicateOf: number;
  readonly receiptRef: string;
}

export interface OrphanRegistry {
  readonly policyDecisionRef: string;
  readonly ttlSeconds: number;
  /** The `now` of the last command (normalised), or null before the first. */
  readonly now: string | null;
  /** How many events were received, duplicates included. */
  readonly received: number;
  readonly sessions: readonly SessionRecord[];
  readonly dag: readonly DagNode[];
  readonly attached: readonly AttachedEvent[];
  readonly queued: readonly QueuedEvent[];
  readonly quarantined: readonly QuarantinedEvent[];
  readonly discarded: readonly DiscardedEvent[];
  /** Events no valid receipt could describe, held with the reason (absent in a registry built before there were any). */
  readonly unreadable?: readonly UnreadableEvent[];
}

type Mutable<T> = { -readonly [K in keyof T]-?: NonNullable<T[K]> extends readonly (infer U)[] ? U[] : T[K] };

/** A command in progress. */
export interface Draft extends Mutable<OrphanRegistry> {
  readonly at: EpochSeconds;
  readonly mintId: MintId;
  readonly emitted: EmissionOf<'OrphanEventReceipt'>[];
}

/** Starts a command at `now`: checks the time and quarantines every queued event whose ttl has run out. */
export function beginCommand(registry: OrphanRegistry, now: Rfc3339, mintId: MintId): Draft | Outcome<OrphanRegistry, OrphanRefusalCode, object, EmissionOf<'OrphanEventReceipt'>> {
  const at = readInstant(now);
  if (at === null) return refuseNow('orphans/invalid-now', now);
  const last = registry.now === null ? null : readInstant(registry.now);
  if (last !== null && at < last) return refuse('orphans/time-went-backwards', `now ${now} is before the registry's last command at ${registry.now}`);
  const draft: Draft = {
    ...registry,
    now: timestamp(at),
    sessions: [...registry.sessions],
    dag: [...registry.dag],
    attached: [...registry.attached],
    queued: [],
    quarantined: [...registry.quarantined],
    discarded: [...registry.discarded],
    unreadable: [...(registry.unreadable ?? [])],
    at,
    mintId,
    emitted: [],
  };
  for (const event of registry.queued) {
    if ((readInstant(event.expiresAt) ?? at) > at) {
      draft.queued.push(event);
      continue;
    }
    const quarantinedAt = timestamp(at);
    const context = { policyDecisionRef: registry.policyDecisionRef, at, expired: true, causalRefs: [event.receiptRef] };
    const receipt = orphanReceipt(event, resolutions.quarantined(event.candidates, quarantinedAt), context, mintId);
    draft.quarantined.push({ ...event, quarantinedAt, receiptRef: receipt.id });
    draft.emitted.push({ action: 'write', contract: 'OrphanEventReceipt', document: receipt });
  }
  return draft;
}

/** Attaches an orphan to its one candidate session as a new DAG node, with a recovered receipt. */
export function recover(draft: Draft, event: ReceivedEvent, sessionRef: string, causalRefs: readonly string[]): void {
  const nodeRef = mintUrn(draft.mintId, 'session-dag-node');
  draft.dag.push({ nodeRef, sessionRef, eventRef: event.eventRef, parentNodeRef: parentNodeIn(draft.dag, sessionRef, event.correlationKeys) });
  const context = { policyDecisionRef: draft.policyDecisionRef, at: draft.at, expired: false, causalRefs };
  const receipt = orphanReceipt(event, resolutions.recovered(sessionRef, nodeRef, timestamp(draft.at)), context, draft.mintId);
  draft.attached.push({ ...event, attachedTo: sessionRef, dagNodeRef: nodeRef, via: 'reconciliation', receiptRef: receipt.id });
  draft.emitted.push({ action: 'write', contract: 'OrphanEventReceipt', document: receipt });
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Reconciles the queue until nothing changes: one candidate → recovered; new candidates → a fresh queued receipt. */
export function applyReconciliation(draft: Draft): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const event of [...draft.queued]) {
      const candidates = candidatesFor(draft.sessions, draft.dag, event);
      if (candidates.length === 1 && candidates[0] !== undefined) {
        draft.queued.splice(draft.queued.indexOf(event), 1);
        recover(draft, event, candidates[0], [event.receiptRef]);
        changed = true;
      } else if (!sameList(candidates, event.candidates)) {
        const context = { policyDecisionRef: draft.policyDecisionRef, at: draft.at, expired: false, causalRefs: [event.receiptRef] };
        const receipt = orphanReceipt(event, resolutions.queued(candidates), context, draft.mintId);
        draft.queued.splice(draft.queued.indexOf(event), 1, { ...event, candidates, receiptRef: receipt.id });
        draft.emitted.push({ action: 'write', contract: 'OrphanEventReceipt', document: receipt });
      }
    }
  }
}

/** Ends a command: accepted with the draft as the new registry when every receipt validates. */
export function finishCommand(draft: Draft): Outcome<OrphanRegistry, OrphanRefusalCode, object, EmissionOf<'OrphanEventReceipt'>> {
  const invalid = refuseInvalid('orphans/invalid-input', OrphanEventReceipt, draft.emitted);
  if (invalid) return invalid;
  const { at: _at, mintId: _mintId, emitted, ...registry } = draft;
  return accept(registry, emitted);
}
