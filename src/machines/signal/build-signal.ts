/**
 * The signal builder: a Signal document and its file name `<YYYYMMDD-HHMMSS>_<kind>_<topic>.json`
 * (kept in `.bridges/signals/`), with `header.id` the same `YYYYMMDD-HHMMSS` stamp of `now` in UTC,
 * as the estate's signal tool writes them. A missive or council call is a handoff and must carry
 * evidence; a topic must be usable in a file name as it is (letters, digits, `.`, `_`, `-`).
 * A file name stays within 255 bytes (the limit of common file systems): a longer topic is cut in the
 * name only (`body.topic` keeps it whole), which `rule/signal-filename-agrees` accepts for a name of
 * exactly 255 bytes. `options.stampAt` names the signal by a later second than `now` (a board that
 * sent a signal in this second already uses the next free one, so two signals never share a file).
 */
import { signalDefinition } from '../../../generated/definitions/signal.js';
import type { Signal, SignalBody, SignalHeader } from '../../../generated/types/index.js';
import { schemaEnum } from '../../rules/schema-values.js';
import { MAX_FILE_NAME_BYTES } from '../../rules/signal-file-name.js';
import { SIGNAL_DIR, isFilled } from '../kernel/conventions.js';
import { Signal as SignalContract } from '../../contracts.js';
import type { EmissionOf } from '../kernel/emission.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord, optionalStringList } from '../kernel/input.js';
import { refuse, type Refused, type RefusalTable, refuseNow, INVALID_NOW } from '../kernel/outcome.js';
import { readInstant, signalStamp, timestamp, type Rfc3339 } from '../kernel/time.js';

export const signalKinds: readonly SignalHeader['kind'][] = schemaEnum(signalDefinition.schema, '/properties/header/properties/kind/enum');
/** The kinds that hand something over and so must carry evidence. */
export const handoffKinds: readonly SignalHeader['kind'][] = signalKinds.filter((k) => k !== 'proclamation');

export const signalRefusals = {
  'signal/invalid-now': INVALID_NOW,
  'signal/topic-not-file-safe': 'The topic is empty or has a character other than letters, digits, `.`, `_`, `-`.',
  'signal/handoff-without-evidence': 'A missive or council_call without at least one evidence entry.',
  'signal/deadline-without-response': 'A response_by deadline on a signal that expects no response.',
  'signal/invalid-input': 'An input of the wrong type (a string where a list belongs, ...), or the Signal would not validate (unknown kind, urgency or confidence, blank sender, ...).',
} as const satisfies RefusalTable<`signal/${string}`>;
export type SignalRefusalCode = keyof typeof signalRefusals;

export interface SignalInput {
  readonly kind: SignalHeader['kind'];
  readonly from: string;
  readonly to: string;
  readonly topic: string;
  readonly claim: string;
  readonly evidence?: readonly string[];
  /** Default `medium`, as the estate's signal tool. */
  readonly confidence?: SignalBody['confidence'];
  /** Default `normal`. */
  readonly urgency?: SignalHeader['urgency'];
  readonly asks?: readonly string[];
  readonly nextActions?: readonly string[];
  /** Default false. */
  readonly expectsResponse?: boolean;
  /** An RFC 3339 deadline, or "" (the default) for none. */
  readonly responseBy?: string;
}

/** A built signal: the document, its file name and its path under the repository root. */
export interface BuiltSignal {
  readonly ok: true;
  readonly signal: Signal;
  readonly filename: string;
  readonly path: string;
  readonly emitted: readonly [EmissionOf<'Signal'>];
}

const FILE_SAFE_TOPIC = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The file name of a signal: `<header.id>_<kind>_<topic>.json`, with the topic cut so the name stays
 * within 255 bytes (a file-safe topic is ASCII: one byte a character).
 */
const fileNameOf = (signal: Signal): string => {
  const head = `${signal.header.id}_${signal.header.kind}_`;
  const room = Math.max(1, MAX_FILE_NAME_BYTES - new TextEncoder().encode(head).length - '.json'.length);
  return `${head}${signal.body.topic.slice(0, room)}.json`;
};

/** `fileNameOf`, never throwing: `signal/invalid-input` for a signal without a header, a string topic and the body's lists. */
export const signalFileName = guarded('signal/invalid-input', (signal: Signal): string | Refused<SignalRefusalCode> =>
  isRecord(signal) && isRecord(signal.header) && isRecord(signal.body) && typeof signal.body.topic === 'string' && ['evidence', 'asks', 'next_actions'].every((f) => Array.isArray(signal.body[f as 'asks']))
    ? fileNameOf(signal)
    : refuse('signal/invalid-input', 'a signal needs a header and a body with a topic and its lists'));

const LIST_FIELDS = ['evidence', 'asks', 'nextActions'] as const;

/** Builds a signal sent at `now`, named by the stamp of `options.stampAt` (default `now`). */
export function buildSignal(input: SignalInput, now: Rfc3339, options: { readonly stampAt?: Rfc3339 } = {}): BuiltSignal | Refused<SignalRefusalCode> {
  try {
    return build(input, now, options);
  } catch (error) {
    return refuse('signal/invalid-input', `the input could not be read: ${describeValue(error)}`);
  }
}

function build(input: SignalInput, now: Rfc3339, options: { readonly stampAt?: Rfc3339 }): BuiltSignal | Refused<SignalRefusalCode> {
  const at = readInstant(now);
  if (at === null) return refuseNow('signal/invalid-now', now);
  const stampAt = options?.stampAt === undefined ? at : readInstant(options.stampAt);
  if (stampAt === null) return refuseNow('signal/invalid-now', options.stampAt);
  if (!isRecord(input)) return refuse('signal/invalid-input', `a signal input must be an object, not ${describeValue(input)}`);
  const badList = LIST_FIELDS.find((f) => optionalStringList(input[f]) === null);
  if (badList) return refuse('signal/invalid-input', `${badList} must be a list of strings, not ${describeValue(input[badList])}`);
  if (typeof input.topic !== 'string' || !FILE_SAFE_TOPIC.test(input.topic)) {
    return refuse('signal/topic-not-file-safe', `topic ${describeValue(input.topic)} cannot be used in a file name as it is`);
  }
  const evidence = [...(input.evidence ?? [])];
  if (handoffKinds.includes(input.kind) && !evidence.some(isFilled)) {
    return refuse('signal/handoff-without-evidence', `a ${input.kind} hands something over and must carry at least one evidence entry`);
  }
  const expectsResponse = input.expectsResponse ?? false;
  const responseBy = input.responseBy ?? '';
  if (!expectsResponse && responseBy !== '') return refuse('signal/deadline-without-response', 'response_by is set but the signal expects no response');
  const signal: Signal = {
    header: { id: signalStamp(stampAt), timestamp: timestamp(at), from: input.from, to: input.to, kind: input.kind, urgency: input.urgency ?? 'normal' },
    body: {
      topic: input.topic,
      claim: input.claim,
      evidence,
      confidence: input.confidence ?? 'medium',
      asks: [...(input.asks ?? [])],
      next_actions: [...(input.nextActions ?? [])],
    },
    footer: { expects_response: expectsResponse, response_by: responseBy },
  };
  const filename = fileNameOf(signal);
  const path = `${SIGNAL_DIR}/${filename}`;
  const emission: EmissionOf<'Signal'> = { action: 'write', contract: 'Signal', document: signal, filename, path };
  return refuseInvalid('signal/invalid-input', SignalContract, [emission]) ?? { ok: true, signal, filename, path, emitted: [emission] };
}
