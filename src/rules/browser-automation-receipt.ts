import { defineRule, type Rule } from './rule.js';
import { orderFindings } from './time-order.js';

/** revokedAt and capturedAt are not before startedAt. */
export const browserTimeOrder = defineRule({
  code: 'rule/browser-time-order',
  contract: 'BrowserAutomationReceipt',
  severity: 'error',
  statement: 'revokedAt and capturedAt are not before startedAt (equal is allowed).',
  why: 'A session revoked or reported before it started contradicts itself: its timeline cannot be replayed or audited.',
  check: (doc) => {
    const started = { pointer: '/startedAt', value: doc.startedAt };
    return [
      ...orderFindings(started, { pointer: '/revokedAt', value: doc.revokedAt }),
      ...orderFindings(started, { pointer: '/capturedAt', value: doc.capturedAt }),
    ];
  },
});

/** The rules of BrowserAutomationReceipt that JSON Schema cannot say (the others are in its schema). */
export const browserAutomationReceiptRules: readonly Rule<'BrowserAutomationReceipt'>[] = [browserTimeOrder];
