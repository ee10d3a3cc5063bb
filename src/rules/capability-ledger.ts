import type { Rule } from './rule.js';

/** The rules of CapabilityLedger that JSON Schema cannot say (the others are in its schema). */
export const capabilityLedgerRules: readonly Rule<'CapabilityLedger'>[] = [];
