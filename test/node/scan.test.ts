// scan() in-process: checks across documents that must reach back to documents already passed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { scan } from '../../src/node/scan/scan.js';
import { readLeaseBudget } from '../../src/node/scan/lease-budgets.js';

const fixtures = path.join(import.meta.dirname, '..', 'cli', 'cases', 'valid-all-contracts', 'input');
const ledger = JSON.parse(readFileSync(path.join(fixtures, 'ledgers', 'ledger.json'), 'utf8'));
const browser = JSON.parse(readFileSync(path.join(fixtures, 'receipts', 'browser.json'), 'utf8'));

let root: string;
const write = (relative: string, text: string): void => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'scan-test-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('scan', () => {
  test('a warning decided at the end reaches a document that was valid when it passed, at its place', async () => {
    // a-receipt.json is walked before z-ledgers/: its ledger reference is settled only at the end
    write('a-receipt.json', JSON.stringify({ ...browser, capabilityLedgerRef: 'urn:srcos:capability-ledger:missing' }, null, 2));
    write('z-ledgers/ledger.json', JSON.stringify(ledger, null, 2));
    const result = await scan({ cwd: root });
    expect(result.summary).toEqual({ files: 2, documents: 2, valid: 2, invalid: 0, skipped: 0, errors: 0, warnings: 1, skippedAs: { otherSourceOS: 0, notJson: 0, otherJson: 0, other: 0 } });
    expect(result.documents).toEqual([
      {
        file: 'a-receipt.json',
        line: 1,
        contract: 'BrowserAutomationReceipt',
        detection: { by: 'type', reason: '"type" is "BrowserAutomationReceipt"' },
        ok: true,
        issues: [expect.objectContaining({ code: 'scan/unknown-ledger', pointer: '/capabilityLedgerRef', line: 6, column: 26 })],
      },
    ]);
  });

  test('files read one after another into one buffer: each document is its own text, whatever came before it', async () => {
    // longest first: a shorter file read where a longer one was must not show the longer one's tail
    write('a.json', JSON.stringify({ ...ledger, id: `${ledger.id}-a` }, null, 8));
    write('b.json', JSON.stringify({ ...ledger, id: `${ledger.id}-b` }));
    write('c.json', '{"type": "CapabilityLedger"}');
    write('d.json', JSON.stringify({ ...browser }));
    const result = await scan({ cwd: root, retention: 'all' });
    expect(result.documents.map((d) => [d.file, d.ok, d.issues.map((i) => `${i.code} ${i.pointer}`).filter((i) => i.startsWith('parse/'))])).toEqual([
      ['a.json', true, []],
      ['b.json', true, []],
      ['c.json', false, []],
      ['d.json', true, []],
    ]);
  });

  test("a file's base name reaches the rules, and a lease found by its shape is budgeted by its own folder", async () => {
    const signal = readFileSync(path.join(fixtures, '.bridges', 'signals', '20260130-034638_council_call_deploy.json'), 'utf8');
    write('.bridges/signals/20260130-034638_council_call_deploy.json', signal);
    write('.bridges/signals/20260130-034638_council_call_rollback.json', signal);
    const lease = (resource: string): string =>
      JSON.stringify({ created_at: '2026-01-30T06:00:00Z', domain: 'builder', expires_at: '2026-01-30T06:30:00Z', override: false, override_reason: '', owner: 'builder', resource, ttl_seconds: 1800 });
    write('elsewhere/a.json', lease('tool:a'));
    write('elsewhere/b.json', lease('tool:b'));
    write('elsewhere/.substrate/constants/budgets.yaml', 'budgets:\n  max_leases_per_domain: 1\n');
    const result = await scan({ cwd: root, now: '2026-01-30T06:10:00Z', retention: 'all' });
    const codes = Object.fromEntries(result.documents.map((d) => [d.file, d.issues.map((i) => i.code)]));
    expect(codes).toEqual({
      '.bridges/signals/20260130-034638_council_call_deploy.json': [],
      '.bridges/signals/20260130-034638_council_call_rollback.json': ['rule/signal-filename-agrees', 'scan/repeated-signal-id'],
      'elsewhere/a.json': [],
      'elsewhere/b.json': ['scan/lease-budget'],
    });
    const budget = result.documents.find((d) => d.file === 'elsewhere/b.json')?.issues[0];
    expect(budget?.message).toContain('max_leases_per_domain in elsewhere/.substrate/constants/budgets.yaml');
  });

  test('without any ledger in the scan, an unknown ledger reference says nothing', async () => {
    write('receipt.json', JSON.stringify(browser, null, 2));
    expect((await scan({ cwd: root })).summary.warnings).toBe(0);
  });

  test('a duplicate id across lines of JSON Lines is placed on the right line', async () => {
    const one = JSON.stringify(ledger);
    const other = JSON.stringify({ ...ledger, effectiveState: 'available' });
    write('ledgers.jsonl', `${one}\n\n${one}\n${other}\n`);
    const result = await scan({ cwd: root, retention: 'all' });
    expect(result.summary).toMatchObject({ documents: 3, valid: 2, invalid: 1, errors: 1 });
    const bad = result.documents.find((d) => !d.ok);
    expect(bad).toMatchObject({ file: 'ledgers.jsonl', line: 4 });
    expect(bad?.issues).toEqual([expect.objectContaining({ code: 'scan/duplicate-id', line: 4, column: 7 })]);
    expect(bad?.issues[0]?.message).toContain('ledgers.jsonl:1');
  });

  test('a repeated id compares contents whatever holds them: files (read again), a log line, a copy with other spacing and key order', async () => {
    const changed = { ...ledger, effectiveState: 'available' };
    const reordered = Object.fromEntries(Object.entries(ledger).reverse());
    write('a/first.json', JSON.stringify(ledger, null, 2));
    write('b/copy.json', JSON.stringify(reordered));
    write('c/log.jsonl', `${JSON.stringify(ledger)}\n${JSON.stringify(changed)}\n`);
    write('d/changed.json', JSON.stringify(changed, null, 4));
    const result = await scan({ cwd: root, retention: 'all' });
    const codes = result.documents.map((d) => [`${d.file}:${d.line}`, d.issues.map((i) => i.code)]);
    expect(codes).toEqual([
      ['a/first.json:1', []],
      ['b/copy.json:1', []],
      ['c/log.jsonl:1', []],
      ['c/log.jsonl:2', ['scan/duplicate-id']],
      ['d/changed.json:1', ['scan/duplicate-id']],
    ]);
    expect(result.documents[4]?.issues[0]?.message).toContain('a/first.json:1');
  });

  test('a first holder whose file is gone before its id comes again is taken for a different document', async () => {
    write('a/first.json', JSON.stringify(ledger));
    write('b/copy.json', JSON.stringify(ledger));
    const result = await scan({
      cwd: root,
      retention: 'all',
      onFile: (n) => {
        if (n === 1) rmSync(path.join(root, 'a/first.json'));
      },
    });
    expect(result.documents.map((d) => d.issues.map((i) => i.code))).toEqual([[], ['scan/duplicate-id']]);
  });

  test('every document and skipped entry is kept only when asked', async () => {
    write('ledger.json', JSON.stringify(ledger));
    write('package.json', '{"name": "x"}');
    const few = await scan({ cwd: root });
    expect(few.documents).toEqual([]);
    expect(few.skipped).toEqual([]);
    expect(few.summary.skipped).toBe(1);
    const all = await scan({ cwd: root, retention: 'all' });
    expect(all.documents.map((d) => d.file)).toEqual(['ledger.json']);
    expect(all.skipped).toEqual([{ file: 'package.json', reason: 'not a contract document', detection: { by: 'none', reason: 'no "type", and not the shape of a Lease or a Signal' }, kind: 'json' }]);
  });
});

