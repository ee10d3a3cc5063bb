// Documents that may still get an issue wait, with those after them, only as long as they must: a
// reference to a ledger until the ledger comes, a live lease only when it is past its domain's
// budget. What the scan reports is the same as if every such document had waited for the end
// (a model of the checks across documents, below); only when the report gets them changes. A scan
// that lists no warning (for a report that shows none) holds no document for one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { scan } from '../../src/node/scan/scan.js';
import type { DocumentReport } from '../../src/node/scan/types.js';

const fixtures = path.join(import.meta.dirname, '..', 'cli', 'cases', 'valid-all-contracts', 'input');
const ledger = JSON.parse(readFileSync(path.join(fixtures, 'ledgers', 'ledger.json'), 'utf8'));
const browser = JSON.parse(readFileSync(path.join(fixtures, 'receipts', 'browser.json'), 'utf8'));
const leaseDir = path.join(import.meta.dirname, '..', 'cli', 'cases', 'lease-budget', 'input', 'repo', '.substrate', 'state', 'leases');
const lease = JSON.parse(readFileSync(path.join(leaseDir, 'lease-0.json'), 'utf8'));

const NOW = '2026-01-30T06:10:00Z';
const ledgerId = (n: number): string => `urn:srcos:capability-ledger:pending-${n}`;

let root: string;
const write = (relative: string, value: unknown): void => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'pending-release-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Scans `root`, recording when each document was handed on: after how many files were taken. */
async function scanWithTimes(listWarnings = true): Promise<{ documents: DocumentReport[]; filesDoneAt: Map<string, number>; filesTotal: number }> {
  let filesDone = 0;
  const documents: DocumentReport[] = [];
  const filesDoneAt = new Map<string, number>();
  const result = await scan({
    cwd: root,
    now: NOW,
    retention: 'all',
    listWarnings,
    onFile: (n) => (filesDone = n),
    onDocument: (report) => {
      documents.push(report);
      filesDoneAt.set(report.file, filesDone);
    },
  });
  return { documents, filesDoneAt, filesTotal: result.summary.files };
}

describe('documents wait only as long as they must', () => {
  test('a reference waits until its ledger comes, and the documents behind it with it; one to no ledger waits for the end', async () => {
    write('a/receipt.json', { ...browser, capabilityLedgerRef: ledgerId(1) });
    write('b/broken.json', { ...browser, id: 42, capabilityLedgerRef: ledgerId(1) });
    write('c/ledger.json', { ...ledger, id: ledgerId(1) });
    for (let i = 0; i < 5; i++) write(`d/${i}.json`, { ...ledger, id: ledgerId(10 + i) });
    write('e/receipt.json', { ...browser, id: `${browser.id}-e`, capabilityLedgerRef: ledgerId(99) });
    write('f/broken.json', { ...browser, id: 43, capabilityLedgerRef: ledgerId(1) });
    const { documents, filesDoneAt, filesTotal } = await scanWithTimes();
    expect(documents.map((d) => d.file)).toEqual(['a/receipt.json', 'b/broken.json', 'c/ledger.json', 'd/0.json', 'd/1.json', 'd/2.json', 'd/3.json', 'd/4.json', 'e/receipt.json', 'f/broken.json']);
    // handed on when the ledger was taken (the third file), not at the end
    expect(filesDoneAt.get('a/receipt.json')).toBe(2);
    expect(filesDoneAt.get('b/broken.json')).toBe(2);
    expect(filesDoneAt.get('d/0.json')).toBe(3);
    // no ledger of the scan has that id: it and what follows wait for the end, and it gets the warning
    expect(filesDoneAt.get('e/receipt.json')).toBe(filesTotal);
    expect(filesDoneAt.get('f/broken.json')).toBe(filesTotal);
    expect(documents[8]?.issues.map((i) => i.code)).toEqual(['scan/unknown-ledger']);
    expect(documents[0]?.issues).toEqual([]);
  });

  test('where warnings are only counted, a reference to no ledger holds nothing: its document is handed on at once, and the warning counted', async () => {
    write('a/ledger.json', { ...ledger, id: ledgerId(1) });
    write('b/receipt.json', { ...browser, capabilityLedgerRef: ledgerId(99) });
    write('c/broken.json', { ...browser, id: 43, capabilityLedgerRef: ledgerId(98) });
    write('d/receipt.json', { ...browser, id: `${browser.id}-d`, capabilityLedgerRef: ledgerId(1) });
    const listed = await scanWithTimes();
    expect(listed.filesDoneAt.get('b/receipt.json')).toBe(listed.filesTotal);
    const { documents, filesDoneAt } = await scanWithTimes(false);
    expect(documents.map((d) => d.file)).toEqual(['a/ledger.json', 'b/receipt.json', 'c/broken.json', 'd/receipt.json']);
    expect(filesDoneAt.get('b/receipt.json')).toBe(1);
    expect(filesDoneAt.get('c/broken.json')).toBe(2);
    expect(documents.map((d) => d.issues.map((i) => i.code))).toEqual([[], [], ['schema/type'], []]);
    const counted = await scan({ cwd: root, now: NOW, listWarnings: false });
    expect(counted.summary.warnings).toBe(2);
  });

  test('leases within their budget are handed on at once; one past it waits, with those behind it, and gets the error', async () => {
    write('repo/.substrate/constants/budgets.yaml', 'budgets:\n  max_leases_per_domain: 2\n');
    const leases = ['0', '1', '2'].map((n) => `repo/.substrate/state/leases/lease-${n}.json`);
    leases.forEach((file, i) => write(file, { ...lease, resource: `tool:${i}` }));
    write('repo/z/broken.json', { ...browser, id: 44, capabilityLedgerRef: ledgerId(2) });
    write('repo/z/ledger.json', { ...ledger, id: ledgerId(2) });
    const { documents, filesDoneAt, filesTotal } = await scanWithTimes();
    expect(documents.map((d) => d.file)).toEqual([...leases, 'repo/z/broken.json', 'repo/z/ledger.json']);
    expect(filesDoneAt.get(leases[0] as string)).toBe(0);
    expect(filesDoneAt.get(leases[1] as string)).toBe(1);
    expect(filesDoneAt.get(leases[2] as string)).toBe(filesTotal);
    expect(filesDoneAt.get('repo/z/broken.json')).toBe(filesTotal);
    expect(documents.map((d) => d.issues.map((i) => i.code))).toEqual([[], [], ['scan/lease-budget'], ['schema/type'], []]);
    expect(documents[2]?.issues[0]?.message).toContain('holds 3 unexpired leases, over its budget of 2 (max_leases_per_domain in repo/.substrate/constants/budgets.yaml)');
  });
});

