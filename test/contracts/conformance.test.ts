// The conformance corpus (../shared/conformance): documents the estate really emits, written
// elsewhere. Every JSON document there is a contract document and validates with no error, under its
// real file name (signal names are checked); a warning may only come from a rule that warns.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectContract, ruleRegistry, validate } from '../../src/index.js';
import { corpusFiles, corpusRoot } from '../rules/support/corpus.js';

const files = corpusFiles();
const warningCodes = new Set(ruleRegistry().filter((r) => r.severity === 'warning').map((r) => r.code));

describe('conformance corpus', () => {
  test('holds the canonical examples of the five SourceOS contracts, the signals and the lease', () => {
    const found = new Set(files.map((f) => detectContract(JSON.parse(readFileSync(f, 'utf8')))));
    expect([...found].sort()).toEqual(['BrowserAutomationReceipt', 'CapabilityLedger', 'GitWorkspaceState', 'Lease', 'OrphanEventReceipt', 'RuntimeInstallReceipt', 'Signal']);
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(files.map((f) => [relative(corpusRoot, f), f] as const))('%s', (_, file) => {
    const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const result = validate(doc, { filename: basename(file) });
    expect(result.contract).not.toBeNull();
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const warning of result.issues) expect(warningCodes).toContain(warning.code);
    expect(result.ok).toBe(true);
  });
});
