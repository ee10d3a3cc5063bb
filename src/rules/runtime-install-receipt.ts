import type { Rule } from './rule.js';

/** The rules of RuntimeInstallReceipt that JSON Schema cannot say (the others are in its schema). */
export const runtimeInstallReceiptRules: readonly Rule<'RuntimeInstallReceipt'>[] = [];
