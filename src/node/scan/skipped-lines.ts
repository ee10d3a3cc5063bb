/**
 * The lines of a JSON Lines file that were skipped, gathered by why (SkipKind), and written as one
 * skipped entry a kind that names its lines: `not contract documents: lines 2, 5`,
 * `SourceOS documents of other families: lines 1, 2, 3`, `not JSON: line 1: unexpected '#', ...`.
 */
import type { Detection, FileScan, SkipKind } from './types.js';

function describeLines(lines: number[]): string {
  const shown = lines.slice(0, 10).join(', ');
  const more = lines.length > 10 ? ` and ${lines.length - 10} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}

/** The lines of a JSON Lines file that were skipped, by kind: one skipped entry a kind, naming its lines. */
export class SkippedLines {
  private readonly byKind = new Map<SkipKind, { lines: number[]; detection: Detection; reason: string }>();

  /** A skipped line; the detection and reason of the first line of each kind are kept. */
  add(line: number, kind: SkipKind, detection: Detection, reason: string): void {
    const found = this.byKind.get(kind);
    if (found) found.lines.push(line);
    else this.byKind.set(kind, { lines: [line], detection, reason });
  }

  entries(scan: FileScan): void {
    for (const [kind, { lines, detection, reason }] of this.byKind) {
      if (kind === 'not-json') {
        // `not JSON: line 1: unexpected '#', ...`, or `not JSON: lines 1, 4 (line 1: unexpected '#', ...)`
        const first = reason.slice(reason.indexOf(':') + 2);
        const where = lines.length === 1 ? `line ${lines[0]}: ${first}` : `${describeLines(lines)} (line ${lines[0]}: ${first})`;
        scan.skipped.push({ file: scan.file, reason: `not JSON: ${where}`, detection, kind });
      } else {
        const what = kind === 'sourceos' ? 'SourceOS documents of other families' : 'not contract documents';
        scan.skipped.push({ file: scan.file, reason: `${what}: ${describeLines(lines)}`, kind });
      }
    }
  }
}
