/**
 * Standard input without `--stdin-filename`: one JSON document, or a JSON Lines log? `cat log.jsonl |
 * validate-contracts -` must stream like the file, and a pretty-printed document must stay one.
 * The first line decides, read before anything is checked: a log's first line is a whole JSON
 * value (or at least a `{…}` on one line) and more text follows it; a pretty-printed document's
 * first line is not. What was read to decide is handed to the scan that follows, nothing is lost.
 */
import { fstatSync } from 'node:fs';
import { readChunk, readStandardInput, type FileRefusal } from './read-file.js';

export type StdinHead = { ok: true; format: 'json' | 'jsonl'; head: Buffer } | FileRefusal;

const NEWLINE = 0x0a;
const isBlank = (text: string): boolean => text.trim().length === 0;

/** Whether a first line and what follows it are those of a JSON Lines log. */
export function looksLikeLog(firstLine: string, rest: string): boolean {
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (line.length === 0 || isBlank(rest)) return false;
  if (line.startsWith('{') && line.endsWith('}') && line.length > 2) return true; // a record, even a broken one
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

const isSpaceByte = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d || b === NEWLINE;

/**
 * Reads standard input up to the end of its first line with text, and on until more text shows (or
 * the input ends), at most a little past `maxBytes`; says which format it is.
 */
export function readStdinHead(maxBytes: number): StdinHead {
  try {
    if (fstatSync(0).isDirectory()) return readStandardInput(maxBytes) as FileRefusal;
    const chunks: Buffer[] = [];
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    let firstEnd = -1; // the newline that ends the first line with text
    let lineHasText = false;
    let textAfter = false;
    for (let n = readChunk(0, chunk); n > 0 && !textAfter && total <= maxBytes; n = textAfter || total > maxBytes ? 0 : readChunk(0, chunk)) {
      const piece = Buffer.from(chunk.subarray(0, n));
      chunks.push(piece);
      for (let i = 0; i < n; i++) {
        const b = piece[i]!;
        if (firstEnd >= 0) {
          if (!isSpaceByte(b)) {
            textAfter = true;
            break;
          }
        } else if (b === NEWLINE) {
          if (lineHasText) firstEnd = total + i;
        } else if (!isSpaceByte(b)) lineHasText = true;
      }
      total += n;
    }
    const head = Buffer.concat(chunks, total);
    if (firstEnd < 0 || !textAfter) return { ok: true, format: 'json', head };
    const log = looksLikeLog(head.toString('utf8', 0, firstEnd), head.toString('utf8', firstEnd + 1));
    return { ok: true, format: log ? 'jsonl' : 'json', head };
  } catch (error) {
    return { ok: false, code: 'file/unreadable', message: `cannot read standard input: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}
