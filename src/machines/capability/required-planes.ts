/**
 * The planes whose agreement a capability needs. A capability is `available` (and so can be
 * `enabled`) only when every required plane has reported `supported`; while one has not reported,
 * the negotiation is still open (`negotiating`), whatever the planes that did report say, so a UI
 * and a config "supported" never stand in for a runtime, server or policy that was never heard.
 * The default is runtime, server and policy; `'all'` asks for every negotiating plane (the eight
 * planes of the estate's ledgers: config, ui, runtime, server, plugin, policy, schema, transport);
 * the actors user, agent and workspace declare and request, they do not negotiate.
 */
import type { CapabilityPlane } from '../../../generated/types/index.js';
import type { PlaneReport } from './verdicts.js';

/** The planes a capability needs by default. */
export const defaultRequiredPlanes: readonly CapabilityPlane[] = ['runtime', 'server', 'policy'];

/** Every negotiating plane: what `requiredPlanes: 'all'` stands for. */
export const allNegotiatingPlanes: readonly CapabilityPlane[] = ['config', 'ui', 'runtime', 'server', 'plugin', 'policy', 'schema', 'transport'];

/** What a caller may say: a list of planes, or `'all'`; omitted, the default. */
export type RequiredPlanes = readonly CapabilityPlane[] | 'all';

/** The required planes a caller's choice stands for. */
export const requiredPlanesOf = (choice: RequiredPlanes | undefined): readonly CapabilityPlane[] =>
  choice === undefined ? defaultRequiredPlanes : choice === 'all' ? allNegotiatingPlanes : choice;

/** The required planes that have not reported yet, in the order given. */
export const planesNotHeard = (required: readonly CapabilityPlane[], reports: readonly PlaneReport[]): CapabilityPlane[] =>
  required.filter((plane) => !reports.some((r) => r.plane === plane));
