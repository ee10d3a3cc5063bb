/**
 * What a transition returns. Accepted: `{ ok: true, state, emitted }` with the new state and the
 * documents the transition emitted (each already validated). Refused: `{ ok: false, refusal }`
 * with a stable reason code `<machine>/<reason>` and a message; the caller's state is unchanged.
 * A transition never throws for a reason a caller can foresee.
 */
import type { Issue } from '../../issue.js';
import { describeValue } from './describe.js';
import type { Emission } from './emission.js';

/** Why a transition was refused. */
export interface Refusal<Code extends string = string> {
  /** Stable reason code, `<machine>/<reason>`. */
  readonly code: Code;
  /** A sentence for people. */
  readonly message: string;
  /** For `<machine>/invalid-input`: the issues of the document the transition would have emitted. */
  readonly issues?: readonly Issue[];
}

/** An accepted transition: the new state and what it emitted (`E`: the emissions this machine can make). */
export interface Accepted<State, E extends Emission = Emission> {
  readonly ok: true;
  readonly state: State;
  readonly emitted: readonly E[];
}

/** A refused transition: nothing changed and nothing was emitted. */
export interface Refused<Code extends string = string> {
  readonly ok: false;
  readonly refusal: Refusal<Code>;
}

/**
 * The outcome of one transition; `Extra` is what an accepted one reports besides state and documents,
 * `E` the emissions it can make (a lease transition's are `EmissionOf<'Lease'>`).
 */
export type Outcome<State, Code extends string, Extra extends object = object, E extends Emission = Emission> = (Accepted<State, E> & Extra) | Refused<Code>;

/** A refusal of a transition. */
export const refuse = <Code extends string>(code: Code, message: string, issues?: readonly Issue[]): Refused<Code> => ({
  ok: false,
  refusal: issues ? { code, message, issues } : { code, message },
});

/** How a refusal table describes its `<machine>/invalid-now`. */
export const INVALID_NOW = '`now` is not an RFC 3339 date-time.';

/** The refusal of a `now` that is not an RFC 3339 date-time, under the machine's own code. */
export const refuseNow = <Code extends string>(code: Code, now: unknown): Refused<Code> => refuse(code, `now ${describeValue(now)} is not an RFC 3339 date-time`);

/** An accepted transition. */
export const accept = <State, E extends Emission = never>(state: State, emitted: readonly E[] = []): Accepted<State, E> => ({ ok: true, state, emitted });

/** Reasons a machine refuses, code → when. Documented and exported with each machine. */
export type RefusalTable<Code extends string> = { readonly [C in Code]: string };
