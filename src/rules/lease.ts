import type { Rule } from './rule.js';

/** The rules of Lease that JSON Schema cannot say (the others are in its schema). */
export const leaseRules: readonly Rule<'Lease'>[] = [];
