/**
 * The work board's data and the steps its transitions share: finding an item the table lets an
 * event act on, checking a domain's in_progress budget, and committing an item with its signals
 * (refusing when a signal cannot be built). Every signal of a board
 * has its own file: each is named by the stamp of `now`, or of the second after the board's last
 * signal when that is later (`lastSignalAt`), so `header.id` and the path are unique in the board's history.
 */
import type { EmissionOf } from '../kernel/emission.js';
import { isFilled, isWholeAtLeast } from '../kernel/conventions.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord } from '../kernel/input.js';
import { accept, refuse, type Outcome, type Refused } from '../kernel/outcome.js';
import { readInstant, timestamp, type Rfc3339 } from '../kernel/time.js';
import { buildSignal, type SignalInput } from '../signal/build-signal.js';
import { allows, type TransitionRow } from '../kernel/transition-table.js';
import type { WorkItemRefusalCode } from './refusals.js';

export type WorkStatus = 'pending' | 'in_progress' | 'done' | 'blocked';
export type WorkEvent = 'add' | 'assign' | 'block' | 'complete' | 'hand_off';

export const workItemTransitions = [
  { from: null, to: 'pending', event: 'add' },
  { from: 'pending', to: 'in_progress', event: 'assign' },
  { from: 'blocked', to: 'in_progress', event: 'assign' },
  { from: 'pending', to: 'blocked', event: 'block' },
  { from: 'in_progress', to: 'blocked', event: 'block' },
  { from: 'in_progress', to: 'done', event: 'complete' },
  { from: 'pending', to: 'pending', event: 'hand_off' },
  { from: 'in_progress', to: 'in_progress', event: 'hand_off' },
  { from: 'blocked', to: 'blocked', event: 'hand_off' },
] as const satisfies readonly TransitionRow<WorkStatus, WorkEvent>[];

export interface WorkItem {
  readonly id: string;
  readonly title: string | null;
  /** The domain whose in_progress budget the item counts against. */
  readonly domain: string;
  readonly status: WorkStatus;
  readonly owner: string | null;
  /** The context capsule (a path such as `artifacts/contexts/ISSUE-001_….md`), once given. */
  readonly capsulePath: string | null;
  /** While in_progress over its domain's budget: why the budget was overridden. */
  readonly overrideReason: string | null;
}

export interface WorkBoard {
  readonly maxInProgressPerDomain: number;
  readonly items: readonly WorkItem[];
  /** The instant whose stamp named the board's last signal (absent before the first). */
  readonly lastSignalAt?: Rfc3339;
}

export type WorkOutcome = Outcome<WorkBoard, WorkItemRefusalCode, object, EmissionOf<'Signal'>>;

/** The in_progress items of a domain. */
export const itemsInProgress = (board: WorkBoard, domain: string): WorkItem[] => board.items.filter((i) => i.domain === domain && i.status === 'in_progress');

/** `itemsInProgress`, never throwing: a refusal for a board no transition returned or a domain that is not a string. */
export const inProgressOf = guarded('work/invalid-input', (board: WorkBoard, domain: string): WorkItem[] | Refused<WorkItemRefusalCode> =>
  refuseBoard(board) ?? (typeof domain === 'string' ? itemsInProgress(board, domain) : refuse('work/invalid-input', `domain ${describeValue(domain)} is not a string`)));

/**
 * Builds the signals of a transition (refusing on the first that cannot be built), each named by the
 * next free second from `now` on after `lastSignalAt`, so no two share a file name.
 */
export function signalsOf(inputs: readonly SignalInput[], now: string, lastSignalAt?: Rfc3339): EmissionOf<'Signal'>[] | WorkOutcome {
  const emitted: EmissionOf<'Signal'>[] = [];
  const at = readInstant(now);
  let last = lastSignalAt === undefined ? null : readInstant(lastSignalAt);
  for (const input of inputs) {
    const stamp = at === null ? at : last !== null && last >= at ? last + 1 : at;
    if (stamp !== null) last = stamp;
    const built = buildSignal(input, now, stamp === null ? {} : { stampAt: timestamp(stamp) });
    if (!built.ok) {
      const code = built.refusal.code === 'signal/invalid-now' ? 'work/invalid-now' : 'work/invalid-input';
      return refuse(code, built.refusal.message, built.refusal.issues);
    }
    emitted.push(...built.emitted);
  }
  return emitted;
}

/** Replaces one item, applies the transition's signals, and accepts. */
export function commitItem(board: WorkBoard, item: WorkItem, inputs: readonly SignalInput[], now: string): WorkOutcome {
  const emitted = signalsOf(inputs, now, board.lastSignalAt);
  if (!Array.isArray(emitted)) return emitted;
  const lastSignal = emitted.at(-1)?.document.header.id;
  const lastSignalAt = lastSignal ? stampInstant(lastSignal) : board.lastSignalAt;
  return accept({ ...board, items: board.items.map((i) => (i.id === item.id ? item : i)), ...(lastSignalAt ? { lastSignalAt } : {}) }, emitted);
}

/** The RFC 3339 instant of a `YYYYMMDD-HHMMSS` stamp. */
const stampInstant = (stamp: string): Rfc3339 =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;

/** Null when `board` is a board a transition returned; otherwise the refusal. */
export const refuseBoard = (board: unknown): Refused<WorkItemRefusalCode> | null =>
  isRecord(board) && Array.isArray(board.items) && isWholeAtLeast(board.maxInProgressPerDomain, 0) && (board.lastSignalAt === undefined || readInstant(board.lastSignalAt) !== null)
    ? null
    : refuse('work/invalid-board', `the board must be one a transition returned, not ${describeValue(board)}`);

/** Looks an item up and checks that `event` is allowed from its status. */
export function itemFor(board: WorkBoard, id: string, event: WorkEvent): WorkItem | WorkOutcome {
  const item = board.items.find((i) => i.id === id);
  if (!item) return refuse('work/unknown-item', `there is no work item ${describeValue(id)}`);
  if (!allows(workItemTransitions, item.status, event)) return refuse('work/transition-not-allowed', `${event} is not allowed for ${id}, which is ${item.status}`);
  return item;
}

export const isWorkItem = (value: WorkItem | WorkOutcome): value is WorkItem => !('ok' in value);

/** Checks a budget: null when the domain has room or the override is used with a reason. */
export function budgetRefusal(board: WorkBoard, domain: string, override: boolean, reason: string | undefined): WorkOutcome | null {
  if (override && !isFilled(reason)) return refuse('work/override-without-reason', 'an override of the in_progress budget needs a reason');
  const count = itemsInProgress(board, domain).length;
  if (count >= board.maxInProgressPerDomain && !override) {
    return refuse('work/budget-exhausted', `domain ${domain} has ${count} of its ${board.maxInProgressPerDomain} items in progress; override with a reason or finish one first`);
  }
  return null;
}
