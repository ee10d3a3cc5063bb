/**
 * Work items: pending → in_progress → done, and blocked. Starting an item is assigning it: it needs
 * an owner and a context capsule, counts against its domain's in_progress budget (default 2; an
 * override needs a reason and emits a council call), and emits a missive whose evidence is the
 * capsule path. Setting done or blocked emits a proclamation. A handoff to another owner
 * (`work-handoff.ts`) is a missive or council call with evidence when it crosses domains.
 */
import { DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN, isFilled, isWholeAtLeast } from '../kernel/conventions.js';
import { guarded, refuseShape } from '../kernel/input.js';
import { accept, refuse, type RefusalTable } from '../kernel/outcome.js';
import type { MachineDescription } from '../kernel/transition-table.js';
import { budgetRefusal, commitItem, isWorkItem, itemsInProgress, itemFor, refuseBoard, workItemTransitions, type WorkBoard, type WorkItem, type WorkOutcome } from './board.js';
import { workItemRefusals, type WorkItemRefusalCode } from './refusals.js';
import { assignmentMissive, budgetOverrideCall, statusProclamation } from './signals.js';

export { inProgressOf, workItemTransitions, type WorkBoard, type WorkEvent, type WorkItem, type WorkOutcome, type WorkStatus } from './board.js';
export { workItemRefusals, type WorkItemRefusalCode } from './refusals.js';

/** An empty board with the per-domain in_progress budget (default 2). */
export const createWorkBoard = guarded('work/invalid-board', (options: { maxInProgressPerDomain?: number } = {}): WorkOutcome => {
  const { maxInProgressPerDomain = DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN } = options ?? {};
  if (!isWholeAtLeast(maxInProgressPerDomain, 0)) return refuse('work/invalid-board', `maxInProgressPerDomain ${String(maxInProgressPerDomain)} is not a whole number ≥ 0`);
  return accept({ maxInProgressPerDomain, items: [] });
});

/** Adds a pending item. */
export const addWorkItem = guarded('work/invalid-input', (board: WorkBoard, item: { id: string; domain: string; title?: string | null }): WorkOutcome => {
  const shape = refuseBoard(board) ?? refuseShape('work/invalid-item', 'a work item', item);
  if (shape) return shape;
  if (item.title !== undefined && item.title !== null && typeof item.title !== 'string') return refuse('work/invalid-item', 'a work item\'s title must be a string');
  if (!isFilled(item.id) || !isFilled(item.domain)) return refuse('work/invalid-item', 'a work item needs a non-blank id and domain');
  if (board.items.some((i) => i.id === item.id)) return refuse('work/item-exists', `there is already a work item ${item.id}`);
  const added: WorkItem = { id: item.id, title: item.title ?? null, domain: item.domain, status: 'pending', owner: null, capsulePath: null, overrideReason: null };
  return accept({ ...board, items: [...board.items, added] });
});

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
export const assignWorkItem = guarded('work/invalid-input', (board: WorkBoard, assignment: Assignment, now: string): WorkOutcome => {
  const shape = refuseBoard(board) ?? refuseShape('work/invalid-input', 'an assignment', assignment);
  if (shape) return shape;
  const item = itemFor(board, assignment.id, 'assign');
  if (!isWorkItem(item)) return item;
  if (!isFilled(assignment.owner)) return refuse('work/owner-required', `assigning ${item.id} needs an owner`);
  const capsulePath = assignment.capsulePath ?? item.capsulePath;
  if (!isFilled(capsulePath)) return refuse('work/capsule-required', `${item.id} cannot start without a context capsule`);
  const over = itemsInProgress(board, item.domain).length >= board.maxInProgressPerDomain;
  const refused = budgetRefusal(board, item.domain, assignment.override ?? false, assignment.overrideReason);
  if (refused) return refused;
  const overrideReason = over ? (assignment.overrideReason ?? null) : null;
  const from = assignment.from ?? assignment.owner;
  const facts = { id: item.id, owner: assignment.owner, capsulePath, from, to: assignment.to ?? assignment.owner, overrideReason };
  const signals = [assignmentMissive(facts)];
  if (overrideReason) signals.push(budgetOverrideCall({ id: item.id, domain: item.domain, reason: overrideReason, from, evidence: [capsulePath] }));
  return commitItem(board, { ...item, status: 'in_progress', owner: assignment.owner, capsulePath, overrideReason }, signals, now);
});

/** Finishes an item: in_progress → done, with a proclamation. */
export const completeWorkItem = guarded('work/invalid-input', (board: WorkBoard, done: { id: string; from?: string }, now: string): WorkOutcome => {
  const shape = refuseBoard(board) ?? refuseShape('work/invalid-input', 'a completion', done);
  if (shape) return shape;
  const item = itemFor(board, done.id, 'complete');
  if (!isWorkItem(item)) return item;
  const from = done.from ?? item.owner ?? item.domain;
  return commitItem(board, { ...item, status: 'done', overrideReason: null }, [statusProclamation({ id: item.id, status: 'done', owner: item.owner, from })], now);
});

/** Blocks an item: pending or in_progress → blocked, with a proclamation. */
export const blockWorkItem = guarded('work/invalid-input', (board: WorkBoard, block: { id: string; from?: string }, now: string): WorkOutcome => {
  const shape = refuseBoard(board) ?? refuseShape('work/invalid-input', 'a block', block);
  if (shape) return shape;
  const item = itemFor(board, block.id, 'block');
  if (!isWorkItem(item)) return item;
  const from = block.from ?? item.owner ?? item.domain;
  return commitItem(board, { ...item, status: 'blocked', overrideReason: null }, [statusProclamation({ id: item.id, status: 'blocked', owner: item.owner, from })], now);
});

export const workItemMachine: MachineDescription = {
  name: 'work',
  title: 'Work items and signals',
  summary:
    '`assignWorkItem` starts an item (needs an owner and a context capsule) and emits a `missive` (topic `assignment`) whose evidence is the capsule path; over the domain\'s in_progress budget ' +
    '(default 2) it is refused unless it overrides with a reason, which also emits a `council_call` (topic `budget_override`). `completeWorkItem` and `blockWorkItem` emit a `proclamation` ' +
    '(topic `plan`). `handOffWorkItem` moves an item that has a context capsule to another owner, its signal\'s evidence the capsule path and the files handed over; across domains it must be a ' +
    '`missive` or `council_call` naming files. Every signal comes with its file name `<YYYYMMDD-HHMMSS>_<kind>_<topic>.json` (`buildSignal`; a topic is cut in the name to keep it within 255 bytes); ' +
    'a board names each signal by the second after its last signal\'s when `now` is not later (`lastSignalAt`), so no two signals of a board share a `header.id` or a file.',
  emits: ['Signal'],
  transitions: workItemTransitions,
  refusals: workItemRefusals as RefusalTable<WorkItemRefusalCode>,
};
