// Whole folders: the real documents of ../shared/conformance (written elsewhere), a folder large
// enough for the scan to start worker threads (same report as on one thread), and a check that
// nothing the tool reads is ever written to.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { corpusPresent, corpusRoot } from '../support/conformance.js';
import { ensureBuilt, expectedSummaryLine, repoRoot, runCli } from './support/cli.js';

const conformance = corpusRoot;
const EXPIRY = '2026-01-30T06:31:33Z'; // of the one lease in the corpus

beforeAll(() => ensureBuilt());

describe.skipIf(!corpusPresent())('../shared/conformance as a whole', () => {
  test('exits 0; the expired lease and the repeated signal ids are warnings, the README and YAML files are not read', () => {
    const run = runCli(['--format', 'json', '--now', '2026-02-01T00:00:00Z', conformance], { cwd: repoRoot });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const issues = report.documents.flatMap((d: { file: string; issues: { code: string; severity: string }[] }) => d.issues.map((i) => ({ ...i, file: d.file })));
    expect(issues.every((i: { severity: string }) => i.severity === 'warning')).toBe(true);
    const byCode = (code: string) => issues.filter((i: { code: string }) => i.code === code);
    expect(byCode('scan/expired-lease').map((i: { file: string }) => path.basename(i.file))).toEqual(['tool:githubwatch.json']);
    const repeated = byCode('scan/repeated-signal-id');
    expect(repeated.length).toBeGreaterThan(0);
    expect(issues).toHaveLength(repeated.length + 1);
    // every signal whose header id repeats an earlier one, and no other
    const signals = path.join(conformance, 'nosos-protocol/.bridges/signals');
    const ids = readdirSync(signals).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(path.join(signals, f), 'utf8')).header.id as string);
    expect(repeated.length).toBe(ids.length - new Set(ids).size);
    const jsonFiles = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? jsonFiles(path.join(dir, e.name)) : e.name.endsWith('.json') ? 1 : 0), 0);
    expect(report.summary).toEqual({ files: jsonFiles(conformance), documents: jsonFiles(conformance), valid: jsonFiles(conformance), invalid: 0, skipped: 0, errors: 0, warnings: issues.length, skippedAs: { otherSourceOS: 0, notJson: 0, otherJson: 0, other: 0 } });
    expect(report.skipped).toEqual([]);
  });

  test('before the lease expires there is no expired-lease warning', () => {
    const run = runCli(['--format', 'json', '--now', '2026-01-30T06:10:00Z', conformance], { cwd: repoRoot });
    expect(run.status).toBe(0);
    const codes = JSON.parse(run.stdout).documents.flatMap((d: { issues: { code: string }[] }) => d.issues.map((i) => i.code));
    expect(codes).not.toContain('scan/expired-lease');
    expect(Date.parse(EXPIRY)).toBeGreaterThan(Date.parse('2026-01-30T06:10:00Z'));
  });
});

/** Writes `count` small documents over nested folders: ledgers, receipts naming them, some broken. */
function writeCorpus(root: string, count: number): void {
  const template = JSON.parse(readFileSync(path.join(import.meta.dirname, 'cases/valid-all-contracts/input/ledgers/ledger.json'), 'utf8'));
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `group-${i % 7}`, `part-${i % 3}`);
    mkdirSync(dir, { recursive: true });
    const doc = { ...template, id: `urn:srcos:capability-ledger:corpus-${i}` };
    let text = JSON.stringify(doc, null, 2);
    if (i % 50 === 7) text = text.replace('"enabled"', '"switched-on"');
    if (i % 97 === 11) text = text.replace(/,\n/, '\n');
    if (i % 113 === 5) doc.id = 'urn:srcos:capability-ledger:corpus-0';
    if (i % 113 === 5) text = JSON.stringify({ ...doc, effectiveState: 'available' }, null, 2);
    writeFileSync(path.join(dir, `ledger-${String(i).padStart(4, '0')}.json`), text);
  }
}

function digestTree(root: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else {
        const s = statSync(p);
        hash.update(`${p}\0${s.mtimeMs}\0${s.mode}\0`).update(readFileSync(p));
      }
    }
  };
  visit(root);
  return hash.digest('hex');
}

describe('a large folder', () => {
  test('worker threads give the same report as one thread, and nothing read is written to', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cli-corpus-'));
    try {
      writeCorpus(root, 3000);
      const before = digestTree(root);
      const trace = { VALIDATE_CONTRACTS_TRACE: 'workers' };
      const single = runCli(['--format', 'json', '--workers', '0', '.'], { cwd: root, env: trace });
      const parallel = runCli(['--format', 'json', '--workers', '2', '.'], { cwd: root, env: trace });
      expect(single.status).toBe(1);
      expect(parallel.status).toBe(1);
      expect(single.stderr).toMatch(/^validate-contracts: 0 batches on 0 worker threads, \d+ on the main thread\n$/);
      expect(Number(/: (\d+) batches on 2 worker threads/.exec(parallel.stderr)?.[1])).toBeGreaterThan(0);
      expect(parallel.stdout).toBe(single.stdout);
      const report = JSON.parse(single.stdout);
      expect(report.summary.files).toBe(3000);
      const codes = new Set(report.documents.flatMap((d: { issues: { code: string }[] }) => d.issues.map((i) => i.code)));
      expect([...codes].sort()).toEqual(['parse/syntax', 'scan/duplicate-id', 'schema/enum']);
      const pretty = runCli(['.'], { cwd: root });
      expect(pretty.stdout.trimEnd().split('\n').at(-1)).toBe(`✖ ${expectedSummaryLine(report.summary)}`);
      expect(digestTree(root)).toBe(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('this repository', () => {
  test('`validate-contracts` in the repository root exits 0 (its invalid examples and test cases are excluded by .contractsignore)', () => {
    const run = runCli(['--format', 'json'], { cwd: repoRoot });
    const report = JSON.parse(run.stdout);
    const errors = report.documents.flatMap((d: { file: string; issues: { code: string; severity: string; line: number }[] }) =>
      d.issues.filter((i) => i.severity === 'error').map((i) => `${d.file}:${i.line} ${i.code}`),
    );
    expect(errors).toEqual([]);
    expect(run.status).toBe(0);
    expect(report.documents.some((d: { file: string }) => d.file.startsWith('examples/valid/'))).toBe(true);
    expect(report.documents.some((d: { file: string }) => d.file.startsWith('examples/invalid/') || d.file.startsWith('test/cli/cases/'))).toBe(false);
  });
});
