import { addSeconds, formatInstant, parseInstant, samePosixInstant } from './instant.js';
import { defineRule, type Rule } from './rule.js';

/** expires_at is exactly created_at + ttl_seconds. */
export const leaseExpiryMatchesTtl = defineRule({
  code: 'rule/lease-expiry-matches-ttl',
  contract: 'Lease',
  severity: 'error',
  statement: 'expires_at is exactly created_at plus ttl_seconds (the same instant; offsets may differ).',
  why: 'Two expiry times in one lease let two holders each believe they own the resource.',
  check: (doc) => {
    const created = parseInstant(doc.created_at);
    const expires = parseInstant(doc.expires_at);
    if (!created || !expires || !Number.isInteger(doc.ttl_seconds)) return [];
    const due = addSeconds(created, doc.ttl_seconds);
    if (samePosixInstant(due, expires)) return [];
    return [{ pointer: '/expires_at', message: `expires_at is ${doc.expires_at}, but created_at + ttl_seconds (${doc.created_at} + ${doc.ttl_seconds} s) is ${formatInstant(due)}` }];
  },
});

/** Warning: an override without a reason. */
export const leaseOverrideHasReason = defineRule({
  code: 'rule/lease-override-has-reason',
  contract: 'Lease',
  severity: 'warning',
  statement: 'A lease with override true has a non-empty override_reason.',
  why: 'Going over a domain\'s lease budget on purpose is a decision others must be able to read and question.',
  check: (doc) => (doc.override && doc.override_reason === '' ? [{ pointer: '/override_reason', message: 'override is true but override_reason is empty' }] : []),
});

/** The rules of Lease that JSON Schema cannot say (the others are in its schema). */
export const leaseRules: readonly Rule<'Lease'>[] = [leaseExpiryMatchesTtl, leaseOverrideHasReason];
