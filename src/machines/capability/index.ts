// Capability negotiation: planes report, a ledger records the effective state.
export { capabilityPlanes, effectiveStates, evaluateReports, planeOfRefusal, planeVerdicts, reportState, type EffectiveState, type Evaluation, type PlaneRefusalState, type PlaneReport, type PlaneVerdict } from './verdicts.js';
export * from './machine.js';
export { capabilityRefusals, type CapabilityRefusalCode } from './refusals.js';
export { missingPlanes } from './ledger.js';
export { allNegotiatingPlanes, defaultRequiredPlanes, type RequiredPlanes } from './required-planes.js';
