// Step: TypeScript types from the schemas (json-schema-to-typescript).
// One file a contract; named types for every titled nested object; string-literal unions, no index signatures.
import { compile } from 'json-schema-to-typescript';
import { BANNER_LINES } from '../lib/contract-schemas.mjs';

const DEFS_REF = 'defs.schema.json#/$defs/';
const DROPPED = new Set(['allOf', 'if', 'then', 'else', '$id', '$schema']);

/** Inline references into the shared definitions and drop rule branches: types describe shape only. */
function shapeOnly(node, defs) {
  if (Array.isArray(node)) return node.map((n) => shapeOnly(n, defs));
  if (!node || typeof node !== 'object') return node;
  let out = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    out[key] = shapeOnly(value, defs);
  }
  while (typeof out.$ref === 'string' && (out.$ref.startsWith(DEFS_REF) || (out.$ref.startsWith('#/$defs/') && defs.inDefs))) {
    const target = defs.$defs[out.$ref.split('/').pop()];
    const { $ref, ...rest } = out;
    out = { ...shapeOnly(target, { ...defs, inDefs: true }), ...rest };
    if (out.$ref === $ref) break;
  }
  return out;
}

export default async function types({ defs, contracts }) {
  const banner = `/* eslint-disable */\n${BANNER_LINES.map((l) => `// ${l}`).join('\n')}\n`;
  const files = [];
  for (const c of contracts) {
    const schema = shapeOnly(c.schema, { $defs: defs.$defs, inDefs: false });
    const ts = await compile(schema, c.name, {
      bannerComment: banner,
      additionalProperties: false,
      enableConstEnums: false,
      strictIndexSignatures: true,
      unknownAny: true,
      ignoreMinAndMaxItems: true,
      format: true,
      cwd: 'schemas',
    });
    files.push({ path: `generated/types/${c.slug}.ts`, content: ts });
  }
  const lines = [...BANNER_LINES.map((l) => `// ${l}`)];
  for (const c of contracts) lines.push(`export type * from './${c.slug}.js';`);
  for (const c of contracts) lines.push(`import type { ${c.name} } from './${c.slug}.js';`);
  lines.push('', '/** The contract names, in one list, derived from the schemas\' titles. */');
  lines.push(`export const contractNames = [${contracts.map((c) => `'${c.name}'`).join(', ')}] as const;`);
  lines.push('', '/** The name of a contract of this package. */', 'export type ContractName = (typeof contractNames)[number];');
  lines.push('', '/** Maps each contract name to the type of its documents. */', 'export interface ContractTypes {');
  for (const c of contracts) lines.push(`  ${c.name}: ${c.name};`);
  lines.push('}', '');
  files.push({ path: 'generated/types/index.ts', content: lines.join('\n') });
  return files;
}
