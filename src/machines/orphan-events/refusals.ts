/** Why the orphan-event registry refuses a command. */
import type { RefusalTable } from '../kernel/outcome.js';

export const orphanRefusals = {
  'orphans/invalid-now': '`now` is not an RFC 3339 date-time (or now + ttl is past year 9999).',
  'orphans/time-went-backwards': '`now` is before the registry\'s last command.',
  'orphans/invalid-ttl': 'The ttl is not a whole number of seconds ≥ 1.',
  'orphans/invalid-session': 'A session whose sessionRef (or workspaceRef) is not a URN of its kind.',
  'orphans/session-exists': 'The session is already registered.',
  'orphans/invalid-input': 'An argument of the wrong type (an event that is not an object, a registry no transition returned, a policy decision that is not a decision URN), or a receipt the command would emit does not validate. An event no valid receipt could describe is not refused: it is held as unreadable.',
} as const satisfies RefusalTable<`orphans/${string}`>;
export type OrphanRefusalCode = keyof typeof orphanRefusals;
