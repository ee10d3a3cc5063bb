/**
 * Transition tables as data: every machine exports its rows `{ from, to, event }`, its reasons to
 * refuse, and a description; `docs/state-machines.md` is generated from them and the machines
 * consult them to decide which events a state allows.
 */

/** One transition. `from: null`: the thing does not exist yet; `to: null`: it is removed. */
export interface TransitionRow<State extends string = string, Event extends string = string> {
  readonly from: State | null;
  readonly to: State | null;
  readonly event: Event;
}

/** A machine as the docs show it. */
export interface MachineDescription {
  /** Short stable name, also the prefix of its refusal codes. */
  readonly name: string;
  readonly title: string;
  /** What the machine is for, in a few sentences (Markdown). */
  readonly summary: string;
  /** The contracts of the documents it emits. */
  readonly emits: readonly string[];
  /** The state a thing starts in when it exists before any event (drawn from `[*]`). */
  readonly initial?: string;
  readonly transitions: readonly TransitionRow[];
  /** Refusal code → when it is given. */
  readonly refusals: Readonly<Record<string, string>>;
  /** More to say, as Markdown, after the diagram. */
  readonly notes?: string;
  /** The machine's functions as a caller writes them. */
  readonly functions?: readonly string[];
}

/** True when the table has a row for `event` out of `from`. */
export const allows = <State extends string, Event extends string>(
  table: readonly TransitionRow<State, Event>[],
  from: State | null,
  event: Event,
): boolean => table.some((row) => row.from === from && row.event === event);

/** The states out of which `event` is allowed. */
export const sourcesOf = <State extends string, Event extends string>(table: readonly TransitionRow<State, Event>[], event: Event): (State | null)[] => [
  ...new Set(table.filter((row) => row.event === event).map((row) => row.from)),
];
