/**
 * Work items: pending → in_progress → done, and blocked. Starting an item is assigning it: it needs
 * an owner and a context capsule, counts against its domain's in_progress budget (default 2; an
 * override needs a reason and emits a council call), and emits a missive whose evidence is the
 * capsule path. Setting done or blocked emits a proclamation. A handoff to another owner is a
 * missive or council call with evidence when it crosses domains.
 */
import { DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN, isFilled, isWholeAtLeast } from './conventions.js';
import type { Emission } from './emission.js';
import { accept, refuse, type Outcome, type RefusalTable } from './outcome.js';
import { buildSignal, type SignalInput } from './signal.js';
import { allows, type MachineDescription, type TransitionRow } from './transition-table.js';
import { workItemRefusals, type WorkItemRefusalCode } from './work-item-refusals.js';
import { assignmentMissive, budgetOverrideCall, statusProclamation } from './work-signals.js';

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

export { workItemRefusals, type WorkItemRefusalCode } from './work-item-refusals.js';

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
}

export type WorkOutcome = Outcome<WorkBoard, WorkItemRefusalCode>;

/** An empty board with the per-domain in_progress budget (default 2). */
export function createWorkBoard(options: { maxInProgressPerDomain?: number } = {}): WorkOutcome {
  const { maxInProgressPerDomain = DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN } = options;
  if (!isWholeAtLeast(maxInProgressPerDomain, 0)) return refuse('work/invalid-board', `maxInProgressPerDomain ${String(maxInProgressPerDomain)} is not a whole number ≥ 0`);
  return accept({ maxInProgressPerDomain, items: [] });
}

/** The in_progress items of a domain. */
export const inProgressOf = (board: WorkBoard, domain: string): WorkItem[] => board.items.filter((i) => i.domain === domain && i.status === 'in_progress');

/** Builds the signals of a transition (refusing on the first that cannot be built, or on two with one file name). */
export function signalsOf(inputs: readonly SignalInput[], now: string): Emission[] | WorkOutcome {
  const emitted: Emission[] = [];
  for (const input of inputs) {
    const built = buildSignal(input, now);
    if (!built.ok) {
      const code = built.refusal.code === 'signal/invalid-now' ? 'work/invalid-now' : 'work/invalid-input';
      return refuse(code, built.refusal.message, built.refusal.issues);
    }
    if (emitted.some((e) => e.filename === built.filename)) return refuse('work/signal-name-collision', `two signals of one transition would both be ${built.filename}`);
    emitted.push(...built.emitted);
  }
  return emitted;
}

/** Replaces one item, applies the transition's signals, and accepts. */
export function commit(board: WorkBoard, item: WorkItem, inputs: readonly SignalInput[], now: string): WorkOutcome {
  const emitted = signalsOf(inputs, now);
  if (!Array.isArray(emitted)) return emitted;
  return accept({ ...board, items: board.items.map((i) => (i.id === item.id ? item : i)) }, emitted);
}

/** Looks an item up and checks that `event` is allowed from its status. */
export function itemFor(board: WorkBoard, id: string, event: WorkEvent): WorkItem | WorkOutcome {
  const item = board.items.find((i) => i.id === id);
  if (!item) return refuse('work/unknown-item', `there is no work item ${JSON.stringify(id)}`);
  if (!allows(workItemTransitions, item.status, event)) return refuse('work/transition-not-allowed', `${event} is not allowed for ${id}, which is ${item.status}`);
  return item;
}

export const isWorkItem = (value: WorkItem | WorkOutcome): value is WorkItem => !('ok' in value);

/** Checks a budget: null when the domain has room or the override is used with a reason. */
export function budgetRefusal(board: WorkBoard, domain: string, override: boolean, reason: string | undefined): WorkOutcome | null {
  if (override && !isFilled(reason)) return refuse('work/override-without-reason', 'an override of the in_progress budget needs a reason');
  const count = inProgressOf(board, domain).length;
  if (count >= board.maxInProgressPerDomain && !override) {
    return refuse('work/budget-exhausted', `domain ${domain} has ${count} of its ${board.maxInProgressPerDomain} items in progress; override with a reason or finish one first`);
  }
  return null;
}

