// Conventions every schema keeps: one $id base, titles, closed objects, a description on every property.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contractNames, contracts } from '../../src/index.js';
import { repoRoot } from '../support/valid-examples.js';

const BASE = 'https://schemas.sourceos.dev/contracts/v0/';
const files = readdirSync(join(repoRoot, 'schemas')).filter((f) => f.endsWith('.schema.json'));
const load = (f: string) => JSON.parse(readFileSync(join(repoRoot, 'schemas', f), 'utf8')) as Record<string, unknown>;

type Node = Record<string, unknown>;
function* objectSchemas(node: unknown, path: string): Generator<[string, Node]> {
  if (Array.isArray(node)) for (const [i, n] of node.entries()) yield* objectSchemas(n, `${path}/${i}`);
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (n.properties && typeof n.properties === 'object' && !path.includes('/if') && !path.includes('/then') && !path.includes('/allOf')) yield [path, n];
    for (const [k, v] of Object.entries(n)) yield* objectSchemas(v, `${path}/${k}`);
  }
}

describe.each(files)('%s', (file) => {
  const schema = load(file);
  test('is draft 2020-12 with a stable $id under the base', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`${BASE}${file}`);
  });
  test('closes every object and describes every property', () => {
    for (const [path, node] of objectSchemas(schema, '#')) {
      expect(node.additionalProperties, path).toBe(false);
      for (const [key, prop] of Object.entries(node.properties as Record<string, Node>)) expect(typeof prop.description, `${path}/properties/${key}`).toBe('string');
    }
  });
});

test('each contract schema is titled with its contract name', () => {
  expect(files.filter((f) => f !== 'defs.schema.json').map((f) => load(f).title).sort()).toEqual([...contractNames].sort());
  for (const name of contractNames) expect(contracts[name].schema.title).toBe(name);
});
