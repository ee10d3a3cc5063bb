// The reporters as functions: exact JSON v1 shape, GitHub escaping, SARIF details, pretty layout.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CLI_CODES, describeCode } from '../../src/node/report/code-descriptions.js';
import { escapeData, escapeProperty, githubReporter } from '../../src/node/report/github.js';
import { jsonReporter, toJsonReport } from '../../src/node/report/json.js';
import { prettyReporter, printable } from '../../src/node/report/pretty.js';
import { createProgress } from '../../src/node/report/progress.js';
import { formatNames, isFormatName, loadReporter } from '../../src/node/report/registry.js';
import { encodedWrites, summaryLine, writeReport } from '../../src/node/report/reporter.js';
import { pascalCase, sarifReporter, toSarif, toUriReference } from '../../src/node/report/sarif.js';
import type { ScanResult } from '../../src/node/scan/types.js';

const result: ScanResult = {
  documents: [
    {
      file: 'a/ledger.json',
      line: 1,
      contract: 'CapabilityLedger',
      detection: { by: 'type', reason: '"type" is "CapabilityLedger"' },
      ok: false,
      issues: [
        { code: 'schema/required', severity: 'error', pointer: '/policyDecisionRef', message: 'missing required property "policyDecisionRef"', line: 1, column: 1 },
        { code: 'scan/unknown-ledger', severity: 'warning', pointer: '/capabilityLedgerRef', message: 'names no ledger', line: 6, column: 26 },
      ],
    },
    { file: 'a/ok.json', line: 1, contract: 'Lease', detection: { by: 'config', reason: '.contracts.json maps "a/ok.json" to Lease' }, ok: true, issues: [] },
    { file: 'b, c:d%.jsonl', line: 3, contract: null, detection: { by: 'none', reason: 'the document does not parse' }, ok: false, issues: [{ code: 'parse/syntax', severity: 'error', pointer: '', message: 'bad\nthing 100%', line: 3, column: 9 }] },
  ],
  skipped: [{ file: 'package.json', reason: 'not a contract document', detection: { by: 'none', reason: 'no "type", and not the shape of a Lease or a Signal' } }],
  summary: { files: 4, documents: 3, valid: 1, invalid: 2, skipped: 1, errors: 2, warnings: 1, skippedAs: { otherSourceOS: 0, notJson: 0, otherJson: 1, other: 0 } },
};
const options = { color: false, quiet: false, version: '9.9.9', cwd: '/work/repo' };

describe('json (version 1)', () => {
  test('exactly the documented keys, in order', () => {
    const report = toJsonReport(result) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['version', 'documents', 'skipped', 'summary']);
    expect(report.version).toBe(1);
    const doc = (report.documents as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['file', 'line', 'contract', 'detection', 'ok', 'issues']);
    expect(doc.detection).toEqual({ by: 'type', reason: '"type" is "CapabilityLedger"' });
    expect(Object.keys((doc.issues as object[])[0] as object)).toEqual(['code', 'severity', 'pointer', 'message', 'line', 'column']);
    expect(Object.keys((report.skipped as object[])[0] as object)).toEqual(['file', 'reason', 'detection']);
    expect(Object.keys(report.summary as object)).toEqual(['files', 'documents', 'valid', 'invalid', 'skipped', 'errors', 'warnings', 'skippedAs']);
    expect(Object.keys((report.summary as { skippedAs: object }).skippedAs)).toEqual(['otherSourceOS', 'notJson', 'otherJson', 'other']);
    expect(JSON.parse(jsonReporter.render(result, options))).toEqual(report);
    expect(jsonReporter.retention).toBe('all');
  });

  test('extra fields an issue may carry (the core adds keyword) stay out', () => {
    const withKeyword = { ...result, documents: [{ ...result.documents[0]!, issues: [{ ...result.documents[0]!.issues[0]!, keyword: 'required' } as never] }] };
    const issue = ((toJsonReport(withKeyword) as { documents: { issues: object[] }[] }).documents[0]!.issues[0]) as object;
    expect(issue).not.toHaveProperty('keyword');
  });
});

