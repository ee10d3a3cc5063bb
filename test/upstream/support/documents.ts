// Documents to compare this package with the upstream schemas on: generated from this package's
// schemas, generated from the upstream ones, and valid documents, each then mutated a few times at
// places found by walking it (a value respelled, emptied, retyped, repeated, removed or added).
import fc from 'fast-check';
import { contracts } from '../../../src/index.js';
import { toPointer } from '../../../src/json-pointer.js';
import { withValueAt } from '../../support/schema-walk.js';
import { arbitraryOf } from '../../rules/support/schema-arbitrary.js';
import { upstreamSchema, type Schema, type UpstreamContract } from './upstream.js';

type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every place of a document: the root, each property and each item, at every depth. */
function places(value: unknown, path: Path = []): Path[] {
  const children = Array.isArray(value) ? value.map((v, i) => places(v, [...path, i])) : isObject(value) ? Object.entries(value).map(([k, v]) => places(v, [...path, k])) : [];
  return [path, ...children.flat()];
}

const valueAt = (doc: unknown, path: Path): unknown => path.reduce<unknown>((node, t) => (node as Record<string | number, unknown>)[t], doc);

/** Respellings of a string value: the ways a producer could write it differently. */
function respellings(text: string): string[] {
  const colon = text.lastIndexOf(':');
  return [
    '', ' ', `${text} `, `${text} x`, `${text}\t`, ` ${text}`, text.toUpperCase(), text.toLowerCase(),
    colon >= 0 ? text.slice(0, colon + 1) : text,
    text.replace(/T/, ' '), text.replace(/T/, '\t'), text.replace(/T/, 't'),
    text.replace(/(Z|z|[+-]\d\d:\d\d)$/, '+0200'), text.replace(/(Z|z|[+-]\d\d:\d\d)$/, '+02'), text.replace(/(Z|z|[+-]\d\d:\d\d)$/, '-00:00'),
    text.replace(/(Z|z|[+-]\d\d:\d\d)$/, ''), text.replace(/(\d\d)(Z|z|[+-]\d\d:\d\d)$/, '$1.5$2'), text.replace(/:(\d\d)(\.\d+)?(Z|z|[+-])/, ':60$3'),
    '1', '1.0', 'v1.0.0', '01.0.0', '1.0.0-rc.1', '1.0.0+build', 'latest',
  ];
}

const OTHER_VALUES: unknown[] = [null, 0, -1, 1.5, true, false, [], {}, 'x', 'urn:srcos:x:y'];

/** One mutation of a document, chosen by numbers (so fast-check can shrink it). */
function mutate(doc: unknown, choice: { place: number; how: number; text: string }): unknown {
  const all = places(doc).filter((p) => p.length > 0);
  if (all.length === 0) return doc;
  const path = all[choice.place % all.length] as Path;
  const pointer = toPointer(path);
  const value = valueAt(doc, path);
  const parent = valueAt(doc, path.slice(0, -1));
  const options: (() => unknown)[] = [
    () => (Array.isArray(parent) ? doc : withValueAt(doc, pointer, undefined)),
    () => withValueAt(doc, pointer, OTHER_VALUES[choice.how % OTHER_VALUES.length]),
    () => withValueAt(doc, pointer, choice.text),
  ];
  if (typeof value === 'string') for (const spelled of respellings(value)) options.push(() => withValueAt(doc, pointer, spelled));
  if (Array.isArray(value) && value.length > 0) {
    options.push(() => withValueAt(doc, pointer, [...value, value[choice.how % value.length]]));
    options.push(() => withValueAt(doc, pointer, [...value, '']), () => withValueAt(doc, pointer, []));
  }
  if (isObject(value)) options.push(() => withValueAt(doc, `${pointer}/${choice.text.replace(/[~/]/g, '') || 'extra'}`, choice.text));
  return (options[choice.how % options.length] as () => unknown)();
}

const choiceArb = fc.record({ place: fc.nat(), how: fc.nat(), text: fc.string({ maxLength: 12 }) });

/** A document after zero to three mutations. */
export const mutated = (base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.tuple(base, fc.array(choiceArb, { maxLength: 3 })).map(([doc, choices]) => choices.reduce(mutate, doc));

/** Documents of this package's schema structure (its rule branches left out). */
export const fromOurSchema = (contract: UpstreamContract): fc.Arbitrary<unknown> => {
  const schema = contracts[contract].schema as Schema;
  return arbitraryOf(schema, schema);
};

/** Documents of the upstream schema's structure. */
export const fromUpstreamSchema = (contract: UpstreamContract): fc.Arbitrary<unknown> => {
  const schema = upstreamSchema(contract);
  return arbitraryOf(schema, schema);
};
