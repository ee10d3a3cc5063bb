/**
 * What to do with a document that cannot be read as JSON (it does not parse, is empty, is not
 * UTF-8, or nests deeper than any contract): it is an error only when something says it is meant
 * to be a contract document. Before it is read, its place, the configuration, `--contract` or its
 * being named on the command line say so (the scan of such a file is strict, see scan-file.ts).
 * Otherwise only its text can: a top-level `"type"` that names one of this package's contracts or a
 * near miss of one, or a top-level `"id"` with one of its URN prefixes, judged by the core's policy
 * (classifyDocument) as if the document held nothing else. Without such evidence it is skipped as
 * "not JSON", and the report says why under --verbose.
 */
import { classifyDocument } from '../../index.js';
import type { Detection, ScannedDocument } from './types.js';

export type UnparsedVerdict = { ours: true; detection: Detection } | { ours: false; reason: string; detection: Detection };

const EVIDENCE_KEYS = new Set(['type', 'id']);

const NOTHING_SAYS_OURS: Detection = { by: 'none', reason: 'nothing in its text names a contract of this package' };

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Where the string that opens at `at` ends (after its closing quote), or the end of its line when it is not closed. */
function stringEndOnItsLine(text: string, at: number, end: number): number {
  for (let i = at + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // a backslash escapes the next character
    else if (c === 34) return i + 1;
    else if (c === 10 || c === 13) return i;
  }
  return end;
}

const decoded = (raw: string): string | undefined => {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

/** Where a comment that opens at `at` ends (`#` or `//`: at the end of its line; a block comment: after its close); `at` when none opens there. */
function commentEnd(text: string, at: number, end: number): number {
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  if (c === 35 || (c === 47 && next === 47)) {
    let i = at + 1;
    while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    return i;
  }
  if (c === 47 && next === 42) {
    const close = text.indexOf('*/', at + 2);
    return close === -1 || close >= end ? end : close + 2;
  }
  return at;
}

/**
 * The string values of the keys `type` and `id` of the outermost objects of a text that need not be
 * JSON: strings and nesting are followed, comments (`#`, `//`, `/* … *\/`) are left out as a
 * parser of JSON with comments leaves them, anything else is passed over (a missing comma).
 */
export function* topLevelEvidence(text: string, start = 0, end = text.length): Generator<{ key: string; value: string }> {
  let depth = 0;
  let pending: string | undefined; // a key of EVIDENCE_KEYS and its colon were read: its value is next
  for (let i = start; i < end; ) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = stringEndOnItsLine(text, i, end);
      if (depth === 1) {
        if (pending !== undefined) {
          const value = decoded(text.slice(i, close));
          if (value !== undefined) yield { key: pending, value };
          pending = undefined;
        } else {
          let j = close;
          while (j < end && isSpace(text.charCodeAt(j))) j++;
          if (text.charCodeAt(j) === 58) {
            const key = decoded(text.slice(i, close));
            if (key !== undefined && EVIDENCE_KEYS.has(key)) pending = key;
            i = j + 1;
            continue;
          }
        }
      }
      i = close;
      continue;
    }
    const after = commentEnd(text, i, end);
    if (after !== i) {
      i = after;
      continue;
    }
    if (!isSpace(c)) pending = undefined;
    if (c === 123 || c === 91) depth++;
    else if ((c === 125 || c === 93) && depth > 0) depth--;
    i++;
  }
}

/** The first `type` and `id` at the top of the text, as the only keys of an object. */
function evidenceObject(text: string, start: number, end: number): Record<string, string> {
  const found: Record<string, string> = {};
  for (const { key, value } of topLevelEvidence(text, start, end)) {
    if (!(key in found)) found[key] = value;
    if ('type' in found && 'id' in found) break;
  }
  return found;
}

/** The reason a document that could not be read as JSON is skipped: `not JSON: <what went wrong>`. */
export const notJsonReason = (message: string): string => `not JSON: ${message}`;

/**
 * Whether a document of `text[start, end)` that could not be read as JSON (`problems` say why) is
 * meant to be ours: the core's policy (classifyDocument) takes its top-level `type` and `id` alone
 * for a contract, or for a near miss of one.
 */
export function judgeUnparsed(text: string, start: number, end: number, problems: readonly { code: string; message: string }[]): UnparsedVerdict {
  const classified = classifyDocument(evidenceObject(text, start, end));
  if (classified.contract !== null) {
    return { ours: true, detection: { by: 'evidence', reason: `it cannot be read as JSON, and its text says it is ${article(classified.contract)}: ${classified.reason}` } };
  }
  if (classified.by === 'evidence') {
    return { ours: true, detection: { by: 'evidence', reason: `it cannot be read as JSON, and its text is evidence of a contract: it ${classified.reason}` } };
  }
  const fatal = problems.find((p) => p.code !== 'parse/duplicate-key') ?? problems[0];
  return { ours: false, reason: notJsonReason(fatal?.message ?? 'it cannot be read as JSON'), detection: NOTHING_SAYS_OURS };
}

const article = (name: string): string => `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;

/** Text that is not UTF-8 (a file, or a line of a JSON Lines file): its error, or, when nothing says it is ours, skipped. */
export function notUtf8(text: string, start: number, end: number, strict: boolean, problem: ScannedDocument): { skip: { reason: string; detection: Detection } } | { document: ScannedDocument } {
  if (strict) return { document: problem };
  const verdict = judgeUnparsed(text, start, end, problem.issues);
  if (verdict.ours) return { document: { ...problem, detection: verdict.detection } };
  return { skip: verdict };
}
