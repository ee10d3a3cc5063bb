/**
 * Capability negotiation and lifecycle: declared → requested → negotiating → available → enabled,
 * and the exits a plane's report leads to (blocked_by_policy, unsupported_by_runtime,
 * unsupported_by_server, missing_plugin, missing_schema, failed, degraded). Every accepted
 * transition emits a CapabilityLedger entry. `enabled` is reachable only from `available`, which
 * only a report set where every required plane has reported and every plane that took part says
 * supported reaches (`required-planes.ts`); a refusal from any plane moves the capability out of it
 * at once. From an exit, one plane may report again (a server that comes back) and the others'
 * reports stand; `renegotiate` clears every report instead.
 */
import type { CapabilityPlane } from '../../../generated/types/index.js';
import { ledgerOf, inPlaneOrder, planesMissing, refuseState, type CapabilityState } from './ledger.js';
import { requiredPlanesOf, type RequiredPlanes } from './required-planes.js';
import { capabilityPlanes, evaluate, planeOfRefusal, planeVerdicts, stateOfReport, type EffectiveState, type PlaneReport } from './verdicts.js';
import { CapabilityLedger } from '../../contracts.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import type { EmissionOf } from '../kernel/emission.js';
import type { MintId } from '../kernel/ids.js';
import { guarded, isRecord, optionalStringList, refuseShape } from '../kernel/input.js';
import { describeValue } from '../kernel/describe.js';
import { accept, refuse, type Outcome, refuseNow } from '../kernel/outcome.js';
import { capabilityRefusals, type CapabilityRefusalCode } from './refusals.js';
import { readInstant, type Rfc3339 } from '../kernel/time.js';
import { allows, type MachineDescription, type TransitionRow } from '../kernel/transition-table.js';

export type { CapabilityState } from './ledger.js';
export type CapabilityEvent = 'declare' | 'request' | 'negotiate' | 'report' | 'enable' | 'disable' | 'renegotiate' | 'negotiate_at_once';

/** The states a negotiation can end in other than agreement. */
const exits: readonly EffectiveState[] = [...planeOfRefusal.keys(), 'failed', 'degraded'];
const states = (...list: EffectiveState[]): EffectiveState[] => list;
const row = (from: EffectiveState | null, to: EffectiveState, event: CapabilityEvent): TransitionRow<EffectiveState, CapabilityEvent> => ({ from, to, event });

export const capabilityTransitions: readonly TransitionRow<EffectiveState, CapabilityEvent>[] = [
  row(null, 'declared', 'declare'),
  row('declared', 'requested', 'request'),
  row('requested', 'negotiating', 'negotiate'),
  ...(['negotiating', 'available'] as const).flatMap((from) => states('negotiating', 'available', ...exits).map((to) => row(from, to, 'report'))),
  ...states('enabled', 'negotiating', ...exits).map((to) => row('enabled', to, 'report')),
  ...exits.flatMap((from) => states('negotiating', 'available', ...exits).map((to) => row(from, to, 'report'))),
  row('available', 'enabled', 'enable'),
  row('enabled', 'available', 'disable'),
  ...exits.map((from) => row(from, 'negotiating', 'renegotiate')),
  ...states('enabled', 'negotiating', ...exits).map((to) => row(null, to, 'negotiate_at_once')),
];

export type CapabilityOutcome = Outcome<CapabilityState, CapabilityRefusalCode, object, EmissionOf<'CapabilityLedger'>>;

/** What is known when a capability is declared. */
export interface CapabilityDeclaration {
  readonly capabilityRef: string;
  readonly declaredBy: readonly CapabilityPlane[];
  readonly policyDecisionRef: string;
  /** Evidence of the declaration (URNs or sha256 digests), at least one. */
  readonly evidenceRefs: readonly string[];
  readonly sessionRef?: string | null;
  readonly agentMachineReceiptRef?: string | null;
  readonly ownerRefs?: readonly string[];
  /** The planes whose agreement the capability needs: default runtime, server and policy; `'all'`: every negotiating plane. */
  readonly requiredPlanes?: RequiredPlanes;
}

const unknownPlane = (planes: readonly unknown[]): unknown => planes.find((p) => !capabilityPlanes.includes(p as CapabilityPlane));

