// The reasons the lease machine refuses a transition, code → when.
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const leaseRefusals = {
  'lease/invalid-now': INVALID_NOW,
  'lease/invalid-board': 'The budget is not a whole number ≥ 0, a lease is invalid, two leases share one file, or the board is not one a transition returned.',
  'lease/invalid-claim': 'The claim is not an object, or its resource, owner or domain is blank.',
  'lease/invalid-ttl': 'ttl_seconds is not a whole number ≥ 1, or expires_at would be past year 9999.',
  'lease/override-without-reason': 'The claim asks to override the budget without a reason.',
  'lease/resource-held': 'The resource is held by an unexpired lease (whoever the claimant is).',
  'lease/budget-exhausted': 'The domain already holds its budget of live leases and the claim does not override it.',
  'lease/not-held': 'There is no lease on the resource to release or renew.',
  'lease/not-owner': 'The lease belongs to another owner; only its owner releases or renews it.',
  'lease/expired': 'The lease to renew has expired (now >= expires_at); claim the resource again.',
  'lease/invalid-input': 'The Lease the claim would emit does not validate, or an input is of the wrong type or could not be read (a throwing getter, ...).',
} as const satisfies RefusalTable<`lease/${string}`>;
export type LeaseRefusalCode = keyof typeof leaseRefusals;