describe('lease budgets', () => {
  test('read from budgets.yaml, with a default when it is missing, silent or broken', async () => {
    expect(await readLeaseBudget(root)).toMatchObject({ max: 2 });
    write('.substrate/constants/budgets.yaml', 'budgets:\n  max_leases_per_domain: 5\n');
    expect(await readLeaseBudget(root)).toEqual({ max: 5, origin: 'max_leases_per_domain in .substrate/constants/budgets.yaml' });
    write('.substrate/constants/budgets.yaml', 'budgets: [unclosed\n');
    expect(await readLeaseBudget(root)).toMatchObject({ max: 2, origin: expect.stringMatching(/not valid YAML/) });
    write('.substrate/constants/budgets.yaml', 'budgets:\n  max_in_progress_per_domain: 1\n');
    expect(await readLeaseBudget(root)).toMatchObject({ max: 2, origin: expect.stringMatching(/sets no max_leases_per_domain/) });
  });
});

describe('IdRegistry', () => {
  test('finds the first holder of an id, even when two ids share a hash', async () => {
    const { IdRegistry } = await import('../../src/node/scan/id-registry.js');
    const { hash53 } = await import('../../src/node/scan/string-hash.js');
    // find two ids whose 30-bit hashes collide
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `urn:srcos:x:${i}`;
      const key = hash53(id) % 0x40000000;
      const other = seen.get(key);
      if (other) pair = [other, id];
      else seen.set(key, id);
    }
    const ids: string[] = [];
    const registry = new IdRegistry();
    const record = (id: string) => {
      ids.push(id);
      return registry.firstOf(id, ids.length - 1, ids.length * 10)?.seq;
    };
    expect(record(pair[0])).toBeUndefined();
    expect(record(pair[1])).toBeUndefined(); // same hash, another id: not a repeat
    expect(record(pair[1])).toBe(1);
    expect(record(pair[0])).toBe(0);
    expect(record('urn:srcos:x:other')).toBeUndefined();
    expect(registry.firstOf(pair[1], 9)).toEqual({ entry: 1, seq: 1, content: 20 }); // the first holder's content fingerprint
    // a first holder recorded without its content gets it once known
    expect(record('urn:srcos:x:later')).toBeUndefined();
    registry.firstOf('urn:srcos:x:lazy', 11, Number.NaN);
    expect(registry.firstOf('urn:srcos:x:lazy', 12)?.content).toBeNaN();
    registry.setContent(4, 77);
    expect(registry.firstOf('urn:srcos:x:lazy', 13)).toEqual({ entry: 4, seq: 11, content: 77 });
  });
});

