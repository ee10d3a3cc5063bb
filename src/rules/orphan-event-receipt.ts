import type { Rule } from './rule.js';

/** The rules of OrphanEventReceipt that JSON Schema cannot say (the others are in its schema). */
export const orphanEventReceiptRules: readonly Rule<'OrphanEventReceipt'>[] = [];
