// The reasons the capability machine refuses a transition, code → when.
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const capabilityRefusals = {
  'capability/invalid-now': INVALID_NOW,
  'capability/unknown-plane': 'A plane is not one of the schema\'s planes.',
  'capability/unknown-verdict': 'A verdict is not one a plane can give.',
  'capability/verdict-not-of-plane': 'A plane gave a verdict that belongs to another plane (only policy may say blocked_by_policy, ...).',
  'capability/duplicate-plane': 'Two reports of one plane in one negotiation.',
  'capability/no-reports': 'A negotiation at once without any report.',
  'capability/not-available': '`enable` while not every plane that took part agrees (the state is not available).',
  'capability/transition-not-allowed': 'The event is not allowed in the current state (see the table).',
  'capability/invalid-input': 'An input of the wrong type (a string where a list belongs, ...), or the CapabilityLedger the transition would emit does not validate.',
} as const satisfies RefusalTable<`capability/${string}`>;
export type CapabilityRefusalCode = keyof typeof capabilityRefusals;
