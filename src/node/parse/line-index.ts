/**
 * Maps character offsets of a text to 1-based line and column numbers.
 *
 * A line ends at `\n`, `\r\n` or a lone `\r`, as editors count them. Columns count UTF-16 code
 * units (SARIF's default `columnKind`), so they match what an editor shows for most text.
 */
export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  /** Offset of the first character of every line; `starts[0]` is always 0. */
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
      // the common case: native search for \n only
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /** Number of lines of the text (an empty text has one line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where the given 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
  }

  positionOf(offset: number): Position {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }
}
