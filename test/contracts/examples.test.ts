// Every file under examples/{valid,invalid}/<contract>/ is a test: adding a file adds a test.
// The issues `validate` reports must be exactly those its folder's expected.json names (code and pointer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: plain .mjs generator module, no types
import { readExampleFolders } from '../../scripts/generate/examples-manifest.mjs';
// @ts-expect-error: plain .mjs generator module, no types
import { loadSchemas } from '../../scripts/lib/contract-schemas.mjs';
import { contractNames, validate, type ContractName } from '../../src/index.js';

interface ExampleEntry {
  path: string;
  contract: ContractName;
  valid: boolean;
  filename?: string;
  issues: { code: string; pointer: string; severity: string }[];
}

const root = join(import.meta.dirname, '..', '..');
const entries: ExampleEntry[] = readExampleFolders(root, loadSchemas(root).contracts);
const key = (i: { code: string; pointer: string }) => `${i.code} at ${i.pointer || '/'}`;

describe('examples', () => {
  test('every contract has at least three valid examples', () => {
    for (const name of contractNames) expect(entries.filter((e) => e.valid && e.contract === name).length, name).toBeGreaterThanOrEqual(3);
  });

  test('examples/manifest.json lists exactly the example files', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'examples', 'manifest.json'), 'utf8'));
    expect(manifest.examples.map((e: ExampleEntry) => e.path)).toEqual(entries.map((e) => e.path));
  });

  test.each(entries.map((e) => [e.path, e] as const))('%s', (_, entry) => {
    const doc: unknown = JSON.parse(readFileSync(join(root, entry.path), 'utf8'));
    const result = validate(doc, { filename: entry.filename });
    expect(result.contract).toBe(entry.contract);
    expect(result.ok).toBe(entry.valid);
    expect(result.issues.map(key).sort()).toEqual(entry.issues.map(key).sort());
    for (const issue of result.issues) {
      const expected = entry.issues.find((i) => key(i) === key(issue));
      expect(issue.severity, key(issue)).toBe(expected?.severity);
    }
  });
});