describe('github', () => {
  test('escapes like the Actions toolkit: % CR LF in data; also : and , in properties', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  test('one command an issue and the summary; --quiet drops warnings and an error-free summary', () => {
    const lines = githubReporter.render(result, options).split('\n');
    expect(lines).toEqual([
      '::error file=a/ledger.json,line=1,col=1,title=schema/required::missing required property "policyDecisionRef" (at /policyDecisionRef) [CapabilityLedger, by type]',
      '::warning file=a/ledger.json,line=6,col=26,title=scan/unknown-ledger::names no ledger (at /capabilityLedgerRef) [CapabilityLedger, by type]',
      '::error file=b%2C c%3Ad%25.jsonl,line=3,col=9,title=parse/syntax::bad%0Athing 100%25 [no contract]',
      summaryLine(result.summary),
      '',
    ]);
    expect(githubReporter.render(result, { ...options, quiet: true }).split('\n')).toHaveLength(4);
  });
});

describe('sarif', () => {
  test('rules once a code, with descriptions and default levels; URIs percent-encoded per segment', () => {
    const sarif = toSarif(result, options) as { runs: { tool: { driver: { version: string; rules: { id: string; name: string; defaultConfiguration: { level: string } }[] } }; results: { ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[]; originalUriBaseIds: Record<string, { uri: string }> }[] };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.version).toBe('9.9.9');
    expect(run.tool.driver.rules.map((r) => [r.id, r.name, r.defaultConfiguration.level])).toEqual([
      ['schema/required', 'SchemaRequired', 'error'],
      ['scan/unknown-ledger', 'ScanUnknownLedger', 'warning'],
      ['parse/syntax', 'ParseSyntax', 'error'],
    ]);
    expect(run.results.map((r) => r.ruleIndex)).toEqual([0, 1, 2]);
    expect(run.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('b%2C%20c%3Ad%25.jsonl');
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///work/repo/');
    expect(toUriReference('../x y/z.json')).toBe('../x%20y/z.json');
    expect(pascalCase('scan/repeated-signal-id')).toBe('ScanRepeatedSignalId');
  });

  test('every code of the CLI and every schema keyword has a description', () => {
    for (const code of Object.keys(CLI_CODES)) expect(describeCode(code)).toBe(CLI_CODES[code]);
    expect(describeCode('schema/required')).toMatch(/required property is missing/);
    expect(describeCode('schema/propertyNames')).toMatch(/propertyNames/);
    expect(describeCode('rule/no-such-rule')).toMatch(/rule\/no-such-rule/);
  });
});

describe('pretty', () => {
  test('grouped by file with file:line:column, one line an issue, the skipped entries worth showing, a summary line', () => {
    const text = prettyReporter.render(result, options);
    expect(text).toBe(
      [
        'a/ledger.json  — CapabilityLedger, by type ("type" is "CapabilityLedger")',
        'a/ledger.json:1:1  error    schema/required  missing required property "policyDecisionRef"  /policyDecisionRef',
        'a/ledger.json:6:26  warning  scan/unknown-ledger  names no ledger  /capabilityLedgerRef',
        '',
        'b, c:d%.jsonl  — no contract (the document does not parse)',
        'b, c:d%.jsonl:3:9  error    parse/syntax  bad thing 100%',
        '',
        'Skipped:',
        '  package.json: not a contract document',
        '',
        `✖ ${summaryLine(result.summary)}`,
        '',
      ].join('\n'),
    );
  });

  test('--verbose: every document under its heading, valid ones too, and every skipped entry with why', () => {
    const lines = prettyReporter.render(result, { ...options, verbose: true }).split('\n');
    expect(lines).toContain('a/ok.json  — Lease, by config (.contracts.json maps "a/ok.json" to Lease)');
    expect(lines).toContain('  package.json: not a contract document (no "type", and not the shape of a Lease or a Signal)');
  });

  test('--quiet: errors only, no skipped list; nothing at all when there is no error', () => {
    const quiet = prettyReporter.render(result, { ...options, quiet: true });
    expect(quiet).not.toMatch(/warning {2}scan|Skipped/);
    expect(quiet).toMatch(/✖ Checked/);
    const clean: ScanResult = { documents: [], skipped: [], summary: { files: 1, documents: 1, valid: 1, invalid: 0, skipped: 0, errors: 0, warnings: 0 } };
    expect(prettyReporter.render(clean, { ...options, quiet: true })).toBe('');
    expect(prettyReporter.render(clean, options)).toBe(`✔ ${summaryLine(clean.summary)}\n`);
  });

  test('colour only when asked', () => {
    expect(prettyReporter.render(result, options)).not.toMatch(/\u001b/);
    expect(prettyReporter.render(result, { ...options, color: true })).toMatch(/\u001b\[31merror/);
  });
});

describe('registry and progress', () => {
  test('every format name loads a reporter', async () => {
    expect(formatNames).toEqual(['pretty', 'json', 'sarif', 'github']);
    for (const name of formatNames) expect(typeof (await loadReporter(name)).render).toBe('function');
    expect(isFormatName('xml')).toBe(false);
    expect(isFormatName('toString')).toBe(false);
  });

  test('the summary line', () => {
    expect(summaryLine({ files: 1, documents: 1, valid: 1, invalid: 0, skipped: 0, errors: 1, warnings: 1 })).toBe(
      'Checked 1 file: 1 document (1 valid, 0 invalid), 0 skipped; 1 error, 1 warning.',
    );
  });

  test('the summary line says why files were skipped when other SourceOS documents or text that is not JSON were', () => {
    const summary = { files: 414, documents: 2, valid: 2, invalid: 0, skipped: 412, errors: 0, warnings: 0 };
    const as = (otherSourceOS: number, notJson: number, otherJson: number, other: number) => ({ ...summary, skippedAs: { otherSourceOS, notJson, otherJson, other } });
    expect(summaryLine(as(260, 9, 143, 0))).toBe('Checked 414 files: 2 documents (2 valid, 0 invalid), 412 skipped (260 other SourceOS documents, 9 not JSON, 143 other JSON: --verbose lists them); 0 errors, 0 warnings.');
    expect(summaryLine(as(1, 0, 410, 1), true)).toContain('412 skipped (1 other SourceOS document, 410 other JSON, 1 for other reasons: listed above);');
    expect(summaryLine(as(0, 0, 400, 12))).toContain(', 412 skipped; ');
  });

  test('progress writes nothing off a terminal, and nothing in the first second on one', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (t: string) => written.push(t) };
    const off = createProgress(stream);
    for (let i = 1; i <= 1000; i++) off.onFile(i);
    off.done();
    const on = createProgress({ ...stream, isTTY: true });
    for (let i = 1; i <= 1000; i++) on.onFile(i);
    on.done();
    expect(written).toEqual([]);
  });
});

describe('reports in pieces', () => {
  const empty: ScanResult = { documents: [], skipped: [], summary: { files: 0, documents: 0, valid: 0, invalid: 0, skipped: 0, errors: 0, warnings: 0 } };
  /** The same result, its documents repeated: a report far larger than one write. */
  const large: ScanResult = { ...result, documents: Array.from({ length: 2000 }, (_, i) => result.documents.map((d) => ({ ...d, file: `${i}/${d.file}` }))).flat() };

  test('JSON and SARIF in pieces are byte for byte the whole value stringified', () => {
    for (const r of [result, empty, large]) {
      expect(jsonReporter.render(r, options)).toBe(`${JSON.stringify(toJsonReport(r), null, 2)}\n`);
      expect(Array.from(sarifReporter.pieces(r, options)).join('')).toBe(`${JSON.stringify(toSarif(r, options), null, 2)}\n`);
    }
  });

  test('every format: the pieces written in about 64 KiB writes make the whole report', () => {
    for (const name of formatNames) {
      const reporter = { pretty: prettyReporter, json: jsonReporter, sarif: sarifReporter, github: githubReporter }[name];
      for (const quiet of [false, true]) {
        const writes: string[] = [];
        writeReport(reporter, large, { ...options, quiet }, (text) => writes.push(text));
        expect(writes.join('')).toBe(reporter.render(large, { ...options, quiet }));
        expect(writes.length).toBeGreaterThan(1);
        for (const text of writes.slice(0, -1)) expect(text.length).toBeGreaterThanOrEqual(64 * 1024);
        for (const text of writes) expect(text.length).toBeLessThan(64 * 1024 + 4096);
      }
    }
  });

  test('encoded writes: UTF-8 chunks of whole characters, of about 64 KiB, that make the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 40_000 })), { maxLength: 60 }), (pieces) => {
        const chunks: Uint8Array[] = [];
        const out = encodedWrites((chunk) => chunks.push(chunk));
        for (const piece of pieces) out.write(piece);
        out.flush();
        const decoder = new TextDecoder('utf-8', { fatal: true });
        // each chunk decodes alone (no character split), and together they are the text
        expect(chunks.map((c) => Buffer.from(c).toString('utf8')).join('')).toBe(pieces.join(''));
        for (const chunk of chunks) expect(() => decoder.decode(chunk)).not.toThrow();
        for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024 - 3 * 40_000);
        expect(chunks.every((c) => c.length > 0)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('encoded writes: a piece larger than a chunk is written whole, after what came before it', () => {
    const chunks: string[] = [];
    const out = encodedWrites((chunk) => chunks.push(Buffer.from(chunk).toString('utf8')));
    out.write('head ');
    out.write('é'.repeat(100_000));
    out.write(' tail');
    out.flush();
    expect(chunks).toEqual(['head ', 'é'.repeat(100_000), ' tail']);
  });

  test('a report with nothing to say writes nothing', () => {
    const writes: string[] = [];
    writeReport(prettyReporter, empty, { ...options, quiet: true }, (text) => writes.push(text));
    expect(writes).toEqual([]);
  });
});

describe('pretty output of hostile names and keys', () => {
  test('control characters in file names, pointers, messages and skip entries are escaped: one line an issue, no escape sequence', () => {
    const hostile: ScanResult = {
      documents: [
        {
          file: 'new\nline\u001b[2J.json',
          line: 1,
          contract: 'Lease',
          ok: false,
          issues: [{ code: 'schema/additionalProperties', severity: 'error', pointer: '/\u001b]0;owned\u0007', message: 'property "\u001b]0;owned\u0007" is not allowed here\tnow', line: 1, column: 2 }],
        },
      ],
      skipped: [{ file: 'tab\there.json', reason: 'not a contract document' }],
      summary: { files: 2, documents: 1, valid: 0, invalid: 1, skipped: 1, errors: 1, warnings: 0 },
    };
    const text = prettyReporter.render(hostile, options);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/); // only the newlines that end lines
    const lines = text.split('\n');
    expect(lines[0]).toBe('new\\nline\\u001b[2J.json  — Lease');
    expect(lines[1]).toBe('new\\nline\\u001b[2J.json:1:2  error    schema/additionalProperties  property "\\u001b]0;owned\\u0007" is not allowed here\\tnow  /\\u001b]0;owned\\u0007');
    expect(lines).toContain('  tab\\there.json: not a contract document');
  });

  test('printable leaves other text alone', () => {
    expect(printable('a/ü/✓ "x": 1')).toBe('a/ü/✓ "x": 1');
    expect(printable('\u0000\u009f')).toBe('\\u0000\\u009f');
  });

  test('line separators and the marks that turn text around are escaped', () => {
    for (const c of ['\u2028', '\u2029', '\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c']) {
      expect(printable(`a${c}b`)).toBe(`a\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}b`);
    }
    const result: ScanResult = {
      documents: [{ file: 'evil\u202egnp.json', line: 1, contract: null, ok: false, issues: [{ code: 'parse/syntax', severity: 'error', pointer: '', message: 'key "a\u2028b"', line: 1, column: 1 }] }],
      skipped: [],
      summary: { files: 1, documents: 1, valid: 0, invalid: 1, skipped: 0, errors: 1, warnings: 0 },
    };
    const text = prettyReporter.render(result, options);
    expect(text).not.toMatch(/[\u2028\u202e]/);
    expect(text).toContain('evil\\u202egnp.json:1:1');
  });

  test('a line break with the white space around it becomes one space; white space without one is kept', () => {
    const render = (message: string) =>
      prettyReporter.render({ documents: [{ file: 'a.json', line: 1, contract: null, ok: false, issues: [{ code: 'x', severity: 'error', pointer: '', message, line: 1, column: 1 }] }], skipped: [], summary: { files: 1, documents: 1, valid: 0, invalid: 1, skipped: 0, errors: 1, warnings: 0 } }, options)
        .split('\n')
        .find((line) => line.startsWith('a.json:'));
    expect(render('one  \r\n\t two')).toBe('a.json:1:1  error    x  one two');
    expect(render('one   two\nthree')).toBe('a.json:1:1  error    x  one   two three');
    expect(render(`${' '.repeat(100)}x`)).toBe(`a.json:1:1  error    x  ${' '.repeat(100)}x`);
  });
});

describe('sarif of hostile names', () => {
  test('a lone surrogate in a file name is percent-encoded as its WTF-8 bytes, never a URIError', () => {
    expect(toUriReference('a\ud800b/c.json')).toBe('a%ED%A0%80b/c.json');
    expect(toUriReference('x\udc00.json')).toBe('x%ED%B0%80.json');
    expect(toUriReference('ok\ud83d\ude00.json')).toBe(`ok${encodeURIComponent('\ud83d\ude00')}.json`);
    const result: ScanResult = {
      documents: [{ file: 'bad\ud800.json', line: 1, contract: null, ok: false, issues: [{ code: 'parse/syntax', severity: 'error', pointer: '', message: 'm', line: 1, column: 1 }] }],
      skipped: [],
      summary: { files: 1, documents: 1, valid: 0, invalid: 1, skipped: 0, errors: 1, warnings: 0 },
    };
    expect(() => JSON.parse(sarifReporter.render(result, options))).not.toThrow();
  });
});