function checkReport(report: PlaneReport): CapabilityOutcome | null {
  if (!isRecord(report)) return refuse('capability/invalid-input', `a report must be an object, not ${describeValue(report)}`);
  if (optionalStringList(report.evidenceRefs) === null) return refuse('capability/invalid-input', 'a report\'s evidenceRefs must be a list of strings');
  if (report.reason !== undefined && report.reason !== null && typeof report.reason !== 'string') return refuse('capability/invalid-input', 'a report\'s reason must be a string');
  if (!capabilityPlanes.includes(report.plane)) return refuse('capability/unknown-plane', `${describeValue(report.plane)} is not a plane`);
  if (!planeVerdicts.includes(report.verdict)) return refuse('capability/unknown-verdict', `${describeValue(report.verdict)} is not a verdict (${planeVerdicts.join(', ')})`);
  if (stateOfReport(report) === null) {
    return refuse('capability/verdict-not-of-plane', `${report.verdict} is the ${planeOfRefusal.get(report.verdict as never) ?? 'other'} plane's verdict, not the ${report.plane} plane's`);
  }
  return null;
}

/** Moves to `next` by `event` when the table allows it, emitting the ledger entry of `next`. */
function step(from: EffectiveState | null, event: CapabilityEvent, next: CapabilityState, now: Rfc3339, mintId: MintId): CapabilityOutcome {
  if (typeof mintId !== 'function') return refuse('capability/invalid-input', 'mintId must be a function');
  const at = readInstant(now);
  if (at === null) return refuseNow('capability/invalid-now', now);
  if (!allows(capabilityTransitions, from, event)) {
    if (event === 'enable') return refuse('capability/not-available', `cannot enable a capability that is ${from}: not every plane agrees`);
    return refuse('capability/transition-not-allowed', `${event} is not allowed when the capability is ${from ?? 'not declared'}`);
  }
  const ledger = ledgerOf(next, at, mintId);
  const emission = { action: 'write', contract: 'CapabilityLedger', document: ledger } as const;
  return refuseInvalid('capability/invalid-input', CapabilityLedger, [emission]) ?? accept({ ...next, ledgerRef: ledger.id }, [emission]);
}

function initialState(declaration: CapabilityDeclaration): CapabilityState | CapabilityOutcome {
  const shape = refuseShape('capability/invalid-input', 'a declaration', declaration, ['declaredBy', 'evidenceRefs', 'ownerRefs']);
  if (shape) return shape;
  const required = declaration.requiredPlanes;
  if (required !== undefined && required !== 'all' && !Array.isArray(required)) return refuse('capability/invalid-input', 'requiredPlanes must be a list of planes or "all"');
  const stray = unknownPlane([...(declaration.declaredBy ?? []), ...requiredPlanesOf(required)]);
  if (stray !== undefined) return refuse('capability/unknown-plane', `${describeValue(stray)} is not a plane`);
  return {
    capabilityRef: declaration.capabilityRef,
    sessionRef: declaration.sessionRef ?? null,
    agentMachineReceiptRef: declaration.agentMachineReceiptRef ?? null,
    ownerRefs: [...(declaration.ownerRefs ?? [])],
    policyDecisionRef: declaration.policyDecisionRef,
    evidenceRefs: [...(declaration.evidenceRefs ?? [])],
    declaredBy: inPlaneOrder(declaration.declaredBy ?? []),
    requiredPlanes: inPlaneOrder(requiredPlanesOf(required)),
    requestedBy: null,
    effectiveState: 'declared',
    reports: [],
    ledgerRef: null,
  };
}

const isOutcome = (value: CapabilityState | CapabilityOutcome): value is CapabilityOutcome => 'ok' in value;

/** The state a set of reports leads to: agreement only once no required plane is missing (`agreed`: available or enabled). */
function effectiveOf(state: CapabilityState, reports: readonly PlaneReport[], agreed: EffectiveState): EffectiveState {
  const { outcome } = evaluate(reports);
  if (outcome !== 'agreed') return outcome;
  return planesMissing({ ...state, reports }).length ? 'negotiating' : agreed;
}

/** A capability is declared by one or more planes. */
export const declareCapability = guarded('capability/invalid-input', (declaration: CapabilityDeclaration, now: Rfc3339, mintId: MintId): CapabilityOutcome => {
  const state = initialState(declaration);
  return isOutcome(state) ? state : step(null, 'declare', state, now, mintId);
});

/** A plane (user, agent, ui, ...) asks for the declared capability. */
export const requestCapability = guarded('capability/invalid-input', (state: CapabilityState, by: CapabilityPlane, now: Rfc3339, mintId: MintId): CapabilityOutcome => {
  const bad = refuseState(state);
  if (bad) return bad;
  if (!capabilityPlanes.includes(by)) return refuse('capability/unknown-plane', `${describeValue(by)} is not a plane`);
  return step(state.effectiveState, 'request', { ...state, requestedBy: by, effectiveState: 'requested' }, now, mintId);
});

/** Opens the negotiation: the planes may now report. */
export const openNegotiation = guarded('capability/invalid-input', (state: CapabilityState, now: Rfc3339, mintId: MintId): CapabilityOutcome =>
  refuseState(state) ?? step(state.effectiveState, 'negotiate', { ...state, effectiveState: 'negotiating' }, now, mintId));

