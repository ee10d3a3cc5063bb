// fast-check arbitraries derived from a contract schema's structure (its base shape: the `allOf`
// rule branches are left to the breakers). Enough of JSON Schema for the contracts' nested objects.
import fc from 'fast-check';
import { contracts, type ContractName } from '../../../src/index.js';
import { resolveNode } from '../../support/schema-walk.js';
import { instantArb, stampArb } from './instants.js';

type Schema = Record<string, unknown>;

const typesOf = (node: Schema): string[] => (Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === 'string' ? [node.type] : []);

function nonNull(node: Schema, file: Schema, type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      if (typeof node.pattern === 'string') return fc.stringMatching(new RegExp(node.pattern));
      if (node.format === 'date-time') return instantArb.chain(stampArb);
      return fc.string({ minLength: (node.minLength as number | undefined) ?? 0, maxLength: 24 });
    case 'integer':
      return fc.integer({ min: (node.minimum as number | undefined) ?? -1e9, max: 1e12 });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = arbitraryOf(node.items as Schema, file);
      const minLength = (node.minItems as number | undefined) ?? 0;
      return node.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength: minLength + 3, selector: (v) => JSON.stringify(v) }) : fc.array(items, { minLength, maxLength: minLength + 3 });
    }
    case 'object': {
      const properties = (node.properties ?? {}) as Record<string, Schema>;
      const required = new Set((node.required as string[] | undefined) ?? []);
      const model = Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, arbitraryOf(sub, file)]));
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in properties) });
    }
    default:
      throw new Error(`no arbitrary for type ${type}`);
  }
}

/** An arbitrary of the values a schema node's structure allows. */
export function arbitraryOf(raw: Schema, file: Schema): fc.Arbitrary<unknown> {
  const node = resolveNode(raw, file);
  if ('const' in node) return fc.constant(node.const);
  if (Array.isArray(node.enum)) return fc.constantFrom(...(node.enum as unknown[]));
  const types = typesOf(node);
  if (types.length === 0) throw new Error('a schema node without a type');
  return fc.oneof(...types.map((t) => (t === 'null' ? fc.constant(null) : nonNull(node, file, t))));
}

/** The schema node of a contract at a pointer through `properties` and `items` (`/gitFacts`, `/artifacts/items`). */
export function schemaAt(contract: ContractName, path: string): Schema {
  const file = contracts[contract].schema as Schema;
  let node = file;
  for (const token of path.split('/').slice(1)) node = resolveNode(token === 'items' ? (node.items as Schema) : ((node.properties as Record<string, Schema>)[token] as Schema), file);
  return node;
}

/** An arbitrary of the values the structure of a contract's field allows. */
export const arbitraryAt = (contract: ContractName, path: string): fc.Arbitrary<unknown> => arbitraryOf(schemaAt(contract, path), contracts[contract].schema as Schema);

/** The enum a contract's field holds. */
export function enumAt(contract: ContractName, path: string): string[] {
  const values = schemaAt(contract, path).enum;
  if (!Array.isArray(values)) throw new Error(`${contract} ${path} has no enum`);
  return values as string[];
}
