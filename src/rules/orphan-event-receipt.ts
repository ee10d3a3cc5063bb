import { defineRule, type Rule } from './rule.js';
import { orderFindings } from './time-order.js';

/** reconciledAt and quarantinedAt are not before observedAt. */
export const orphanTimeOrder = defineRule({
  code: 'rule/orphan-time-order',
  contract: 'OrphanEventReceipt',
  severity: 'error',
  statement: 'sessionResolution.reconciledAt and sessionResolution.quarantinedAt are not before observedAt (equal is allowed).',
  why: 'An event cannot be attached to a session or set aside before it was received; such a receipt was not written from what happened.',
  check: (doc) => {
    const observed = { pointer: '/observedAt', value: doc.observedAt };
    const resolution = doc.sessionResolution;
    return [
      ...orderFindings(observed, { pointer: '/sessionResolution/reconciledAt', value: resolution.reconciledAt }),
      ...orderFindings(observed, { pointer: '/sessionResolution/quarantinedAt', value: resolution.quarantinedAt }),
    ];
  },
});

/** ttl.expiresAt is strictly after observedAt. */
export const orphanTtlAfterObserved = defineRule({
  code: 'rule/orphan-ttl-after-observed',
  contract: 'OrphanEventReceipt',
  severity: 'error',
  statement: 'ttl.expiresAt is strictly after observedAt.',
  why: 'A time to live that ends when (or before) the event arrives gives the event no time to find its session: it would be quarantined unseen.',
  check: (doc) => orderFindings({ pointer: '/observedAt', value: doc.observedAt }, { pointer: '/ttl/expiresAt', value: doc.ttl.expiresAt }, { strictly: true }),
});

/** A recovered event's session is one of the candidates. */
export const orphanRecoveredIsCandidate = defineRule({
  code: 'rule/orphan-recovered-is-candidate',
  contract: 'OrphanEventReceipt',
  severity: 'error',
  statement: 'A recovered event\'s recoveredSessionRef is one of its candidateSessionRefs.',
  why: 'Recovering into a session the correlation keys never matched is ambiguous session ownership: nothing shows the event belongs there.',
  check: (doc) => {
    const { state, recoveredSessionRef, candidateSessionRefs } = doc.sessionResolution;
    if (state !== 'recovered' || typeof recoveredSessionRef !== 'string' || candidateSessionRefs.includes(recoveredSessionRef)) return [];
    const pointer = '/sessionResolution/recoveredSessionRef';
    const candidates = candidateSessionRefs.length ? candidateSessionRefs.map((c) => JSON.stringify(c)).join(', ') : 'none';
    return [{ pointer, message: `${pointer} ${JSON.stringify(recoveredSessionRef)} is not one of the candidateSessionRefs (${candidates})` }];
  },
});

/** The rules of OrphanEventReceipt that JSON Schema cannot say (the others are in its schema). */
export const orphanEventReceiptRules: readonly Rule<'OrphanEventReceipt'>[] = [orphanTimeOrder, orphanTtlAfterObserved, orphanRecoveredIsCandidate];
