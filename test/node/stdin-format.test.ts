import { describe, expect, test } from 'vitest';
import { looksLikeLog } from '../../src/node/scan/stdin-format.js';

describe('standard input without a name: a log, or one document', () => {
  test('a first line that is a whole value, with more text after it, is a log', () => {
    expect(looksLikeLog('{"type":"Lease"}', '{"type":"Signal"}\n')).toBe(true);
    expect(looksLikeLog('\uFEFF  [1, 2]  ', '3')).toBe(true);
    expect(looksLikeLog('{"type":"Lease", broken}', '{"a":1}')).toBe(true); // a broken record is still a record
    expect(looksLikeLog('{}', '{}')).toBe(true);
  });
  test('a pretty-printed document, or one line alone, is one document', () => {
    expect(looksLikeLog('{', '  "type": "Lease"\n}\n')).toBe(false);
    expect(looksLikeLog('[', '1]')).toBe(false);
    expect(looksLikeLog('{"type":"Lease"}', '\n  \n')).toBe(false);
    expect(looksLikeLog('   ', '{"a":1}')).toBe(false);
  });
});
