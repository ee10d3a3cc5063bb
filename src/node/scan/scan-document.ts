/**
 * Checks one document of a file: parse (fast path first), choose the contract (by what outranks
 * the document, see decide-by-place.ts, then by the core's policy: `type`, evidence of a broken
 * contract, shape), validate with the core, and place every issue at its line and column. A
 * document that is no contract is skipped, unless the policy has an issue for it (a near miss,
 * a warning); so is one that cannot be read as JSON, unless something says it is ours (unparsed.ts).
 */
import { classifyDocument, validate, type Classification, type ContractName, type Issue } from '../../validation.js';
import type { PlaceDecision } from './decide-by-place.js';
import type { DocumentSpan } from '../parse/documents.js';
import { findPointers } from '../parse/pointer-finder.js';
import { parseJson, type ParseProblem } from '../parse/parse-json.js';
import type { PositionedText } from '../parse/source-text.js';
import { compareInstants, formatInstant, type Instant } from '../../rules/instant.js';
import { documentFacts } from './document-facts.js';
import { boundedIssues, MAX_ISSUES_PER_DOCUMENT } from './limits.js';
import { locateIssue, type Positions } from './locate.js';
import { NOT_A_CONTRACT, UNPARSED, type Detection, type LocatedIssue, type ScannedDocument, type SkipKind } from './types.js';
import { judgeUnparsed } from './unparsed.js';

export interface DocumentContext {
  source: PositionedText;
  maxDepth: number;
  /** The contract the command line, the configuration or the file's place decided, if any. */
  place: PlaceDecision | undefined;
  /**
   * Judge every document as one of ours (a file named on the command line, standard input, or one
   * whose contract was decided before reading): one that does not parse is an error, not skipped.
   */
  strict: boolean;
  /** Folder whose `.substrate/constants/budgets.yaml` governs a lease of this file. */
  leaseRoot: string;
  /** The base name, for rules about file names; only for `.json` files. */
  filename: string | undefined;
  /** The instant leases are judged at. */
  now: Instant;
  /** Take the fingerprint of a document's content now: it cannot be read again (a log's line, standard input). */
  contentNow: boolean;
  /** List the document's warnings, placed; false: only count them, in `omitted` (FileScanOptions.listWarnings). */
  listWarnings: boolean;
}

export type DocumentOutcome = { kind: 'document'; document: ScannedDocument } | { kind: 'skipped'; reason: string; detection: Detection; as: SkipKind };

function locateProblem(problem: ParseProblem, source: PositionedText): LocatedIssue {
  const { line, column } = source.positionOf(problem.offset);
  let message = problem.message;
  if (problem.firstOffset !== undefined) {
    const first = source.positionOf(problem.firstOffset);
    message = `${message} (first at line ${first.line}, column ${first.column})`;
  }
  return { code: problem.code, severity: 'error', pointer: problem.pointer, message, line, column };
}

function expiredLease(lease: Record<string, unknown>, now: Instant): Issue {
  return {
    code: 'scan/expired-lease',
    severity: 'warning',
    pointer: '/expires_at',
    message: `the lease expired at ${String(lease.expires_at)}, by ${formatInstant(now)}, and is still on disk (lease hoarding): release it`,
  };
}

const plain = new WeakMap<Classification, Detection>();

/** The `by` and `reason` of a classification (one object for the shared ones, by `type`). */
function detectionOf(classified: Classification): Detection {
  let detection = plain.get(classified);
  if (!detection) plain.set(classified, (detection = { by: classified.by, reason: classified.reason }));
  return detection;
}

/**
 * The document with its issues bounded (limits.ts): the rest counted in `omitted`, with the
 * `unlisted` warnings (those a report that shows no warning does not need placed).
 */
function listed(document: ScannedDocument, extra: { errors: number; warnings: number }, unlisted = 0): ScannedDocument {
  const bounded = boundedIssues(document.issues, extra);
  document.issues = bounded.issues;
  const omitted = bounded.omitted;
  if (omitted || unlisted > 0) document.omitted = { errors: omitted?.errors ?? 0, warnings: (omitted?.warnings ?? 0) + unlisted };
  return document;
}

