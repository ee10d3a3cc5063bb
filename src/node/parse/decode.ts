/**
 * Strict UTF-8 decoding of a file's bytes. A byte-order mark is accepted and dropped; any
 * invalid sequence is reported with the line and column where it starts, never replaced.
 */
import { isUtf8 } from 'node:buffer';
import { LineIndex, type Position } from './line-index.js';

export type Decoded = { ok: true; text: string } | { ok: false; byteOffset: number; position: Position; message: string };

const BOM = [0xef, 0xbb, 0xbf];

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
}

export function decodeUtf8(bytes: Buffer): Decoded {
  const skip = hasBom(bytes) ? 3 : 0;
  if (isUtf8(bytes)) return { ok: true, text: bytes.toString('utf8', skip) };
  const bad = firstInvalidByte(bytes, skip);
  const before = bytes.toString('utf8', skip, bad);
  const position = new LineIndex(before).positionOf(before.length);
  const shown = Array.from(bytes.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return {
    ok: false,
    byteOffset: bad,
    position,
    message: `the file is not valid UTF-8: invalid byte sequence at byte ${bad} (${shown})`,
  };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const low = k === 1 ? lo : 0x80;
      const high = k === 1 ? hi : 0xbf;
      if (c < low || c > high) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The text of bytes that may not all be UTF-8: invalid sequences become U+FFFD, the BOM is dropped. */
export function decodeLossy(bytes: Buffer): string {
  return bytes.toString('utf8', hasBom(bytes) ? 3 : 0);
}
