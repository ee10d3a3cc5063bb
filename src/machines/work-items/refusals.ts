/** Why the work-item machine refuses a transition. */
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const workItemRefusals = {
  'work/invalid-now': INVALID_NOW,
  'work/invalid-board': 'The in_progress budget is not a whole number ≥ 0, or the board is not one a transition returned.',
  'work/invalid-item': 'A work item without a non-blank id or domain.',
  'work/item-exists': 'A work item with that id is already on the board.',
  'work/unknown-item': 'There is no work item with that id.',
  'work/transition-not-allowed': 'The event is not allowed from the item\'s status (see the table).',
  'work/owner-required': 'An assignment or handoff without a non-blank owner.',
  'work/capsule-required': 'Starting an item without a context capsule.',
  'work/budget-exhausted': 'The domain already has its budget of items in progress and the transition does not override it.',
  'work/override-without-reason': 'An override of the in_progress budget without a reason.',
  'work/handoff-not-a-handoff-kind': 'A cross-domain handoff sent as a proclamation (it must be a missive or council_call).',
  'work/handoff-without-capsule': 'A handoff of an item that has no context capsule (and the handoff gives none).',
  'work/handoff-without-evidence': 'A handoff missive or council_call that names no file it hands over.',
  'work/invalid-input': 'An input of the wrong type (a string where a list belongs, ...), or a signal the transition would emit does not validate (blank sender, topic not usable in a file name, ...).',
} as const satisfies RefusalTable<`work/${string}`>;
export type WorkItemRefusalCode = keyof typeof workItemRefusals;
