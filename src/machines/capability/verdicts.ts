/**
 * What one plane says about a capability, and the effective state of all of them. A capability is
 * agreed only when every plane that took part says `supported`; any plane that says otherwise wins
 * with its verdict (a UI or config "supported" never outvotes a refusal), in a fixed precedence:
 * the refusals the schema ties to a plane (policy, runtime, server, plugin, schema: the order of
 * `rule/capability-verdict-names-plane`), then `failed`, `degraded`, and `pending` (still negotiating).
 */
import { capabilityLedgerDefinition } from '../../../generated/definitions/capability-ledger.js';
import type { CapabilityLedger, CapabilityPlane } from '../../../generated/types/index.js';
import { resolvePointer } from '../../json-pointer.js';
import { schemaEnum } from '../../rules/schema-values.js';
import { guarded, isRecord, optionalStringList } from '../kernel/input.js';
import { refuse } from '../kernel/outcome.js';

export type EffectiveState = CapabilityLedger['effectiveState'];
/** The states the schema ties to the one plane that may give them (`blocked_by_policy` → policy, ...). */
export type PlaneRefusalState = Extract<EffectiveState, `${'blocked' | 'unsupported' | 'missing'}_${string}`>;
/** What a plane says: it supports the capability, is still negotiating, or refuses, fails or degrades it. */
export type PlaneVerdict = 'supported' | 'pending' | 'degraded' | 'failed' | 'unsupported' | PlaneRefusalState;

/** One plane's report. */
export interface PlaneReport {
  readonly plane: CapabilityPlane;
  readonly verdict: PlaneVerdict;
  /** A sentence for people: why the plane says so. */
  readonly reason?: string | null;
  /** Evidence of the report (URNs or sha256 digests). */
  readonly evidenceRefs?: readonly string[];
}

const schema = capabilityLedgerDefinition.schema;
/** The planes, in the schema's order (also the order planes are listed in a ledger). */
export const capabilityPlanes: readonly CapabilityPlane[] = schemaEnum<CapabilityPlane>(schema, '/$defs/plane/enum');
export const effectiveStates: readonly EffectiveState[] = schemaEnum<EffectiveState>(schema, '/properties/effectiveState/enum');

/** The refusal states and the plane each belongs to, read from the schema's rule `rule/capability-verdict-names-plane`. */
export const planeOfRefusal: ReadonlyMap<PlaneRefusalState, CapabilityPlane> = (() => {
  const rules = (resolvePointer(schema, '/allOf') ?? []) as Record<string, unknown>[];
  const rule = rules.find((r) => (r['x-sourceos-rule'] as { code?: string } | undefined)?.code === 'rule/capability-verdict-names-plane');
  const pairs = ((rule?.allOf ?? []) as unknown[]).map((branch) => [
    resolvePointer(branch, '/if/properties/effectiveState/const') as PlaneRefusalState,
    resolvePointer(branch, '/then/properties/negotiatedBy/contains/const') as CapabilityPlane,
  ] as const);
  return new Map(pairs.filter(([state, plane]) => effectiveStates.includes(state) && capabilityPlanes.includes(plane)));
})();

const refusalOfPlane = new Map([...planeOfRefusal].map(([state, plane]) => [plane, state]));

/** Every verdict a plane may give. */
export const planeVerdicts: readonly PlaneVerdict[] = ['supported', 'pending', 'degraded', 'failed', 'unsupported', ...planeOfRefusal.keys()];

/** Winners first. */
const precedence: readonly EffectiveState[] = [...planeOfRefusal.keys(), 'failed', 'degraded', 'negotiating'];

/**
 * The state a report stands for: `agreed` for supported; `unsupported` becomes the plane's own
 * refusal state (`unsupported_by_runtime` for runtime, `blocked_by_policy` for policy, ...) or
 * `failed` for a plane without one (transport, ui, ...). Null when the verdict is another plane's
 * (only the policy plane may say `blocked_by_policy`) or is no verdict at all.
 */
export function stateOfReport(report: PlaneReport): EffectiveState | 'agreed' | null {
  switch (report.verdict) {
    case 'supported':
      return 'agreed';
    case 'pending':
      return 'negotiating';
    case 'degraded':
    case 'failed':
      return report.verdict;
    case 'unsupported':
      return refusalOfPlane.get(report.plane) ?? 'failed';
    default:
      return planeOfRefusal.get(report.verdict) === report.plane ? report.verdict : null;
  }
}

/** The outcome of a set of reports (one a plane). */
export interface Evaluation {
  /** `agreed` when every plane said supported; `negotiating` when none refused but one is pending (or none reported). */
  readonly outcome: EffectiveState | 'agreed';
  /** The report whose verdict won, for a refusal, failure or degradation. */
  readonly winner: PlaneReport | null;
  /**
   * The planes in conflict: when the negotiation ended in neither agreement nor waiting, every plane
   * that gave a decided verdict (the ones that refused and the ones they overruled); otherwise none.
   */
  readonly conflictPlanes: readonly CapabilityPlane[];
}

const planeOrder = (a: PlaneReport, b: PlaneReport): number => capabilityPlanes.indexOf(a.plane) - capabilityPlanes.indexOf(b.plane);

/** Evaluates reports whose verdicts are each their plane's own (see `reportState`). */
export function evaluate(reports: readonly PlaneReport[]): Evaluation {
  const sorted = [...reports].sort(planeOrder);
  const states = sorted.map((r) => [r, stateOfReport(r) ?? 'failed'] as const);
  for (const state of precedence) {
    const winner = states.find(([, s]) => s === state)?.[0];
    if (!winner) continue;
    if (state === 'negotiating') return { outcome: 'negotiating', winner: null, conflictPlanes: [] };
    const conflictPlanes = states.filter(([, s]) => s !== 'negotiating').map(([r]) => r.plane);
    return { outcome: state, winner, conflictPlanes };
  }
  return { outcome: sorted.length ? 'agreed' : 'negotiating', winner: null, conflictPlanes: [] };
}

/** The state a report stands for (see `stateOfReport`); never throws: `capability/invalid-input` for a report that is not an object or whose evidenceRefs is not a list. */
export const reportState = guarded('capability/invalid-input', (report: PlaneReport) =>
  isRecord(report) && optionalStringList(report.evidenceRefs) ? stateOfReport(report) : refuse('capability/invalid-input', 'a report must be an object with a list of evidenceRefs'));

/** The outcome of a set of reports (see `evaluate`); never throws: `capability/invalid-input` for anything but a list of reports. */
export const evaluateReports = guarded('capability/invalid-input', (reports: readonly PlaneReport[]) =>
  Array.isArray(reports) && reports.every(isRecord) ? evaluate(reports as never) : refuse('capability/invalid-input', 'reports must be a list of reports'));
