/**
 * Handing a work item to another owner. The item must have a context capsule (given at assignment,
 * or with the handoff); the signal's evidence is the capsule path followed by the exact files the
 * handoff names. A cross-domain handoff must be a missive or council call with files; one within the
 * domain may also be a proclamation. An in-progress item that moves to another domain counts
 * against that domain's budget (override with a reason: a council call).
 */
import type { SignalHeader } from '../../../generated/types/index.js';
import { isFilled, unique } from '../kernel/conventions.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, refuseShape } from '../kernel/input.js';
import { refuse } from '../kernel/outcome.js';
import { handoffKinds } from '../signal/build-signal.js';
import { budgetRefusal, commitItem, isWorkItem, itemFor, refuseBoard, type WorkBoard, type WorkOutcome } from './board.js';
import { budgetOverrideCall, handoffSignal } from './signals.js';

export interface Handoff {
  readonly id: string;
  readonly toOwner: string;
  /** Default: the item's domain (a handoff within the domain). */
  readonly toDomain?: string;
  readonly kind: SignalHeader['kind'];
  /** The exact files handed over (paths); the signal's evidence is the capsule path and these. */
  readonly evidence: readonly string[];
  /** The item's context capsule, when the item has none yet. */
  readonly capsulePath?: string;
  /** The sender; default the current owner, else the item's domain. */
  readonly from?: string;
  readonly topic?: string;
  readonly claim?: string;
  readonly override?: boolean;
  readonly overrideReason?: string;
}

/** Hands an item over; its status does not change. */
export const handOffWorkItem = guarded('work/invalid-input', (board: WorkBoard, handoff: Handoff, now: string): WorkOutcome => {
  const shape = refuseBoard(board) ?? refuseShape('work/invalid-input', 'a handoff', handoff, ['evidence']);
  if (shape) return shape;
  const item = itemFor(board, handoff.id, 'hand_off');
  if (!isWorkItem(item)) return item;
  if (!isFilled(handoff.toOwner)) return refuse('work/owner-required', `a handoff of ${item.id} needs the new owner`);
  const capsulePath = handoff.capsulePath ?? item.capsulePath;
  if (!isFilled(capsulePath)) return refuse('work/handoff-without-capsule', `${item.id} has no context capsule to hand over (${describeValue(capsulePath)})`);
  const toDomain = handoff.toDomain ?? item.domain;
  const crossDomain = toDomain !== item.domain;
  if (crossDomain && !handoffKinds.includes(handoff.kind)) {
    return refuse('work/handoff-not-a-handoff-kind', `a handoff from ${item.domain} to ${toDomain} must be a ${handoffKinds.join(' or ')}, not a ${handoff.kind}`);
  }
  const files = (handoff.evidence ?? []).filter(isFilled);
  if (handoffKinds.includes(handoff.kind) && files.length === 0) return refuse('work/handoff-without-evidence', `the ${handoff.kind} handing over ${item.id} needs the files it hands over`);
  const evidence = unique([capsulePath, ...files]);
  const moving = crossDomain && item.status === 'in_progress';
  let overrideReason = crossDomain ? null : item.overrideReason;
  if (moving) {
    const refused = budgetRefusal(board, toDomain, handoff.override ?? false, handoff.overrideReason);
    if (refused) return refused;
    const over = board.items.filter((i) => i.domain === toDomain && i.status === 'in_progress').length >= board.maxInProgressPerDomain;
    overrideReason = over ? (handoff.overrideReason ?? null) : null;
  }
  const from = handoff.from ?? item.owner ?? item.domain;
  const signals = [
    handoffSignal({ id: item.id, kind: handoff.kind, from, fromOwner: item.owner, fromDomain: item.domain, toOwner: handoff.toOwner, toDomain, evidence, topic: handoff.topic, claim: handoff.claim }),
  ];
  if (overrideReason && moving) signals.push(budgetOverrideCall({ id: item.id, domain: toDomain, reason: overrideReason, from, evidence }));
  return commitItem(board, { ...item, owner: handoff.toOwner, domain: toDomain, capsulePath, overrideReason }, signals, now);
});
