/**
 * What was skipped and why, in words for the summary line, when something a user may have expected
 * to be checked was skipped: documents of other SourceOS families, or text that is not JSON.
 * `412 skipped (260 other SourceOS documents, 9 not JSON, 143 other JSON: --verbose lists them)`.
 */
import type { ScanSummary } from '../scan/types.js';

const counted = (n: number, one: string, many = one): string => `${n} ${n === 1 ? one : many}`;

/** `412 skipped`, with why when other SourceOS documents or text that is not JSON were among them. */
export function skippedText(s: ScanSummary, verbose = false): string {
  const as = s.skippedAs;
  if (!as || (as.otherSourceOS === 0 && as.notJson === 0)) return `${s.skipped} skipped`;
  const parts: string[] = [];
  if (as.otherSourceOS > 0) parts.push(counted(as.otherSourceOS, 'other SourceOS document', 'other SourceOS documents'));
  if (as.notJson > 0) parts.push(`${as.notJson} not JSON`);
  if (as.otherJson > 0) parts.push(`${as.otherJson} other JSON`);
  if (as.other > 0) parts.push(`${as.other} for other reasons`);
  return `${s.skipped} skipped (${parts.join(', ')}: ${verbose ? 'listed above' : '--verbose lists them'})`;
}