describe('DocumentIndex', () => {
  test('gives back any path it was given (ASCII, other scripts, astral characters), past its first buffer', async () => {
    const { DocumentIndex } = await import('../../src/node/scan/document-index.js');
    const segment = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Z', '0', '-', '.'), fc.constantFrom('é', 'ü', '中', '😀', 'ק')), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.array(segment, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 400 }), (paths) => {
        const index = new DocumentIndex();
        const sources = paths.map((segments) => `/${segments.join('/')}.json`);
        const seqs = sources.map((source, i) => index.addDocument(index.addFile(source), i + 1, null, { by: 'none', reason: 'r' }));
        sources.forEach((source, i) => expect(index.source(seqs[i] as number)).toBe(source));
      }),
      { numRuns: 30 },
    );
  });

  test('gives back the file, line and contract of every document', async () => {
    const { DocumentIndex } = await import('../../src/node/scan/document-index.js');
    const index = new DocumentIndex();
    const sources = ['/a/b/c.json', '/a/b/d.jsonl', '/a/e.json', '/top.json', '-', '/a/b/ünïcode name.json'];
    const seqs: number[] = [];
    for (const [i, source] of sources.entries()) {
      const file = index.addFile(source);
      seqs.push(index.addDocument(file, i + 1, i % 2 ? null : 'Lease', { by: i % 2 ? 'none' : 'location', reason: `reason ${i % 2}` }));
      seqs.push(index.addDocument(file, i + 10, 'Signal', { by: 'shape', reason: 'shape' }));
    }
    for (let i = 0; i < 5000; i++) index.addDocument(index.addFile(`/many/f${i}.json`), 1, null, { by: 'none', reason: 'none' }); // growth
    sources.forEach((source, i) => {
      expect(index.source(seqs[2 * i]!)).toBe(source);
      expect(index.line(seqs[2 * i]!)).toBe(i + 1);
      expect(index.contract(seqs[2 * i]!)).toBe(i % 2 ? null : 'Lease');
      expect(index.contract(seqs[2 * i + 1]!)).toBe('Signal');
      expect(index.detection(seqs[2 * i]!)).toEqual({ by: i % 2 ? 'none' : 'location', reason: `reason ${i % 2}` });
      expect(index.detection(seqs[2 * i + 1]!)).toEqual({ by: 'shape', reason: 'shape' });
    });
    expect(index.source(seqs.length + 4999)).toBe('/many/f4999.json');
  });
});

describe('a file that cannot be held in memory is that file\'s error', () => {
  test('a text longer than the engine allows becomes file/too-large; nothing is thrown', async () => {
    const { scanFile } = await import('../../src/node/scan/scan-file.js');
    const { instantOfEpochMs } = await import('../../src/rules/instant.js');
    const bytes = Buffer.from('{}');
    Object.defineProperty(bytes, 'toString', {
      value: () => {
        throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
      },
    });
    const result = scanFile({ source: '/x/huge.json', file: 'huge.json' }, { maxFileSize: 10, maxDepth: 64, now: instantOfEpochMs(0)!, listWarnings: true }, { ok: true, bytes });
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]?.issues.map((i) => i.code)).toEqual(['file/too-large']);
  });
});

describe('each document is counted once', () => {
  test('two names of one file (a hard link) and overlapping paths: one document', async () => {
    const { linkSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scan-once-'));
    try {
      mkdirSync(path.join(dir, 'r', 'sub'), { recursive: true });
      writeFileSync(path.join(dir, 'r', 'sub', 'a.json'), '{"type": "CapabilityLedgr", "id": "x-1"}');
      linkSync(path.join(dir, 'r', 'sub', 'a.json'), path.join(dir, 'r', 'b.json'));
      const result = await scan({ paths: ['r', 'r', 'r/sub', 'r/sub/a.json'], cwd: dir, retention: 'all' });
      expect(result.summary.documents).toBe(1);
      expect(result.skipped.map((s) => s.reason)).toEqual(['another name (a hard link) of a file scanned already: not counted twice']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
