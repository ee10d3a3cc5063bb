/**
 * The lines of a JSON Lines file that were skipped, gathered by why (SkipKind), and written as one
 * skipped entry a kind that names its lines: `not contract documents: lines 2, 5`,
 * `SourceOS documents of other families: lines 1, 2, 3`, `not JSON: line 1: unexpected '#', ...`.
 * Each kind keeps its first LINES_LISTED line numbers and counts the rest, so a log of millions of
 * skipped lines costs no more than one of ten.
 */
import type { Detection, SkipKind, SkippedEntry } from './types.js';

/** Line numbers listed in a skipped entry; more are counted. */
export const LINES_LISTED = 10;

interface Kept {
  shown: number[];
  count: number;
  detection: Detection;
  reason: string;
}

function describeLines({ shown, count }: Kept): string {
  const more = count > shown.length ? ` and ${count - shown.length} more` : '';
  return `${count === 1 ? 'line' : 'lines'} ${shown.join(', ')}${more}`;
}

/** The lines of a JSON Lines file that were skipped, by kind: one skipped entry a kind, naming its lines. */
export class SkippedLines {
  private readonly byKind = new Map<SkipKind, Kept>();

  /** A skipped line; the detection and reason of the first line of each kind are kept. */
  add(line: number, kind: SkipKind, detection: Detection, reason: string): void {
    const found = this.byKind.get(kind);
    if (!found) this.byKind.set(kind, { shown: [line], count: 1, detection, reason });
    else {
      found.count++;
      if (found.shown.length < LINES_LISTED) found.shown.push(line);
    }
  }

  /** One skipped entry a kind of the file shown as `file`. */
  entries(file: string): SkippedEntry[] {
    const entries: SkippedEntry[] = [];
    for (const [kind, kept] of this.byKind) {
      if (kind === 'not-json') {
        // `not JSON: line 1: unexpected '#', ...`, or `not JSON: lines 1, 4 (line 1: unexpected '#', ...)`
        const first = kept.reason.slice(kept.reason.indexOf(':') + 2);
        const where = kept.count === 1 ? `line ${kept.shown[0]}: ${first}` : `${describeLines(kept)} (line ${kept.shown[0]}: ${first})`;
        entries.push({ file, reason: `not JSON: ${where}`, detection: kept.detection, kind });
      } else {
        const what = kind === 'sourceos' ? 'SourceOS documents of other families' : 'not contract documents';
        entries.push({ file, reason: `${what}: ${describeLines(kept)}`, kind });
      }
    }
    return entries;
  }
}
