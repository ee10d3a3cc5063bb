/**
 * The CapabilityLedger entry of a capability's state. Each emitted entry is a new document with a
 * new id whose `causalRefs` names the previous entry. `negotiatedBy` lists the planes that reported;
 * before any has, the planes that declared and requested the capability (the schema wants one).
 * `conflictRefs` holds plane names (`"ui"`, `"runtime"`): see `Evaluation.conflictPlanes`. While a
 * required plane has not reported, `stateReason` names every such plane (`Waiting for runtime,
 * policy to report.`): the schema's sentence for people on why the capability is in its state.
 */
import type { CapabilityLedger, CapabilityPlane } from '../../../generated/types/index.js';
import { capabilityPlanes, evaluate, type EffectiveState, type PlaneReport } from './verdicts.js';
import { guarded, isOptionalList, isRecord } from '../kernel/input.js';
import { refuse, type Refused } from '../kernel/outcome.js';
import { describeValue } from '../kernel/describe.js';
import { planesNotHeard, requiredPlanesOf } from './required-planes.js';
import { SPEC_VERSION, unique } from '../kernel/conventions.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { timestamp, type EpochSeconds } from '../kernel/time.js';

/** A capability as the lifecycle knows it. */
export interface CapabilityState {
  readonly capabilityRef: string;
  readonly sessionRef: string | null;
  readonly agentMachineReceiptRef: string | null;
  readonly ownerRefs: readonly string[];
  readonly policyDecisionRef: string;
  /** Evidence of the declaration; each ledger adds the reports' evidence. */
  readonly evidenceRefs: readonly string[];
  readonly declaredBy: readonly CapabilityPlane[];
  readonly requestedBy: CapabilityPlane | null;
  readonly effectiveState: EffectiveState;
  /** The planes whose agreement the capability needs (absent in a state built before they were named: the default). */
  readonly requiredPlanes?: readonly CapabilityPlane[];
  /** The current report of each plane that reported, in the schema's plane order. */
  readonly reports: readonly PlaneReport[];
  /** The id of the last ledger entry emitted. */
  readonly ledgerRef: string | null;
}

/** Planes in the schema's order, each once. */
export const inPlaneOrder = (planes: Iterable<CapabilityPlane>): CapabilityPlane[] =>
  unique(planes).sort((a, b) => capabilityPlanes.indexOf(a) - capabilityPlanes.indexOf(b));

const list = (planes: readonly CapabilityPlane[]): string => planes.join(', ');

/** The required planes of a capability that have not reported yet: until there are none, it is not available. */
export const planesMissing = (state: CapabilityState): CapabilityPlane[] => planesNotHeard(requiredPlanesOf(state.requiredPlanes), state.reports ?? []);

/** Null when `state` is a capability state a transition can read (its lists are lists); otherwise the refusal. */
export function refuseState(state: unknown): Refused<'capability/invalid-input'> | null {
  if (!isRecord(state) || !['reports', 'declaredBy', 'evidenceRefs', 'ownerRefs'].every((l) => Array.isArray(state[l])) || state.requiredPlanes === null || !isOptionalList(state.requiredPlanes)) {
    return refuse('capability/invalid-input', `the capability state must be one a transition returned, not ${describeValue(state)}`);
  }
  return null;
}

/** `planesMissing`, never throwing: `capability/invalid-input` for a state no transition returned. */
export const missingPlanes = guarded('capability/invalid-input', (state: CapabilityState) => refuseState(state) ?? planesMissing(state));

function stateReason(state: CapabilityState): string {
  const evaluation = evaluate(state.reports);
  const reporters = list(state.reports.map((r) => r.plane));
  switch (state.effectiveState) {
    case 'declared':
      return `Declared by ${list(state.declaredBy)}; not requested yet.`;
    case 'requested':
      return `Requested by ${state.requestedBy ?? list(state.declaredBy)}; negotiation not opened yet.`;
    case 'negotiating': {
      const pending = state.reports.filter((r) => r.verdict === 'pending').map((r) => r.plane);
      const missing = planesMissing(state);
      const parts = [...(pending.length ? [`Waiting for ${list(pending)} to decide.`] : []), ...(missing.length ? [`Waiting for ${list(missing)} to report.`] : [])];
      return parts.length ? parts.join(' ') : 'Negotiation opened; no plane has reported yet.';
    }
    case 'available':
      return `Every plane that took part agreed (${reporters}); not enabled yet.`;
    case 'enabled':
      return `Every plane that took part agreed (${reporters}).`;
    default: {
      const winner = evaluation.winner;
      if (winner?.reason && winner.reason.trim() !== '') return winner.reason;
      const overruled = evaluation.conflictPlanes.filter((p) => p !== winner?.plane);
      const tail = overruled.length ? `; it overrules ${list(overruled)}` : '';
      return `The ${winner?.plane ?? 'negotiating'} plane reported ${winner?.verdict ?? state.effectiveState}${tail}.`;
    }
  }
}

/** The ledger entry of a state at `at`, with a new id. */
export function ledgerOf(state: CapabilityState, at: EpochSeconds, mintId: MintId): CapabilityLedger {
  const evaluation = evaluate(state.reports);
  const participants = [...state.declaredBy, ...(state.requestedBy ? [state.requestedBy] : [])];
  const negotiatedBy = inPlaneOrder(state.reports.length ? state.reports.map((r) => r.plane) : participants);
  const settled = ['declared', 'requested', 'negotiating', 'available', 'enabled'].includes(state.effectiveState);
  return {
    id: mintUrn(mintId, 'capability-ledger'),
    type: 'CapabilityLedger',
    specVersion: SPEC_VERSION,
    capabilityRef: state.capabilityRef,
    sessionRef: state.sessionRef,
    agentMachineReceiptRef: state.agentMachineReceiptRef,
    declaredBy: inPlaneOrder(state.declaredBy),
    negotiatedBy,
    effectiveState: state.effectiveState,
    stateReason: stateReason(state),
    ownerRefs: [...state.ownerRefs],
    conflictRefs: settled ? [] : [...evaluation.conflictPlanes],
    causalRefs: state.ledgerRef ? [state.ledgerRef] : [],
    policyDecisionRef: state.policyDecisionRef,
    evidenceRefs: unique([...state.evidenceRefs, ...state.reports.flatMap((r) => r.evidenceRefs ?? [])]),
    capturedAt: timestamp(at),
  };
}
