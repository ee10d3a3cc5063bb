/**
 * SHA-256 (FIPS 180-4), pure and synchronous, for the browser-safe core: no Web Crypto (async),
 * no node:crypto. Strings are hashed as their UTF-8 bytes. Written here rather than taken from
 * `@noble/hashes`: its SHA-256 bundles to 2.6 KiB min+gzip against 1.1 KiB for this one, which
 * would put the core over its 64 KiB budget (see docs/packaging.md), and the machines hash only
 * short strings (a path), where either takes microseconds. The NIST vectors and node:crypto check it
 * (test/machines/sha256.test.ts). Never throws: a value that is neither bytes nor a string is the
 * refusal `git/invalid-input` (the machine that digests paths).
 */
import { describeValue } from './describe.js';
import { refuse, type Refused } from './outcome.js';

type NotBytes = Refused<'git/invalid-input'>;
const notBytes = (data: unknown): NotBytes => refuse('git/invalid-input', `SHA-256 takes bytes or a string, not ${describeValue(data)}`);

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** The message padded to a multiple of 64 bytes: a 1 bit, zeros, and the bit length (64-bit big-endian). */
function pad(data: Uint8Array): Uint8Array {
  const length = Math.ceil((data.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 8, Math.floor(data.length / 0x20000000));
  view.setUint32(length - 4, (data.length << 3) >>> 0);
  return padded;
}

/** The SHA-256 digest of some bytes (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array;
export function sha256(data: unknown): Uint8Array | NotBytes;
export function sha256(data: unknown): Uint8Array | NotBytes {
  try {
    return data instanceof Uint8Array ? digest(data) : notBytes(data);
  } catch (error) {
    return notBytes(error);
  }
}

function digest(data: Uint8Array): Uint8Array {
  const message = pad(data);
  const view = new DataView(message.buffer);
  const h = [...INITIAL] as [number, number, number, number, number, number, number, number];
  const w = new Uint32Array(64);
  for (let offset = 0; offset < message.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + t * 4);
    for (let t = 16; t < 64; t++) {
      const w15 = w[t - 15] ?? 0;
      const w2 = w[t - 2] ?? 0;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[t] = ((w[t - 16] ?? 0) + s0 + (w[t - 7] ?? 0) + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 64; t++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[t] ?? 0) + (w[t] ?? 0)) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0] + a) >>> 0;
    h[1] = (h[1] + b) >>> 0;
    h[2] = (h[2] + c) >>> 0;
    h[3] = (h[3] + d) >>> 0;
    h[4] = (h[4] + e) >>> 0;
    h[5] = (h[5] + f) >>> 0;
    h[6] = (h[6] + g) >>> 0;
    h[7] = (h[7] + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}

/** The SHA-256 of bytes or of a string's UTF-8 bytes, as 64 lower-case hex digits. */
export function sha256Hex(data: Uint8Array | string): string;
export function sha256Hex(data: unknown): string | NotBytes;
export function sha256Hex(data: unknown): string | NotBytes {
  const digest = sha256(typeof data === 'string' ? new TextEncoder().encode(data) : data);
  return digest instanceof Uint8Array ? Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('') : digest;
}

/** The estate's digest form: `sha256:` and 64 hex digits. */
export function sha256Digest(data: Uint8Array | string): string;
export function sha256Digest(data: unknown): string | NotBytes;
export function sha256Digest(data: unknown): string | NotBytes {
  const hex = sha256Hex(data);
  return typeof hex === 'string' ? `sha256:${hex}` : hex;
}
