// Capability negotiation: planes report, a ledger records the effective state.
export * from './verdicts.js';
export * from './machine.js';
export { capabilityRefusals, type CapabilityRefusalCode } from './refusals.js';
