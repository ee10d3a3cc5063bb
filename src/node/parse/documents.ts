/**
 * Splits a decoded file into its documents: a `.json` file is one document, a `.jsonl` /
 * `.ndjson` file one document a line (blank lines skipped). Offsets stay file offsets, so every
 * position found later is a position in the file.
 */
export type DocumentFormat = 'json' | 'jsonl';

export interface DocumentSpan {
  /** 1-based line where the document starts. */
  line: number;
  start: number;
  end: number;
}

export function formatOfFile(name: string): DocumentFormat | undefined {
  if (name.endsWith('.json')) return 'json'; // the common case, without lowercasing a long path
  const lower = name.slice(-7).toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return undefined;
}

function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) return false;
  }
  return true;
}

/** The non-blank lines of a JSON Lines text, each with its line number and offsets. */
export function* jsonLines(text: string): Generator<DocumentSpan> {
  let line = 1;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    if (!isBlankRange(text, start, end)) yield { line, start, end };
    if (end >= n) break;
    // a line ends at \n, \r\n or a lone \r, as the line index counts them
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    line++;
  }
}

export function documentSpans(text: string, format: DocumentFormat): Iterable<DocumentSpan> {
  return format === 'json' ? [{ line: 1, start: 0, end: text.length }] : jsonLines(text);
}
