/**
 * Which registered sessions an orphan event may belong to. Each correlation key the event carries
 * (`conversationId`, `parentId`, `workspaceRef`, `taskRef`, and the `sessionRef` it names, if any)
 * either matches a session, contradicts it, or says nothing about it (the session does not know
 * that key, or no session holds the parent yet). A session is a candidate when no key contradicts
 * it and at least one matches. One candidate recovers the event; more are ambiguous and never picked.
 */
import type { CorrelationKeys } from '../../../generated/types/index.js';

/** A session as the registry knows it: its ref and the correlation keys it answers to. */
export interface SessionRecord {
  readonly sessionRef: string;
  readonly conversationId: string | null;
  readonly workspaceRef: string | null;
  readonly taskRef: string | null;
}

/** A node of the session DAG: an event attached to a session, under the node of its parent event. */
export interface DagNode {
  readonly nodeRef: string;
  readonly sessionRef: string;
  readonly eventRef: string;
  readonly parentNodeRef: string | null;
}

/** What an event offers to find its session. */
export interface EventKeys {
  readonly sessionRef: string | null;
  readonly correlationKeys: CorrelationKeys;
}

type Verdict = 'match' | 'contradiction' | 'silent';

const compare = (known: string | null, offered: string | null | undefined): Verdict | null =>
  offered === null || offered === undefined ? null : known === null ? 'silent' : known === offered ? 'match' : 'contradiction';

/** The DAG node an id names: by the node's own ref or by the ref of the event it holds. */
export const nodeNamed = (dag: readonly DagNode[], id: string): DagNode | undefined => dag.find((n) => n.eventRef === id || n.nodeRef === id);

function verdicts(session: SessionRecord, event: EventKeys, dag: readonly DagNode[]): (Verdict | null)[] {
  const keys = event.correlationKeys;
  const parent = keys.parentId === null || keys.parentId === undefined ? undefined : nodeNamed(dag, keys.parentId);
  const parentVerdict: Verdict | null =
    keys.parentId === null || keys.parentId === undefined ? null : !parent ? 'silent' : parent.sessionRef === session.sessionRef ? 'match' : 'contradiction';
  return [
    compare(session.sessionRef, event.sessionRef),
    compare(session.conversationId, keys.conversationId),
    compare(session.workspaceRef, keys.workspaceRef),
    compare(session.taskRef, keys.taskRef),
    parentVerdict,
  ];
}

/** The sessions the event may belong to, in registration order. */
export function candidatesFor(sessions: readonly SessionRecord[], dag: readonly DagNode[], event: EventKeys): string[] {
  return sessions
    .filter((session) => {
      const v = verdicts(session, event, dag);
      return !v.includes('contradiction') && v.includes('match');
    })
    .map((s) => s.sessionRef);
}

/** The DAG node of the event's parent within a session, if the session holds it. */
export function parentNodeIn(dag: readonly DagNode[], sessionRef: string, keys: CorrelationKeys): string | null {
  if (keys.parentId === null || keys.parentId === undefined) return null;
  const parent = nodeNamed(dag, keys.parentId);
  return parent && parent.sessionRef === sessionRef ? parent.nodeRef : null;
}
