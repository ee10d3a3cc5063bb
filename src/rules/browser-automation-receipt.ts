import type { Rule } from './rule.js';

/** The rules of BrowserAutomationReceipt that JSON Schema cannot say (the others are in its schema). */
export const browserAutomationReceiptRules: readonly Rule<'BrowserAutomationReceipt'>[] = [];
