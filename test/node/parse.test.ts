// The parsing layer: strict UTF-8, positions, the fast path and the position-keeping reader.
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../../src/node/parse/decode.js';
import { documentSpans, formatOfFile, jsonLines } from '../../src/node/parse/documents.js';
import { locateJson } from '../../src/node/parse/json-locator.js';
import { findPointers } from '../../src/node/parse/pointer-finder.js';
import { offsetOfPointer } from '../../src/node/scan/locate.js';
import { LineIndex } from '../../src/node/parse/line-index.js';
import { LogLineSplitter } from '../../src/node/parse/log-lines.js';
import { DEPTH_CHECK_FROM, parseJson } from '../../src/node/parse/parse-json.js';
import { countKeyColons, measureTree, nestsDeeper } from '../../src/node/parse/tree-shape.js';
import { stringEnd } from '../../src/node/parse/string-end.js';

const DEPTH = 36;

describe('LineIndex', () => {
  test('counts \\n, \\r\\n and a lone \\r as line ends, columns from 1', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg');
    expect(index.positionOf(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionOf(4)).toEqual({ line: 2, column: 2 });
    expect(index.positionOf(7)).toEqual({ line: 3, column: 1 });
    expect(index.positionOf(10)).toEqual({ line: 4, column: 1 });
    expect(index.lineCount).toBe(4);
  });

  test('agrees with a character-by-character count on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', 'é', '😀'), { maxLength: 30 }), fc.nat(), (parts, pick) => {
        const text = parts.join('');
        const offset = text.length === 0 ? 0 : pick % text.length;
        let line = 1;
        let start = 0;
        for (let i = 0; i < offset; i++) {
          if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
            line++;
            start = i + 1;
          }
        }
        expect(new LineIndex(text).positionOf(offset)).toEqual({ line, column: offset - start + 1 });
      }),
    );
  });
});

describe('decodeUtf8', () => {
  test('accepts and drops a byte-order mark', () => {
    const result = decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect(result).toEqual({ ok: true, text: '{}' });
  });

  test('reports the line and column of the first invalid sequence', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "a": "é'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n}')]);
    const result = decodeUtf8(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.position).toEqual({ line: 2, column: 10 });
      expect(result.message).toMatch(/not valid UTF-8/);
    }
  });

  test('rejects overlong forms and surrogates, which Buffer.toString would replace', () => {
    expect(firstInvalidByte(Buffer.from([0x41, 0xc0, 0xaf]))).toBe(1); // overlong '/'
    expect(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // U+D800
    expect(firstInvalidByte(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // > U+10FFFF
    expect(firstInvalidByte(Buffer.from('hé€😀'))).toBe(Buffer.byteLength('hé€😀'));
  });

  test('agrees with the fatal TextDecoder on arbitrary bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(decodeUtf8(Buffer.from(bytes)).ok).toBe(valid);
        expect(firstInvalidByte(bytes) === bytes.length).toBe(valid);
      }),
    );
  });
});

describe('documents of a file', () => {
  test('formats by extension', () => {
    expect(formatOfFile('a/b.JSON')).toBe('json');
    expect(formatOfFile('x.jsonl')).toBe('jsonl');
    expect(formatOfFile('x.ndjson')).toBe('jsonl');
    expect(formatOfFile('x.yaml')).toBeUndefined();
  });

  test('JSON Lines: one document a line, blank lines skipped, file line numbers', () => {
    const text = '{"a":1}\n\n  \r\n{"b":2}\r\n{"c":3}';
    const spans = [...jsonLines(text)];
    expect(spans.map((s) => [s.line, text.slice(s.start, s.end)])).toEqual([
      [1, '{"a":1}'],
      [4, '{"b":2}'],
      [5, '{"c":3}'],
    ]);
    expect([...documentSpans(text, 'json')]).toEqual([{ line: 1, start: 0, end: text.length }]);
  });
});