/** Takes the warnings out of `issues`, keeping the errors in order; the count taken. */
function takeWarnings(issues: Issue[]): number {
  let kept = 0;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    if (issue.severity === 'error') issues[kept++] = issue;
  }
  const taken = issues.length - kept;
  issues.length = kept;
  return taken;
}

export function scanDocument(context: DocumentContext, span: DocumentSpan): DocumentOutcome {
  const { source, maxDepth } = context;
  const parsed = parseJson(source.text, maxDepth, span.start, span.end);
  // every issue list starts as this one literal and grows by push: one array shape for V8 throughout
  const located: LocatedIssue[] = [];
  const problems = parsed.problems;
  for (let i = 0; i < problems.length; i++) located.push(locateProblem(problems[i] as ParseProblem, source));
  const extra = { errors: parsed.moreDuplicates ?? 0, warnings: 0 };
  if (!parsed.parsed) {
    const place = context.place;
    let detection = place?.detection ?? UNPARSED;
    if (!context.strict) {
      // nothing said it is ours before it was read: only its text can (unparsed.ts)
      const verdict = judgeUnparsed(source.text, span.start, span.end, parsed.problems);
      if (!verdict.ours) return { kind: 'skipped', reason: verdict.reason, detection: verdict.detection, as: 'not-json' };
      detection = verdict.detection;
    }
    return { kind: 'document', document: listed({ line: span.line, contract: place?.contract ?? null, detection, ok: false, issues: located }, extra) };
  }
  const value = parsed.value;
  const place = context.place;
  const classified = place ? undefined : classifyDocument(value);
  let contract: ContractName | null = place ? place.contract : (classified as NonNullable<typeof classified>).contract;
  const detection: Detection = place ? place.detection : detectionOf(classified as Classification);
  const issues: Issue[] = [];
  if (contract) {
    const result = validate(value, { contract, filename: context.filename });
    contract = result.contract;
    const found = result.issues;
    for (let i = 0; i < found.length; i++) issues.push(found[i] as Issue);
  } else {
    const issue = classified?.issue;
    // a document that is none of ours is skipped, its duplicate keys too, unless it was asked for by name
    if (!issue && (located.length === 0 || !context.strict)) return { kind: 'skipped', reason: NOT_A_CONTRACT, detection, as: classified?.notOurs === 'sourceos' ? 'sourceos' : 'json' };
    if (issue) issues.push(issue);
  }
  const facts = documentFacts(value, contract, context.leaseRoot, context.contentNow);
  if (facts?.lease && compareInstants(facts.lease.expiresAt, context.now) <= 0) issues.push(expiredLease(value as Record<string, unknown>, context.now));
  const unlisted = context.listWarnings ? 0 : takeWarnings(issues);
  if (issues.length > MAX_ISSUES_PER_DOCUMENT) {
    // only the listed issues are placed; the others are counted
    for (const issue of issues.splice(MAX_ISSUES_PER_DOCUMENT)) extra[issue.severity === 'error' ? 'errors' : 'warnings']++;
  }
  if (issues.length > 0) {
    // JSON.parse accepted the text: follow only the paths to the issues (a layout may exist already)
    const layout: Positions = parsed.layout ?? findPointers(source.text, issues.map((i) => i.pointer), span.start, span.end);
    for (let i = 0; i < issues.length; i++) located.push(locateIssue(issues[i] as Issue, layout, source, span.start));
  }
  let ok = extra.errors === 0;
  for (let i = 0; i < located.length; i++) if ((located[i] as LocatedIssue).severity === 'error') ok = false;
  const document: ScannedDocument = { line: span.line, contract, detection, ok, issues: located };
  if (facts) document.facts = facts;
  return { kind: 'document', document: listed(document, extra, unlisted) };
}
