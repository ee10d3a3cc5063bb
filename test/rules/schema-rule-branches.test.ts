// The rules a schema states keep their code: an annotated branch sits in the top-level allOf, and no
// `$ref` stands where an error can come from (ajv would report the referenced schema's path, and the
// error would lose its rule code). `if`, `not` and the items `contains` tries report no errors of their own.
import { describe, expect, test } from 'vitest';
import { contractNames, contracts, ruleAnnotations } from '../../src/index.js';

type Node = Record<string, unknown>;
const SILENT = new Set(['if', 'not', 'contains', 'x-sourceos-rule']);
const REFS = ['$ref', '$dynamicRef'];

/** The schema paths inside a branch where a reference stands in an error-producing position. */
export function refsThatLoseTheCode(node: unknown, path: string): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => refsThatLoseTheCode(child, `${path}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const found: string[] = [];
  for (const [key, child] of Object.entries(node as Node)) {
    if (REFS.includes(key)) found.push(`${path}/${key}`);
    else if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      for (const [name, sub] of Object.entries(child as Node)) found.push(...refsThatLoseTheCode(sub, `${path}/${key}/${name}`));
    } else if (!SILENT.has(key)) found.push(...refsThatLoseTheCode(child, `${path}/${key}`));
  }
  return found;
}

const branchAt = (schema: Node, schemaPath: string): unknown => schemaPath.split('/').slice(1).reduce<unknown>((n, t) => (n as Node)[t], schema);

describe.each(contractNames)('%s', (name) => {
  const schema = contracts[name].schema as Node;
  const annotations = ruleAnnotations(schema);

  test('its rule branches sit in the top-level allOf, each annotated with a code, a statement and a reason', () => {
    for (const a of annotations) {
      expect(a.schemaPath).toMatch(/^#\/allOf\/\d+$/);
      expect(a.code).toMatch(/^rule\/[a-z0-9-]+$/);
      expect(typeof a.statement === 'string' && typeof a.why === 'string').toBe(true);
    }
  });

  test('no rule branch holds a $ref where an error can come from', () => {
    for (const a of annotations) expect(refsThatLoseTheCode(branchAt(schema, a.schemaPath), a.schemaPath), a.code).toEqual([]);
  });
});

test('the check finds a $ref in a then branch and ignores one in an if', () => {
  const branch = { if: { properties: { state: { $ref: '#/$defs/x' } } }, then: { properties: { severity: { $ref: 'defs.schema.json#/$defs/y' } } } };
  expect(refsThatLoseTheCode(branch, '#/allOf/0')).toEqual(['#/allOf/0/then/properties/severity/$ref']);
});