describe('parseJson', () => {
  test('clean JSON takes the fast path: a value, no problem, no layout', () => {
    const parsed = parseJson('{"a": [1, {"b": null}], "c": "x:y"}', DEPTH);
    expect(parsed).toEqual({ parsed: true, value: { a: [1, { b: null }], c: 'x:y' }, problems: [], layout: undefined });
  });

  test('a duplicate key is reported at its second occurrence, with the first', () => {
    const text = '{\n  "revocable": true,\n  "x": 1,\n  "revocable": false\n}';
    const parsed = parseJson(text, DEPTH);
    expect(parsed.parsed).toBe(true);
    expect(parsed.value).toEqual({ revocable: false, x: 1 });
    expect(parsed.problems).toEqual([
      expect.objectContaining({ code: 'parse/duplicate-key', pointer: '/revocable', offset: text.lastIndexOf('"revocable"'), firstOffset: 4 }),
    ]);
  });

  test('keys that differ only by escapes are the same key', () => {
    const parsed = parseJson('{"a": 1, "\\u0061": 2}', DEPTH);
    expect(parsed.problems.map((p) => p.code)).toEqual(['parse/duplicate-key']);
  });

  test('colons and quotes inside strings do not hide or invent duplicates', () => {
    expect(parseJson('{"a": "\\": \\":", "b": ":"}', DEPTH).problems).toEqual([]);
    expect(parseJson('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}', DEPTH).problems).toEqual([]);
    expect(parseJson('{"k" : 1, "k"\n: 2}', DEPTH).problems.map((p) => p.pointer)).toEqual(['/k']);
  });

  test('syntax errors carry the offset and the pointer being read', () => {
    const text = '{\n  "a": {\n    "b": tru\n  }\n}';
    const parsed = parseJson(text, DEPTH);
    expect(parsed.parsed).toBe(false);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'parse/syntax', pointer: '/a/b', offset: text.indexOf('tru') })]);
  });

  test.each([
    ['{"a":1,}', /expected a property name/],
    ['[1,]', /expected a JSON value/],
    ['{"a" 1}', /expected ':'/],
    ['"abc', /unterminated string/],
    ['[01]', /leading zero/],
    ['{"a":"\t"}', /control character/],
    ['{"a":"\\x"}', /invalid escape/],
    ['{} {}', /after the end of the JSON value/],
    ['[1.]', /after the decimal point/],
    ['NaN', /expected a JSON value/],
  ])('rejects %j like JSON.parse does', (text, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const parsed = parseJson(text, DEPTH);
    expect(parsed.problems[0]?.code).toBe('parse/syntax');
    expect(parsed.problems[0]?.message).toMatch(message);
  });

  test("leaves the process's Error.stackTraceLimit as it found it, whether the text parses or not", () => {
    const before = Error.stackTraceLimit;
    try {
      Error.stackTraceLimit = 7;
      parseJson('{"a": 1}', DEPTH);
      expect(Error.stackTraceLimit).toBe(7);
      expect(parseJson('{"a": tru}', DEPTH).problems[0]?.code).toBe('parse/syntax');
      expect(Error.stackTraceLimit).toBe(7);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  test('parses as usual where Error.stackTraceLimit cannot be set', () => {
    const before = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit') as PropertyDescriptor;
    Object.defineProperty(Error, 'stackTraceLimit', { ...before, writable: false });
    try {
      expect(parseJson('{"a": 1}', DEPTH).value).toEqual({ a: 1 });
      expect(parseJson('{"a": tru}', DEPTH).problems.map((p) => p.code)).toEqual(['parse/syntax']);
    } finally {
      Object.defineProperty(Error, 'stackTraceLimit', before);
    }
  });

  test('an empty or blank document is parse/empty', () => {
    expect(parseJson('', DEPTH).problems.map((p) => p.code)).toEqual(['parse/empty']);
    expect(parseJson(' \n\t', DEPTH).problems.map((p) => p.code)).toEqual(['parse/empty']);
  });

  test('nesting past the limit is parse/too-deep at the first too-deep value, and never overflows', () => {
    const shallow = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
    expect(parseJson(shallow, DEPTH).problems).toEqual([]);
    const deep = `{"a": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
    const parsed = parseJson(deep, DEPTH);
    expect(parsed.parsed).toBe(false);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'parse/too-deep', offset: 6 + DEPTH - 1 })]);
    const hostile = '['.repeat(200_000);
    expect(parseJson(hostile, DEPTH).problems[0]?.code).toBe('parse/too-deep');
  });

  test('agrees with JSON.parse on validity, and finds every duplicate the tree hides', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.boolean(), (text, mangle) => {
        const input = mangle ? text.slice(0, Math.max(0, text.length - 1)) : text;
        let valid = true;
        try {
          JSON.parse(input);
        } catch {
          valid = false;
        }
        const parsed = parseJson(input, DEPTH);
        const broken = parsed.problems.some((p) => p.code !== 'parse/duplicate-key');
        expect(broken).toBe(!valid);
      }),
    );
  });
});

describe('locateJson', () => {
  test('records the offset of every value by pointer, escaping ~ and /', () => {
    const text = '{"a/b": [10, {"c~d": true}], "e": ""}';
    const layout = locateJson(text, DEPTH);
    expect(layout.positions.get('')).toBe(0);
    expect(layout.positions.get('/a~1b')).toBe(text.indexOf('['));
    expect(layout.positions.get('/a~1b/0')).toBe(text.indexOf('10'));
    expect(layout.positions.get('/a~1b/1/c~0d')).toBe(text.indexOf('true'));
    expect(layout.positions.get('/e')).toBe(text.lastIndexOf('""'));
  });

  test('reads only the span asked for (a line of JSON Lines)', () => {
    const text = '{"a":1}\n{"b":}\n';
    const layout = locateJson(text, DEPTH, 8, 14);
    expect(layout.syntax).toEqual(expect.objectContaining({ offset: 13, pointer: '/b' }));
  });
});

describe('tree shape and key colons', () => {
  test('members and depth', () => {
    expect(measureTree({ a: [1, { b: 2, c: [] }], d: null }, DEPTH)).toEqual({ members: 4, depth: 4 });
    expect(measureTree(5, DEPTH)).toEqual({ members: 0, depth: 0 });
  });

  test('the colon count never undercounts the keys of valid JSON', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(countKeyColons(text, 0, text.length)).toBeGreaterThanOrEqual(measureTree(JSON.parse(text), 99).members);
      }),
    );
  });
});

describe('findPointers', () => {
  test('places pointers, missing ones at the deepest value that exists, escapes and all', () => {
    const text = ' {"a/b": [10, {"c~d": true, "e\\"x": "q\\"}"}], "f": {}}';
    const found = findPointers(text, ['/a~1b/1/c~0d', '/a~1b/1/e"x', '/f/missing', '/a~1b/7', '/nope/deeper']);
    expect(offsetOfPointer(found, '/a~1b/1/c~0d', 0)).toBe(text.indexOf('true'));
    expect(offsetOfPointer(found, '/a~1b/1/e"x', 0)).toBe(text.indexOf('"q'));
    expect(offsetOfPointer(found, '/f/missing', 0)).toBe(text.lastIndexOf('{}'));
    expect(offsetOfPointer(found, '/a~1b/7', 0)).toBe(text.indexOf('['));
    expect(offsetOfPointer(found, '/nope/deeper', 0)).toBe(1);
  });

  test('agrees with the position-keeping reader on every pointer of random documents, within a span', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 5 }), fc.string({ maxLength: 3 }), (json, noise) => {
        const text = `${noise.replace(/[\n\r]/g, '')}\n  ${json}  \n${noise}`;
        const start = text.indexOf('\n') + 1;
        const end = text.lastIndexOf('\n');
        const layout = locateJson(text, 99, start, end);
        const pointers = [...layout.positions.keys()];
        const found = findPointers(text, [...pointers, ...pointers.map((p) => `${p}/zz~1missing`)], start, end);
        for (const pointer of pointers) {
          expect(found.get(pointer), pointer).toBe(layout.positions.get(pointer));
          expect(offsetOfPointer(found, `${pointer}/zz~1missing`, -1)).toBe(layout.positions.get(pointer));
        }
      }),
    );
  });
});

describe('LogLineSplitter', () => {
  const split = (chunks: Buffer[], max = Number.MAX_SAFE_INTEGER) => {
    const lines: { line: number; text: string | undefined; size: number }[] = [];
    const splitter = new LogLineSplitter(max, ({ line, bytes, size }) => lines.push({ line, text: bytes?.toString('utf8'), size }));
    for (const chunk of chunks) splitter.push(chunk);
    splitter.end();
    return lines;
  };
  const piece = fc.oneof(fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '{}', 'é', '"a"'), fc.string({ maxLength: 5 }));

  test('cut anywhere, a stream gives the lines, numbers and offsets of the whole text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (pieces, cuts, bom) => {
        const text = pieces.join('');
        const bytes = Buffer.from(`${bom ? '\ufeff' : ''}${text}`);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, [...at, bytes.length][i]));
        const expected = [...jsonLines(text)].map((s) => ({ line: s.line, text: text.slice(s.start, s.end), size: Buffer.byteLength(text.slice(s.start, s.end)) }));
        expect(split(chunks)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('a line over the limit is handed over by its size only, and the next lines as usual', () => {
    const long = 'x'.repeat(100);
    const bytes = Buffer.from(`{"a": 1}\n${long}\r\n{"b": 2}`);
    const chunks = [bytes.subarray(0, 20), bytes.subarray(20, 50), bytes.subarray(50)];
    expect(split(chunks, 50)).toEqual([
      { line: 1, text: '{"a": 1}', size: 8 },
      { line: 2, text: undefined, size: 100 },
      { line: 3, text: '{"b": 2}', size: 8 },
    ]);
  });
});

describe('deep nesting in a long text', () => {
  afterEach(() => vi.restoreAllMocks());
  const deep = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  /** A long document: a string pads it past the length from which nesting is checked first. */
  const padded = (inner: string): string => `{"pad": "${'x'.repeat(DEPTH_CHECK_FROM)}", "v": ${inner}}`;

  test('is refused before JSON.parse builds it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const parsed = parseJson(deep(200000), DEPTH);
    expect(parse).not.toHaveBeenCalled();
    expect(parsed.parsed).toBe(false);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'parse/too-deep', offset: DEPTH })]);
  });

  test('a long document within the depth, and a short deep one, still take JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(parseJson(padded(deep(DEPTH - 1)), DEPTH)).toMatchObject({ parsed: true, problems: [] });
    expect(parseJson(deep(100), DEPTH).problems).toEqual([expect.objectContaining({ code: 'parse/too-deep' })]);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  test('brackets inside strings, and escaped quotes, do not count', () => {
    const text = JSON.stringify([`${'['.repeat(100)}\\`, `"${'{'.repeat(100)}`]); // a trailing backslash, an escaped quote
    expect(JSON.parse(text)).toHaveLength(2);
    expect(nestsDeeper(text, 2, 0, text.length)).toBe(false);
    expect(nestsDeeper(deep(3), 2, 0, 6)).toBe(true);
    expect(nestsDeeper(deep(2), 2, 0, 4)).toBe(false);
  });

  test('the depth found by searching for quotes is the depth found character by character, on any text', () => {
    // the measure as it reads: a string skipped to its closing quote, one escaped character at a time
    const byCharacter = (text: string, maxDepth: number, start: number, end: number): boolean => {
      let depth = 0;
      for (let i = start; i < end; i++) {
        const c = text[i];
        if (c === '"') {
          for (i++; i < end && text[i] !== '"'; i++) if (text[i] === '\\') i++;
        } else if (c === '[' || c === '{') {
          if (++depth > maxDepth) return true;
        } else if (c === ']' || c === '}') depth--;
      }
      return false;
    };
    // runs of backslashes before quotes are frequent, so that an escape counted wrong shows
    const text = fc.array(fc.constantFrom('[', ']', '{', '}', '"', '"', '\\', '\\\\', '\\"', 'a', ','), { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.nat(6), fc.nat(60), fc.nat(60), (t, maxDepth, a, b) => {
        const [start, end] = [Math.min(a, b, t.length), Math.min(Math.max(a, b), t.length)];
        expect(nestsDeeper(t, maxDepth, start, end)).toBe(byCharacter(t, maxDepth, start, end));
      }),
      { numRuns: 2000 },
    );
  });

  test('a string ends past its first quote after an even run of backslashes, or at the end given', () => {
    expect(stringEnd('"ab"', 0)).toBe(4);
    expect(stringEnd(String.raw`"a\"b"`, 0)).toBe(6); // an escaped quote
    expect(stringEnd(String.raw`"a\\"b"`, 0)).toBe(5); // an escaped backslash, then the closing quote
    expect(stringEnd(String.raw`"a\\\"b"`, 0)).toBe(8);
    expect(stringEnd('"abc', 0)).toBe(4);
    expect(stringEnd('"ab"c"', 0, 3)).toBe(3);
  });

  test('a syntax error before the deep part is that syntax error, not a crash or a value', () => {
    const text = `{"a": x, "b": ${deep(DEPTH_CHECK_FROM)}}`;
    const parsed = parseJson(text, DEPTH);
    expect(parsed.parsed).toBe(false);
    expect(parsed.problems).toEqual([expect.objectContaining({ code: 'parse/syntax', offset: 6 })]);
  });
});