/**
 * One plane reports (replacing its earlier report, keeping the others'); the effective state is
 * recomputed. From an exit too: a plane that comes back reports again without clearing the others.
 */
export const reportPlane = guarded('capability/invalid-input', (state: CapabilityState, report: PlaneReport, now: Rfc3339, mintId: MintId): CapabilityOutcome => {
  const bad = refuseState(state) ?? checkReport(report);
  if (bad) return bad;
  const reports = [...state.reports.filter((r) => r.plane !== report.plane), report].sort(
    (a, b) => capabilityPlanes.indexOf(a.plane) - capabilityPlanes.indexOf(b.plane),
  );
  const agreed = state.effectiveState === 'enabled' ? 'enabled' : 'available';
  return step(state.effectiveState, 'report', { ...state, reports, effectiveState: effectiveOf(state, reports, agreed) }, now, mintId);
});

/** Turns an available capability on. */
export const enableCapability = guarded('capability/invalid-input', (state: CapabilityState, now: Rfc3339, mintId: MintId): CapabilityOutcome =>
  refuseState(state) ?? step(state.effectiveState, 'enable', { ...state, effectiveState: 'enabled' }, now, mintId));

/** Turns an enabled capability off again (it stays available). */
export const disableCapability = guarded('capability/invalid-input', (state: CapabilityState, now: Rfc3339, mintId: MintId): CapabilityOutcome =>
  refuseState(state) ?? step(state.effectiveState, 'disable', { ...state, effectiveState: 'available' }, now, mintId));

/** Leaves an exit for a fresh negotiation: every report is cleared. */
export const renegotiateCapability = guarded('capability/invalid-input', (state: CapabilityState, now: Rfc3339, mintId: MintId): CapabilityOutcome =>
  refuseState(state) ?? step(state.effectiveState, 'renegotiate', { ...state, reports: [], effectiveState: 'negotiating' }, now, mintId));

/**
 * Declaration and every plane's report at once: `enabled` when every required plane reported and
 * every plane that reported says supported, `negotiating` while one is pending or a required plane
 * is missing, otherwise the winning refusal. One ledger entry.
 */
export const negotiateCapability = guarded('capability/invalid-input', (declaration: CapabilityDeclaration & { readonly reports: readonly PlaneReport[] }, now: Rfc3339, mintId: MintId): CapabilityOutcome => {
  const state = initialState(declaration);
  if (isOutcome(state)) return state;
  const reports = declaration.reports ?? [];
  if (!Array.isArray(reports)) return refuse('capability/invalid-input', 'reports must be a list');
  if (reports.length === 0) return refuse('capability/no-reports', 'a negotiation needs at least one plane\'s report');
  for (const report of reports) {
    const bad = checkReport(report);
    if (bad) return bad;
  }
  const duplicate = reports.find((r, i) => reports.findIndex((o) => o.plane === r.plane) !== i);
  if (duplicate) return refuse('capability/duplicate-plane', `the ${duplicate.plane} plane reported twice`);
  const sorted = [...reports].sort((a, b) => capabilityPlanes.indexOf(a.plane) - capabilityPlanes.indexOf(b.plane));
  return step(null, 'negotiate_at_once', { ...state, reports: sorted, effectiveState: effectiveOf(state, sorted, 'enabled') }, now, mintId);
});

export const capabilityMachine: MachineDescription = {
  name: 'capability',
  title: 'Capability negotiation and lifecycle',
  summary:
    'Every accepted transition emits a `CapabilityLedger` entry (new id, `causalRefs` = the previous entry). A plane reports `supported`, `pending`, `degraded`, `failed`, `unsupported` ' +
    '(its own refusal state: `unsupported_by_runtime` for runtime, `blocked_by_policy` for policy, `missing_plugin` for plugin, ...; `failed` for a plane without one) or, for its own plane only, ' +
    'one of the refusal states. Precedence: the plane refusals (policy, runtime, server, plugin, schema), then `failed`, `degraded`, `pending`; agreement only when every plane that reported says supported, ' +
    'so a UI or config "supported" never outvotes a refusal, and only once every required plane (default runtime, server, policy; `requiredPlanes: \'all\'`: the eight negotiating planes) has reported: ' +
    'until then the capability stays `negotiating` and its `stateReason` names the planes not heard (`missingPlanes(state)` lists them). From an exit a plane may report again, the others\' reports standing. ' +
    '`conflictRefs` names (by plane name) every plane with a decided verdict when the outcome is an exit, and is empty otherwise.',
  emits: ['CapabilityLedger'],
  transitions: capabilityTransitions,
  refusals: capabilityRefusals,
};
