/**
 * The bounds of a report, so that no input can make it grow faster than the input itself, each
 * said where it applies with an explicit "and N more". docs/cli.md lists them in its Limits table.
 */
import type { Severity } from '../../validation.js';
import type { LocatedIssue } from './types.js';

/** Issues listed for one document; the rest are counted in one `scan/more-issues` issue. */
export const MAX_ISSUES_PER_DOCUMENT = 100;

/** Characters of one issue message; a longer one is cut and says how much was left out. */
export const MAX_MESSAGE_CHARS = 1000;

export const MORE_ISSUES = 'scan/more-issues';

/** Issues left out of a document's list, by severity: the summary still counts them. */
export interface OmittedIssues {
  errors: number;
  warnings: number;
}

/** A message of at most MAX_MESSAGE_CHARS characters (a cut never splits a surrogate pair). */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  let cut = MAX_MESSAGE_CHARS - 60;
  const code = message.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${message.slice(0, cut)}… (and ${message.length - cut} more characters)`;
}

const byPlace = (a: LocatedIssue, b: LocatedIssue): number => a.line - b.line || a.column - b.column;

/**
 * A document's issues as listed: every message bounded, and past MAX_ISSUES_PER_DOCUMENT the first
 * ones by place, then one issue that counts the others (`extra` are issues already known to be
 * left out, by severity, such as duplicate keys the parser only counted).
 */
export function boundedIssues(issues: LocatedIssue[], extra: OmittedIssues = { errors: 0, warnings: 0 }): { issues: LocatedIssue[]; omitted?: OmittedIssues } {
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as LocatedIssue;
    if (issue.message.length > MAX_MESSAGE_CHARS) issue.message = boundedMessage(issue.message);
  }
  if (issues.length <= MAX_ISSUES_PER_DOCUMENT && extra.errors + extra.warnings === 0) return { issues };
  issues.sort(byPlace);
  const kept = issues.slice(0, MAX_ISSUES_PER_DOCUMENT);
  const omitted: OmittedIssues = { ...extra };
  for (let i = MAX_ISSUES_PER_DOCUMENT; i < issues.length; i++) {
    if ((issues[i] as LocatedIssue).severity === 'error') omitted.errors++;
    else omitted.warnings++;
  }
  const total = omitted.errors + omitted.warnings;
  const severity: Severity = omitted.errors > 0 ? 'error' : 'warning';
  const last = kept[kept.length - 1] ?? { line: 1, column: 1 };
  const parts = [omitted.errors > 0 ? `${omitted.errors} error${omitted.errors === 1 ? '' : 's'}` : '', omitted.warnings > 0 ? `${omitted.warnings} warning${omitted.warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  kept.push({
    code: MORE_ISSUES,
    severity,
    pointer: '',
    message: `and ${total} more issue${total === 1 ? '' : 's'} in this document (${parts.join(', ')}), not listed: a report lists at most ${MAX_ISSUES_PER_DOCUMENT} issues a document`,
    line: last.line,
    column: last.column,
  });
  return { issues: kept, omitted };
}
