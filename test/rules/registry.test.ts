// The rule registry is one list of every rule, schema and code alike, and every rule has examples:
// at least one that breaks that rule alone, and one valid document at its edge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { codeRules, contractNames, contracts, ruleAnnotations, ruleRegistry, schemaRules } from '../../src/index.js';
import { repoRoot } from '../support/valid-examples.js';

interface ManifestEntry {
  path: string;
  contract: string;
  valid: boolean;
  rule?: string;
  issues: { code: string; pointer: string; severity: string }[];
}

const registry = ruleRegistry();
const manifest = JSON.parse(readFileSync(join(repoRoot, 'examples', 'manifest.json'), 'utf8')) as { examples: ManifestEntry[] };

describe('the rule registry', () => {
  test('has every rule once, with a stable code, a statement and a reason', () => {
    const codes = registry.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of registry) {
      expect(rule.code).toMatch(/^rule\/[a-z0-9-]+$/);
      expect(rule.statement.length, rule.code).toBeGreaterThan(10);
      expect(rule.why.length, rule.code).toBeGreaterThan(10);
      expect(contractNames).toContain(rule.contract);
    }
  });

  test('lists each contract\'s code rules, keyed by code, and every schema annotation as an error', () => {
    for (const name of contractNames) {
      for (const rule of contracts[name].rules) {
        expect(codeRules[rule.code]).toBe(rule);
        expect(registry).toContainEqual(expect.objectContaining({ code: rule.code, contract: name, severity: rule.severity, location: 'code' }));
      }
      for (const annotation of ruleAnnotations(contracts[name].schema)) {
        expect(registry).toContainEqual(expect.objectContaining({ code: annotation.code, contract: name, severity: 'error', location: 'schema', schemaPath: annotation.schemaPath }));
      }
    }
    expect(Object.keys(codeRules).length + schemaRules().length).toBe(registry.length);
  });

  test('covers every rule the issue names, in schema or code', () => {
    const byContract = Object.fromEntries(contractNames.map((n) => [n, registry.filter((r) => r.contract === n).length]));
    expect(byContract).toEqual({ BrowserAutomationReceipt: 3, CapabilityLedger: 3, GitWorkspaceState: 4, Lease: 2, OrphanEventReceipt: 8, RuntimeInstallReceipt: 5, Signal: 3 });
  });
});

describe.each(registry.map((r) => [r.code, r] as const))('%s', (code, rule) => {
  const about = manifest.examples.filter((e) => e.rule === code);

  test('has an example that breaks this rule alone', () => {
    const breaking = about.filter((e) => e.issues.length > 0 && e.issues.every((i) => i.code === code && i.severity === rule.severity));
    expect(breaking.length, code).toBeGreaterThan(0);
    for (const e of breaking) expect(e.valid, e.path).toBe(rule.severity === 'warning');
  });

  test('has a valid example at its edge that keeps it', () => {
    expect(about.filter((e) => e.valid && e.issues.every((i) => i.code !== code)).length, code).toBeGreaterThan(0);
  });
});

test('every rule an example names or expects is in the registry', () => {
  const codes = new Set(registry.map((r) => r.code));
  for (const e of manifest.examples) {
    if (e.rule) expect(codes, e.path).toContain(e.rule);
    for (const issue of e.issues) if (issue.code.startsWith('rule/')) expect(codes, e.path).toContain(issue.code);
  }
});

test('docs/rules.md documents every rule', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'rules.md'), 'utf8');
  for (const rule of registry) expect(doc).toContain(`### \`${rule.code}\``);
});

test('docs/conformance.md lists every code rule, and no schema rule as code', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'conformance.md'), 'utf8');
  const listed = new Set([...doc.matchAll(/^\| `(rule\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]));
  expect([...listed].sort()).toEqual(registry.filter((r) => r.location === 'code').map((r) => r.code).sort());
});
