/**
 * The deepest nesting any contract's documents can have, computed from the schemas. The CLI does
 * not run this: `npm run generate` writes its result to generated/contract-nesting.ts (see
 * scripts/generate/contract-nesting.mjs), and depth-limit.ts reads that.
 */
import defs from '../../../schemas/defs.schema.json' with { type: 'json' };
import { contractNames, contracts } from '../../validation.js';

type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schema a `$ref` names, with the document it lives in (the base of its own local refs). */
function resolve(ref: string, root: Schema, byFile: Map<string, Schema>): { schema: Schema; root: Schema } | undefined {
  const [file, fragment = ''] = ref.split('#');
  const base = file ? byFile.get(file.split('/').pop() as string) : root;
  if (!base) return undefined;
  let node: unknown = base;
  for (const token of fragment.split('/').filter(Boolean)) {
    node = isSchema(node) ? node[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return isSchema(node) ? { schema: node, root: base } : undefined;
}

/** How many levels of objects and arrays an instance of the schema can nest (a scalar is 0). */
function nesting(schema: unknown, root: Schema, byFile: Map<string, Schema>, active: Set<unknown>): number {
  if (!isSchema(schema)) return 0;
  if (active.has(schema)) return Number.POSITIVE_INFINITY; // a recursive schema has no bound
  active.add(schema);
  let deepest = 0;
  if (typeof schema.$ref === 'string') {
    const target = resolve(schema.$ref, root, byFile);
    // A reference outside the known schemas may still hold a container: count one level.
    deepest = target ? nesting(target.schema, target.root, byFile, active) : 1;
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const s of list) deepest = Math.max(deepest, nesting(s, root, byFile, active));
  }
  for (const key of ['if', 'then', 'else', 'not']) deepest = Math.max(deepest, nesting(schema[key], root, byFile, active));
  const children: unknown[] = [];
  for (const key of ['properties', 'patternProperties', '$defs']) {
    if (key !== '$defs' && isSchema(schema[key])) children.push(...Object.values(schema[key] as Schema));
  }
  for (const key of ['items', 'additionalProperties', 'contains', 'unevaluatedItems', 'unevaluatedProperties']) children.push(schema[key]);
  if (Array.isArray(schema.prefixItems)) children.push(...schema.prefixItems);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const container = types.includes('object') || types.includes('array') || children.some(isSchema);
  if (container) {
    let inner = 0;
    for (const child of children) inner = Math.max(inner, nesting(child, root, byFile, active));
    deepest = Math.max(deepest, 1 + inner);
  }
  active.delete(schema);
  return deepest;
}

/** The deepest nesting any contract's documents can have. */
export function deepestContractNesting(): number {
  const byFile = new Map<string, Schema>([['defs.schema.json', defs as Schema]]);
  for (const name of contractNames) {
    const schema = contracts[name].schema as Schema;
    if (typeof schema.$id === 'string') byFile.set(schema.$id.split('/').pop() as string, schema);
  }
  let deepest = 0;
  for (const name of contractNames) {
    const schema = contracts[name].schema as Schema;
    deepest = Math.max(deepest, nesting(schema, schema, byFile, new Set()));
  }
  return deepest;
}
