import type { Rule } from './rule.js';

/** The rules of Signal that JSON Schema cannot say (the others are in its schema). */
export const signalRules: readonly Rule<'Signal'>[] = [];
