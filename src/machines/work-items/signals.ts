/**
 * The signals work items send, worded as the estate's orchestrator words them: an assignment
 * missive whose evidence is the context capsule, a council call when a budget is overridden, a
 * proclamation when an item's status is set, and the handoff of an item to another owner.
 */
import type { SignalHeader } from '../../../generated/types/index.js';
import type { SignalInput } from '../signal/build-signal.js';

export interface AssignmentFacts {
  readonly id: string;
  readonly owner: string;
  readonly capsulePath: string;
  readonly from: string;
  readonly to: string;
  readonly overrideReason: string | null;
}

/** The missive of an assignment (topic `assignment`). */
export const assignmentMissive = (a: AssignmentFacts): SignalInput => ({
  kind: 'missive',
  from: a.from,
  to: a.to,
  topic: 'assignment',
  claim: `Assigned ${a.id} to ${a.owner} (context capsule generated)${a.overrideReason ? `; override_reason=${a.overrideReason}` : ''}`,
  evidence: [a.capsulePath],
  confidence: 'high',
  asks: ['Acknowledge and proceed', 'Emit a dead_end or stub if blocked'],
  nextActions: [`Read ${a.capsulePath}`, `Work the item: ${a.id}`],
  expectsResponse: true,
});

/** The council call that records a budget override (topic `budget_override`). */
export const budgetOverrideCall = (o: { id: string; domain: string; reason: string; from: string; evidence: readonly string[] }): SignalInput => ({
  kind: 'council_call',
  from: o.from,
  to: 'council',
  topic: 'budget_override',
  claim: `Budget override used for domain=${o.domain} on ${o.id}: ${o.reason}`,
  evidence: o.evidence,
  confidence: 'high',
  urgency: 'high',
});

/** The proclamation of a status change (topic `plan`). */
export const statusProclamation = (s: { id: string; status: string; owner: string | null; from: string }): SignalInput => ({
  kind: 'proclamation',
  from: s.from,
  to: 'all',
  topic: 'plan',
  claim: `Set ${s.id} status=${s.status} owner=${s.owner ?? 'unassigned'}`,
  confidence: 'high',
});

export interface HandoffFacts {
  readonly id: string;
  readonly kind: SignalHeader['kind'];
  readonly from: string;
  readonly fromOwner: string | null;
  readonly fromDomain: string;
  readonly toOwner: string;
  readonly toDomain: string;
  readonly evidence: readonly string[];
  readonly topic?: string | undefined;
  readonly claim?: string | undefined;
}

/** The signal of a handoff (topic `handoff` unless given). */
export const handoffSignal = (h: HandoffFacts): SignalInput => ({
  kind: h.kind,
  from: h.from,
  to: h.toOwner,
  topic: h.topic ?? 'handoff',
  claim: h.claim ?? `Handed ${h.id} from ${h.fromOwner ?? 'unassigned'} (${h.fromDomain}) to ${h.toOwner} (${h.toDomain})`,
  evidence: h.evidence,
  confidence: 'high',
  asks: h.kind === 'proclamation' ? [] : ['Acknowledge and take over'],
  nextActions: [`Work the item: ${h.id}`],
  expectsResponse: h.kind !== 'proclamation',
});
