// The conformance corpus (../shared/conformance): documents the estate really emits, written
// elsewhere. Every JSON document there is a contract document and validates with no error, under its
// real file name (signal names are checked); a warning may only come from a rule that warns. The spec
// repository's canonical examples, copied into test/fixtures/sourceos-spec, are checked on every clone.
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { detectContract, ruleRegistry, validate } from '../../src/index.js';
import { corpusFiles, corpusPresent, corpusRoot, specFixtureFiles, specFixturesRoot } from '../support/conformance.js';

const files = corpusFiles();
const fixtures = specFixtureFiles();
const warningCodes = new Set(ruleRegistry().filter((r) => r.severity === 'warning').map((r) => r.code));

function expectConforms(file: string): void {
  const doc: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const result = validate(doc, { filename: basename(file) });
  expect(result.contract).not.toBeNull();
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  for (const warning of result.issues) expect(warningCodes).toContain(warning.code);
  expect(result.ok).toBe(true);
}

describe('the spec repository\'s canonical examples (copied, MIT)', () => {
  test('one of each of the five SourceOS contracts', () => {
    const found = fixtures.map((f) => detectContract(JSON.parse(readFileSync(f, 'utf8'))));
    expect(found.sort()).toEqual(['BrowserAutomationReceipt', 'CapabilityLedger', 'GitWorkspaceState', 'OrphanEventReceipt', 'RuntimeInstallReceipt']);
  });

  test.each(fixtures.map((f) => [relative(specFixturesRoot, f), f] as const))('%s', (_, file) => expectConforms(file));
});

describe.skipIf(!corpusPresent())('conformance corpus', () => {
  test('holds the canonical examples of the five SourceOS contracts, the signals and the lease', () => {
    const found = new Set(files.map((f) => detectContract(JSON.parse(readFileSync(f, 'utf8')))));
    expect([...found].sort()).toEqual(['BrowserAutomationReceipt', 'CapabilityLedger', 'GitWorkspaceState', 'Lease', 'OrphanEventReceipt', 'RuntimeInstallReceipt', 'Signal']);
    expect(files.length).toBeGreaterThan(50);
  });

  test('the copies in test/fixtures/sourceos-spec are the spec repository\'s examples, unchanged', () => {
    for (const copy of fixtures) expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(corpusRoot, 'sourceos-spec', 'examples', basename(copy)), 'utf8'));
  });

  test.each(files.map((f) => [relative(corpusRoot, f), f] as const))('%s', (_, file) => expectConforms(file));
});
