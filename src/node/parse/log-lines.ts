/**
 * Splits a stream of bytes into the lines of a JSON Lines log, chunk by chunk, holding no more than
 * the line being read: a line ends at `\n`, `\r\n` or a lone `\r` (as the line index counts them,
 * also across two chunks), blank lines are passed over, and a byte-order mark at the start of the
 * stream is dropped. A line longer than the limit is not kept: it is handed over as its length only,
 * and the lines after it are read as usual.
 */

/** One non-blank line: its bytes (valid until the next chunk is pushed), or only its size when over the limit. */
export interface LogLine {
  /** 1-based line number in the stream. */
  line: number;
  /** The line's bytes, without its line break; undefined when the line is longer than the limit. */
  bytes: Buffer | undefined;
  /** The line's length in bytes. */
  size: number;
}

const LF = 10;
const CR = 13;

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = bytes[i];
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export class LogLineSplitter {
  private line = 1;
  private parts: Buffer[] = [];
  private partsSize = 0;
  /** The line being read went past the limit: its bytes are counted, not kept. */
  private over = false;
  /** The last chunk ended with `\r`: a `\n` opening the next one belongs to that line break. */
  private afterCR = false;
  private started = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: LogLine) => void,
  ) {}

  /** Number of lines begun so far (the line the next byte belongs to). */
  get lineNumber(): number {
    return this.line;
  }

  /** Splits a chunk; the chunk may be reused by the caller once this returns. */
  push(chunk: Buffer): void {
    const n = chunk.length;
    let pos = 0;
    if (n === 0) return;
    if (this.afterCR) {
      this.afterCR = false;
      if (chunk[0] === LF) pos = 1;
    }
    let nextCR = chunk.indexOf(CR, pos);
    while (pos < n) {
      if (nextCR !== -1 && nextCR < pos) nextCR = chunk.indexOf(CR, pos);
      let end = chunk.indexOf(LF, pos);
      if (end === -1) end = n;
      if (nextCR !== -1 && nextCR < end) end = nextCR;
      if (end === n) {
        this.keep(chunk.subarray(pos, n));
        return;
      }
      this.finish(chunk.subarray(pos, end));
      if (chunk[end] === CR) {
        if (end + 1 === n) {
          this.afterCR = true;
          return;
        }
        pos = chunk[end + 1] === LF ? end + 2 : end + 1;
      } else pos = end + 1;
    }
  }

  /** The end of the stream: the last line, if it has no line break. */
  end(): void {
    if (this.partsSize > 0 || this.over) this.finish(Buffer.alloc(0));
  }

  private keep(piece: Buffer): void {
    if (piece.length === 0) return;
    this.partsSize += piece.length;
    if (this.over) return;
    if (this.partsSize > this.maxLineBytes) {
      this.over = true;
      this.parts = [];
      return;
    }
    this.parts.push(Buffer.from(piece)); // a copy: the chunk is reused
  }

  private finish(last: Buffer): void {
    const size = this.partsSize + last.length;
    const line = this.line++;
    const over = this.over || size > this.maxLineBytes;
    let bytes: Buffer | undefined;
    if (!over) bytes = this.parts.length === 0 ? last : Buffer.concat([...this.parts, last], size);
    this.parts = [];
    this.partsSize = 0;
    this.over = false;
    let from = 0;
    if (!this.started) {
      this.started = true;
      if (bytes && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
    }
    if (bytes) {
      if (isBlank(bytes, from, bytes.length)) return;
      this.onLine({ line, bytes: from === 0 ? bytes : bytes.subarray(from), size: size - from });
    } else this.onLine({ line, bytes: undefined, size });
  }
}