// ---- the model ------------------------------------------------------------------------------
type Item = { kind: 'ledger'; n: number } | { kind: 'receipt'; n: number } | { kind: 'lease'; domain: number; override: boolean; live: boolean };

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.record({ kind: fc.constant('ledger' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('receipt' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('lease' as const), domain: fc.nat(2), override: fc.boolean(), live: fc.boolean() }),
);

/** Where item `i` of repository `g` is written: a repository's leases come first in walk order, then its other documents. */
function placeOf(g: number, i: number, it: Item): string {
  const name = `${String(i).padStart(4, '0')}.json`;
  return it.kind === 'lease' ? `r${g}/.substrate/state/leases/${name}` : `r${g}/docs/${name}`;
}

/** The issue codes the checks across documents give each document, decided on the whole scan at once. */
function expectedCodes(walked: { g: number; it: Item }[]): string[][] {
  const ledgers = new Set(walked.flatMap(({ it }) => (it.kind === 'ledger' ? [it.n] : [])));
  const counted = new Map<string, number>();
  return walked.map(({ g, it }) => {
    if (it.kind === 'receipt') return ledgers.size > 0 && !ledgers.has(it.n) ? ['scan/unknown-ledger'] : [];
    if (it.kind === 'ledger') return [];
    if (!it.live) return ['scan/expired-lease'];
    if (it.override) return [];
    const key = `${g}/${it.domain}`;
    const k = (counted.get(key) ?? 0) + 1;
    counted.set(key, k);
    return k > 2 ? ['scan/lease-budget'] : [];
  });
}

describe('what is reported does not depend on when documents are handed on', () => {
  test('every document, in walk order, with the issues the whole scan decides (against a model)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(item, { maxLength: 8 }), { minLength: 1, maxLength: 4 }), async (repos) => {
        rmSync(root, { recursive: true, force: true });
        mkdirSync(root);
        const walked: { g: number; it: Item; file: string }[] = [];
        repos.forEach((items, g) => {
          const placed = items.map((it, i) => ({ g, it, file: placeOf(g, i, it) }));
          walked.push(...placed.filter((p) => p.it.kind === 'lease'), ...placed.filter((p) => p.it.kind !== 'lease'));
        });
        for (const { it, file } of walked) {
          if (it.kind === 'ledger') write(file, { ...ledger, id: ledgerId(it.n), capabilityLedgerRef: undefined });
          else if (it.kind === 'receipt') write(file, { ...browser, id: `${browser.id}-${file.replace(/[^a-z0-9]/g, '')}`, capabilityLedgerRef: ledgerId(it.n) });
          else {
            const expires = it.live ? '2026-01-30T06:31:00Z' : '2026-01-30T06:05:00Z';
            write(file, { ...lease, domain: `d${it.domain}`, override: it.override, override_reason: it.override ? 'on purpose' : '', resource: `tool:${file}`, expires_at: expires, created_at: '2026-01-30T06:01:00Z', ttl_seconds: it.live ? 1800 : 240 });
          }
        }
        const streamed: DocumentReport[] = [];
        const result = await scan({ cwd: root, now: NOW, retention: 'all', onDocument: (d) => streamed.push(d) });
        const kept = await scan({ cwd: root, now: NOW, retention: 'all' });
        const expected = expectedCodes(walked);
        for (const documents of [streamed, kept.documents]) {
          expect(documents.map((d) => d.file)).toEqual(walked.map((w) => w.file));
          expect(documents.map((d) => d.issues.map((i) => i.code).sort())).toEqual(expected);
        }
        expect(kept.summary).toEqual(result.summary);
        // warnings only counted: the same errors on the same documents, the same summary
        const counted: DocumentReport[] = [];
        const errorsOnly = await scan({ cwd: root, now: NOW, retention: 'all', listWarnings: false, onDocument: (d) => counted.push(d) });
        expect(counted.map((d) => d.file)).toEqual(walked.map((w) => w.file));
        expect(counted.map((d) => d.issues.map((i) => i.code).sort())).toEqual(expected.map((codes) => codes.filter((code) => code === 'scan/lease-budget')));
        expect(errorsOnly.summary).toEqual(result.summary);
      }),
      { numRuns: 40 },
    );
  });
});
