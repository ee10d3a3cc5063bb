/** The OrphanEventReceipt of an event at one moment of its life. */
import type { CorrelationKeys, OrphanEventReceipt, SessionResolution } from '../../../generated/types/index.js';
import { SPEC_VERSION, unique } from '../kernel/conventions.js';
import type { NormalisedRef } from './intake.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { timestamp, type EpochSeconds } from '../kernel/time.js';

/** An event as received. */
export interface ReceivedEvent {
  /** Order of receipt, from 0: the identity of one reception (a duplicate has its own). */
  readonly seq: number;
  /** A URN; normalised from a raw id when one was given (see `intake.ts`). */
  readonly eventRef: string;
  readonly eventClass: OrphanEventReceipt['eventClass'];
  /** The session the event names, or null. */
  readonly sessionRef: string | null;
  readonly rawEventDigest: string | null;
  readonly correlationKeys: CorrelationKeys;
  readonly evidenceRefs: readonly string[];
  readonly observedAt: string;
  /** When it stops waiting: observedAt + the registry's ttl. */
  readonly expiresAt: string;
  /** The refs given as raw ids and normalised into URNs, with the raw values (absent when none were). */
  readonly normalisedFrom?: readonly NormalisedRef[];
}

const NOTHING_RESOLVED = { recoveredSessionRef: null, recoveredDagNodeRef: null, reconciledAt: null, quarantinedAt: null } as const;

/** The resolution of each receipt state. */
export const resolutions = {
  queued: (candidates: readonly string[]): SessionResolution => ({ state: 'queued', candidateSessionRefs: [...candidates], ...NOTHING_RESOLVED }),
  recovered: (sessionRef: string, nodeRef: string, at: string): SessionResolution => ({
    ...NOTHING_RESOLVED,
    state: 'recovered',
    candidateSessionRefs: [sessionRef],
    recoveredSessionRef: sessionRef,
    recoveredDagNodeRef: nodeRef,
    reconciledAt: at,
  }),
  quarantined: (candidates: readonly string[], at: string): SessionResolution => ({ ...NOTHING_RESOLVED, state: 'quarantined', candidateSessionRefs: [...candidates], quarantinedAt: at }),
  discarded: (): SessionResolution => ({ state: 'discarded_duplicate', candidateSessionRefs: [], ...NOTHING_RESOLVED }),
};

/** A receipt with a new id, written at `at`. `causalRefs`: the receipts before it. */
export function orphanReceipt(
  event: ReceivedEvent,
  resolution: SessionResolution,
  context: { policyDecisionRef: string; at: EpochSeconds; expired: boolean; causalRefs: readonly string[] },
  mintId: MintId,
): OrphanEventReceipt {
  const hasKeys = Object.keys(event.correlationKeys).length > 0;
  return {
    id: mintUrn(mintId, 'receipt:orphan-event'),
    type: 'OrphanEventReceipt',
    specVersion: SPEC_VERSION,
    eventRef: event.eventRef,
    eventClass: event.eventClass,
    observedAt: event.observedAt,
    ...(event.rawEventDigest ? { rawEventDigest: event.rawEventDigest } : {}),
    sessionResolution: resolution,
    ttl: { expiresAt: event.expiresAt, expired: context.expired },
    ...(hasKeys ? { correlationKeys: { ...event.correlationKeys } } : {}),
    causalRefs: [...context.causalRefs],
    policyDecisionRef: context.policyDecisionRef,
    evidenceRefs: unique([event.rawEventDigest ?? event.eventRef, ...event.evidenceRefs]),
    capturedAt: timestamp(context.at),
  };
}
