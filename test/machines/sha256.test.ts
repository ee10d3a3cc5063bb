import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Digest, sha256Hex } from '../../src/machines/kernel/sha256.js';

const nodeSha = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

describe('sha256 (pure, synchronous)', () => {
  it('matches the NIST vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto at every padding boundary', () => {
    for (let n = 0; n <= 130; n++) expect(sha256Hex('x'.repeat(n)), `length ${n}`).toBe(nodeSha('x'.repeat(n)));
  });

  it('hashes strings as UTF-8 and bytes as they are, like node:crypto', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => sha256Hex(s) === nodeSha(s)), { numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => sha256Hex(bytes) === nodeSha(bytes)), { numRuns: 300 });
  });

  it('writes the estate digest form', () => {
    expect(sha256Digest('abc')).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
