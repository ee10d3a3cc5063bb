// Walks a contract schema alongside a document and yields the places where a schema keyword
// applies: required properties, enums, typed URN patterns, date-time formats, closed objects.
// Tests derive their cases from these sites instead of listing fields by hand.
import defs from '../../schemas/defs.schema.json' with { type: 'json' };
import { childPointer } from '../../src/json-pointer.js';

type Schema = Record<string, unknown>;

export interface Site {
  readonly pointer: string;
  readonly schema: Schema;
}

export interface SchemaSites {
  readonly required: Site[];
  readonly enums: Site[];
  readonly urns: Site[];
  readonly dateTimes: Site[];
  readonly objects: Site[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function at(schema: Schema, fragment: string): Schema {
  let node: unknown = schema;
  for (const token of fragment.split('/').filter(Boolean)) node = (node as Schema)[token];
  if (!isObject(node)) throw new Error(`unresolvable $ref fragment ${fragment}`);
  return node;
}

/** The schema node with its `$ref` chain merged in (the referring node's own keywords win). */
export function resolveNode(node: Schema, file: Schema): Schema {
  if (typeof node.$ref !== 'string') return node;
  const [target, fragment = ''] = node.$ref.split('#');
  const targetFile = target ? (target === 'defs.schema.json' ? (defs as Schema) : undefined) : file;
  if (!targetFile) throw new Error(`unknown $ref target ${node.$ref}`);
  const { $ref: _ref, ...own } = node;
  return { ...resolveNode(at(targetFile, fragment), targetFile), ...own };
}

const allows = (schema: Schema, type: string): boolean =>
  schema.type === undefined || schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));

/** Every site of `doc` (which should be valid) under `schema`, at every depth. */
export function schemaSites(schema: Schema, doc: unknown): SchemaSites {
  const sites: SchemaSites = { required: [], enums: [], urns: [], dateTimes: [], objects: [] };
  const visit = (raw: Schema, value: unknown, pointer: string): void => {
    const node = resolveNode(raw, schema);
    if (Array.isArray(node.enum) && typeof value === 'string') sites.enums.push({ pointer, schema: node });
    if (typeof node.pattern === 'string' && node.pattern.startsWith('^urn:srcos:') && typeof value === 'string') sites.urns.push({ pointer, schema: node });
    if (node.format === 'date-time' && typeof value === 'string') sites.dateTimes.push({ pointer, schema: node });
    if (isObject(value) && allows(node, 'object') && isObject(node.properties)) {
      sites.objects.push({ pointer, schema: node });
      for (const key of (node.required as string[] | undefined) ?? []) {
        if (key in value) sites.required.push({ pointer: childPointer(pointer, key), schema: node });
      }
      for (const [key, child] of Object.entries(value)) {
        const sub = (node.properties as Record<string, Schema>)[key];
        if (sub) visit(sub, child, childPointer(pointer, key));
      }
    }
    if (Array.isArray(value) && isObject(node.items)) value.forEach((item, i) => visit(node.items as Schema, item, childPointer(pointer, i)));
  };
  visit(schema, doc, '');
  return sites;
}

/** A deep copy of `doc` with the value at `pointer` replaced (or removed when `value` is undefined). */
export function withValueAt(doc: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const tokens = pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop() as string;
  let node: Record<string, unknown> = copy;
  for (const t of tokens) node = node[t] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}
