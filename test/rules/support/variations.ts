// Variations that keep every rule: all timestamps shifted by one amount and respelled (offsets,
// fraction precision, letter case), and free text (strings no rule and no pattern reads) rewritten.
// Both are found by walking the schema, not listed by hand.
import fc from 'fast-check';
import { contracts } from '../../../src/index.js';
import { childPointer } from '../../../src/json-pointer.js';
import { ruleAnnotations } from '../../../src/rule-annotations.js';
import { resolveNode, schemaSites, withValueAt } from '../../support/schema-walk.js';
import type { Base } from './documents.js';
import { spell, spellingArb, toNs } from './instants.js';

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every property name a schema's rule branches constrain. */
function ruleFieldNames(schema: Schema): Set<string> {
  const names = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (isObject(node)) {
      if (isObject(node.properties)) for (const key of Object.keys(node.properties)) names.add(key);
      if (Array.isArray(node.required)) for (const key of node.required) names.add(String(key));
      Object.values(node).forEach(collect);
    }
  };
  for (const annotation of ruleAnnotations(schema)) {
    let branch: unknown = schema;
    for (const token of annotation.schemaPath.split('/').slice(1)) branch = (branch as Schema)[token];
    collect(branch);
  }
  return names;
}

const CONSTRAINED = ['pattern', 'enum', 'const', 'format', 'if'];

/** Pointers of non-empty strings whose schema says nothing but "a string" and that no rule branch names. */
export function freeStrings(schema: Schema, doc: unknown): string[] {
  const ruled = ruleFieldNames(schema);
  const found: string[] = [];
  const visit = (raw: Schema, value: unknown, pointer: string, name: string): void => {
    const node = resolveNode(raw, schema);
    if (typeof value === 'string') {
      if (value !== '' && !ruled.has(name) && !CONSTRAINED.some((k) => k in node)) found.push(pointer);
    } else if (isObject(value) && isObject(node.properties)) {
      for (const [key, child] of Object.entries(value)) {
        const sub = (node.properties as Record<string, Schema>)[key];
        if (sub) visit(sub, child, childPointer(pointer, key), key);
      }
    } else if (Array.isArray(value) && isObject(node.items)) {
      value.forEach((item, i) => visit(node.items as Schema, item, childPointer(pointer, i), name));
    }
  };
  visit(schema, doc, '', '');
  return found;
}

/** Text for a free string: never empty, never a path separator (a signal topic is part of a file name). */
export const freeTextArb = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => !/[\\/]/.test(s));

/** A varied document with what `validate` must be given and must say. */
export interface Variant extends Base {
  readonly times: readonly string[];
}

/** The file name a signal would now have, when the base had one of the form <stamp>_<kind>_<topic>.json. */
function fileNameFor(base: Base, doc: Record<string, unknown>): string | undefined {
  if (!base.filename || !/^\d{8}-\d{6}_/.test(base.filename)) return base.filename;
  const header = doc.header as Record<string, string>;
  const body = doc.body as Record<string, string>;
  return `${header.id}_${header.kind}_${body.topic}.json`;
}

/** Documents equivalent to `base` under every rule. */
export function keepingVariation(base: Base): fc.Arbitrary<Variant> {
  const schema = contracts[base.contract].schema as Schema;
  const times = schemaSites(schema, base.doc).dateTimes.map((s) => s.pointer);
  const free = freeStrings(schema, base.doc);
  return fc
    .record({
      shiftSeconds: fc.bigInt({ min: -1_300_000_000n, max: 4_500_000_000n }),
      spellings: fc.array(spellingArb, { minLength: times.length, maxLength: times.length }),
      texts: fc.array(fc.option(freeTextArb, { nil: undefined }), { minLength: free.length, maxLength: free.length }),
    })
    .map(({ shiftSeconds, spellings, texts }) => {
      let doc: unknown = base.doc;
      times.forEach((pointer, i) => {
        const value = pointer.split('/').slice(1).reduce<unknown>((node, t) => (node as Record<string, unknown>)[t], base.doc) as string;
        doc = withValueAt(doc, pointer, spell(toNs(value) + shiftSeconds * 1_000_000_000n, spellings[i] as (typeof spellings)[number]));
      });
      free.forEach((pointer, i) => {
        if (texts[i] !== undefined) doc = withValueAt(doc, pointer, texts[i]);
      });
      const varied = doc as Record<string, unknown>;
      const filename = fileNameFor(base, varied);
      return { ...base, doc: varied, ...(filename ? { filename } : {}), times };
    });
}
