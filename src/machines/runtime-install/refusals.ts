/** Why the runtime-install machine refuses a transition. */
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const runtimeInstallRefusals = {
  'install/invalid-now': INVALID_NOW,
  'install/time-before-start': '`now` is before the install started.',
  'install/transition-not-allowed': 'The event is not allowed in the current install state (see the table).',
  'install/unknown-artifact': 'A verification result for an artifact the install does not have.',
  'install/duplicate-result': 'Two verification results for one artifact in one verification.',
  'install/artifacts-unverified': 'Finishing an install while an artifact is not verified.',
  'install/reason-required': 'fail, mark_partial, deny or defer without a reason.',
  'install/rollback-ref-required': 'A rollback without the ref of what it rolled back to.',
  'install/invalid-input': 'An input of the wrong type (a string where a list belongs, ...), or the receipt the transition would emit does not validate (or two artifacts share a ref).',
} as const satisfies RefusalTable<`install/${string}`>;
export type RuntimeInstallRefusalCode = keyof typeof runtimeInstallRefusals;
