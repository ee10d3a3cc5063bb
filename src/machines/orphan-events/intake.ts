/**
 * Intake: what an arriving event's refs become before the registry reads it. A ref given as a raw id
 * (`e-123` rather than `urn:srcos:event:e-123`) is normalised into the URN of its kind by putting
 * the kind's prefix before it: the event's `eventRef` (`urn:srcos:event:`), the `sessionRef` it names
 * (`urn:srcos:session:`) and its `correlationKeys.workspaceRef` (`urn:srcos:workspace:`). A raw id
 * is a string without white space that does not start with `urn:`; the raw value is kept in the
 * reception's `normalisedFrom`, so nothing given is lost. A ref that is neither a URN of its kind nor
 * a raw id is left as it is: the event then cannot be described by a valid receipt and is held in
 * `unreadable` with the reason, never dropped.
 */
import { isUrnOf } from '../kernel/urns.js';

/** A ref the registry normalised: the field and the raw value given. */
export interface NormalisedRef {
  readonly field: 'eventRef' | 'sessionRef' | 'correlationKeys.workspaceRef';
  readonly raw: string;
}

const RAW_ID = /^(?!urn:)\S+$/u;

type Kind = 'event' | 'session' | 'workspace';

/** The URN a ref stands for: itself when it is one (or is no raw id), else the kind's prefix before the raw id. */
export function normaliseRef(kind: Kind, value: unknown): { value: unknown; raw: string | null } {
  if (typeof value !== 'string' || isUrnOf(kind, value) || !RAW_ID.test(value)) return { value, raw: null };
  const urn = `urn:srcos:${kind}:${value}`;
  return isUrnOf(kind, urn) ? { value: urn, raw: value } : { value, raw: null };
}

/** An event that no valid receipt could describe: held with the reason, counted by the conservation check. */
export interface UnreadableEvent {
  /** Order of receipt, from 0, as for every reception. */
  readonly seq: number;
  /** The event as it was given. */
  readonly input: unknown;
  readonly reason: string;
  /** When it arrived (the command's `now`). */
  readonly observedAt: string;
}