/** Adds a pending item. */
export function addWorkItem(board: WorkBoard, item: { id: string; domain: string; title?: string | null }): WorkOutcome {
  if (!isFilled(item.id) || !isFilled(item.domain)) return refuse('work/invalid-item', 'a work item needs a non-blank id and domain');
  if (board.items.some((i) => i.id === item.id)) return refuse('work/item-exists', `there is already a work item ${item.id}`);
  const added: WorkItem = { id: item.id, title: item.title ?? null, domain: item.domain, status: 'pending', owner: null, capsulePath: null, overrideReason: null };
  return accept({ ...board, items: [...board.items, added] });
}

export interface Assignment {
  readonly id: string;
  readonly owner: string;
  /** Required unless the item already has one (a blocked item being resumed). */
  readonly capsulePath?: string;
  /** The sender of the missive; default the owner. */
  readonly from?: string;
  /** The receiver of the missive; default the owner. */
  readonly to?: string;
  readonly override?: boolean;
  readonly overrideReason?: string;
}

/** Starts an item: pending or blocked → in_progress, emitting the assignment missive (and a council call on override). */
export function assignWorkItem(board: WorkBoard, assignment: Assignment, now: string): WorkOutcome {
  const item = itemFor(board, assignment.id, 'assign');
  if (!isWorkItem(item)) return item;
  if (!isFilled(assignment.owner)) return refuse('work/owner-required', `assigning ${item.id} needs an owner`);
  const capsulePath = assignment.capsulePath ?? item.capsulePath;
  if (!isFilled(capsulePath)) return refuse('work/capsule-required', `${item.id} cannot start without a context capsule`);
  const over = inProgressOf(board, item.domain).length >= board.maxInProgressPerDomain;
  const refused = budgetRefusal(board, item.domain, assignment.override ?? false, assignment.overrideReason);
  if (refused) return refused;
  const overrideReason = over ? (assignment.overrideReason ?? null) : null;
  const from = assignment.from ?? assignment.owner;
  const facts = { id: item.id, owner: assignment.owner, capsulePath, from, to: assignment.to ?? assignment.owner, overrideReason };
  const signals = [assignmentMissive(facts)];
  if (overrideReason) signals.push(budgetOverrideCall({ id: item.id, domain: item.domain, reason: overrideReason, from, evidence: [capsulePath] }));
  return commit(board, { ...item, status: 'in_progress', owner: assignment.owner, capsulePath, overrideReason }, signals, now);
}

/** Finishes an item: in_progress → done, with a proclamation. */
export function completeWorkItem(board: WorkBoard, done: { id: string; from?: string }, now: string): WorkOutcome {
  const item = itemFor(board, done.id, 'complete');
  if (!isWorkItem(item)) return item;
  const from = done.from ?? item.owner ?? item.domain;
  return commit(board, { ...item, status: 'done', overrideReason: null }, [statusProclamation({ id: item.id, status: 'done', owner: item.owner, from })], now);
}

/** Blocks an item: pending or in_progress → blocked, with a proclamation. */
export function blockWorkItem(board: WorkBoard, block: { id: string; from?: string }, now: string): WorkOutcome {
  const item = itemFor(board, block.id, 'block');
  if (!isWorkItem(item)) return item;
  const from = block.from ?? item.owner ?? item.domain;
  return commit(board, { ...item, status: 'blocked', overrideReason: null }, [statusProclamation({ id: item.id, status: 'blocked', owner: item.owner, from })], now);
}

export const workItemMachine: MachineDescription = {
  name: 'work',
  title: 'Work items and signals',
  summary:
    '`assignWorkItem` starts an item (needs an owner and a context capsule) and emits a `missive` (topic `assignment`) whose evidence is the capsule path; over the domain\'s in_progress budget ' +
    '(default 2) it is refused unless it overrides with a reason, which also emits a `council_call` (topic `budget_override`). `completeWorkItem` and `blockWorkItem` emit a `proclamation` ' +
    '(topic `plan`). `handOffWorkItem` moves an item to another owner; across domains it must be a `missive` or `council_call` with evidence. Every signal comes with its file name ' +
    '`<YYYYMMDD-HHMMSS>_<kind>_<topic>.json` (`buildSignal`).',
  emits: ['Signal'],
  transitions: workItemTransitions,
  refusals: workItemRefusals as RefusalTable<WorkItemRefusalCode>,
};
