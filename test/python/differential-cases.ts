// Documents for the differential test, as JSON text (so both sides parse the same bytes): valid
// documents of every contract (the examples, the corpus, and ones generated from each schema's
// structure), each mutated at a random depth (a property removed, added or renamed, a value of
// another type, a string with ECMAScript-only white space, a number spelled 1.0, -0, 1e400 or a
// huge integer, an item repeated), plus arbitrary JSON and near misses of the contract names.
import fc from 'fast-check';
import { contractNames, type ContractName } from '../../src/index.js';
import { basesOf } from '../rules/support/documents.js';
import { arbitraryOf } from '../rules/support/schema-arbitrary.js';
import { contracts } from '../../src/index.js';

export interface Case {
  readonly text: string;
  readonly contract: ContractName | null;
  readonly filename: string | null;
}

type Json = unknown;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Numbers written as JSON text JSON.stringify never writes: replaced in the text after stringifying. */
const RAW_NUMBERS = ['1.0', '-0', '-0.0', '1e400', '-1e400', '123456789012345678901234567890', '9007199254740993', '1E2', '0.5', '3600.000', '1e21'];
const rawMarker = (raw: string) => `\u0000raw:${raw}`;

const TRICKY_STRINGS = ['', ' ', '\u00a0', '\ufeff', '\u2028', '\u0085', '\u001c', 'x\n', 'urn:srcos:session:\u00a0', 'urn:srcos:session:a\n', 'urn:srcos:session:\u0085', 'sha256:' + 'a'.repeat(64) + '\n', '2026-01-30T06:01:33Z\n', '2026-01-30t06:01:33z', '2026-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '1.2.3\n', '٣', 'é', '😀', '\ud800', '__proto__', 'constructor', 'toString', 'a'.repeat(300)];

const scalarArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...TRICKY_STRINGS),
  fc.constantFrom(...RAW_NUMBERS.map(rawMarker)),
  fc.constantFrom(null, true, false, 0, 1, -1, 2, 1.5, 1e21, 2 ** 53),
  fc.string({ maxLength: 8 }),
  fc.integer(),
);
const valueArb: fc.Arbitrary<Json> = fc.oneof({ weight: 4, arbitrary: scalarArb }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constantFrom([], {}, [1, 1], ['a', 'a']) });

/** Every path into a JSON value (the root included). */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

const clone = (v: Json): Json => JSON.parse(JSON.stringify(v));

function update(doc: Json, path: (string | number)[], change: (parent: Json, key: string | number) => void): Json {
  const copy = clone(doc);
  if (path.length === 0) return copy;
  let node = copy as Record<string | number, Json>;
  for (const token of path.slice(0, -1)) node = node[token] as Record<string | number, Json>;
  change(node, path[path.length - 1]!);
  return copy;
}

type Mutation = (doc: Json) => fc.Arbitrary<Json>;

const mutations: Mutation[] = [
  // replace a value at any depth
  (doc) => fc.tuple(fc.constantFrom(...paths(doc)), valueArb).map(([path, value]) => (path.length ? update(doc, path, (p, k) => ((p as Record<string | number, Json>)[k] = value)) : value)),
  // remove a property at any depth
  (doc) => {
    const keys = paths(doc).filter((p) => p.length > 0 && typeof p[p.length - 1] === 'string');
    return keys.length ? fc.constantFrom(...keys).map((path) => update(doc, path, (p, k) => delete (p as Record<string, Json>)[k as string])) : fc.constant(doc);
  },
  // add a property to an object at any depth
  (doc) => {
    const objects = paths(doc).filter((p) => isObject(p.reduce<Json>((n, t) => (n as Record<string | number, Json>)[t], doc)));
    if (objects.length === 0) return fc.constant(doc);
    return fc.tuple(fc.constantFrom(...objects), fc.constantFrom('extra', '__proto__', 'constructor', '0', '10', 'a/b', 'a~b', ''), valueArb).map(([path, key, value]) => {
      const copy = clone(doc);
      const target = path.reduce<Json>((n, t) => (n as Record<string | number, Json>)[t], copy) as Record<string, Json>;
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return copy;
    });
  },
  // repeat or drop an item of an array at any depth
  (doc) => {
    const arrays = paths(doc).filter((p) => Array.isArray(p.reduce<Json>((n, t) => (n as Record<string | number, Json>)[t], doc)));
    return arrays.length
      ? fc.tuple(fc.constantFrom(...arrays), fc.boolean()).map(([path, repeat]) => {
          const copy = clone(doc);
          const target = path.reduce<Json>((n, t) => (n as Record<string | number, Json>)[t], copy) as Json[];
          if (repeat && target.length) target.push(clone(target[0]));
          else target.pop();
          return copy;
        })
      : fc.constant(doc);
  },
];

/** A document as JSON text, with the raw number markers written as raw numbers. */
export function toText(doc: Json): string {
  return JSON.stringify(doc).replace(/"\\u0000raw:([^"]*)"/g, '$1');
}

function contractCases(name: ContractName): fc.Arbitrary<Case> {
  const bases = basesOf(name);
  const baseArb = fc.oneof(
    fc.constantFrom(...bases).map((b) => ({ doc: b.doc as Json, filename: b.filename ?? null })),
    arbitraryOf(contracts[name].schema as Record<string, unknown>, contracts[name].schema as Record<string, unknown>).map((doc) => ({ doc, filename: null })),
  );
  return fc
    .tuple(baseArb, fc.nat({ max: 3 }), fc.constantFrom<'given' | 'detect'>('given', 'detect'))
    .chain(([base, count, how]) => {
      let arb: fc.Arbitrary<Json> = fc.constant(base.doc);
      for (let i = 0; i < count; i++) arb = arb.chain((doc) => fc.constantFrom(...mutations).chain((m) => m(doc)));
      return arb.map((doc) => ({ text: toText(doc), contract: how === 'given' ? name : null, filename: base.filename }));
    });
}

const oddCases: fc.Arbitrary<Case> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((doc) => ({ text: JSON.stringify(doc) ?? 'null', contract: null, filename: null })),
  fc.tuple(fc.constantFrom(...contractNames), fc.constantFrom('s', 'es', '', ' ', 'x'), fc.boolean()).map(([name, suffix, lower]) => ({
    text: JSON.stringify({ type: (lower ? name.toLowerCase() : name) + suffix, specVersion: '0.1.0', id: 'urn:srcos:thing:1' }),
    contract: null,
    filename: null,
  })),
  fc.constantFrom('Lease', 'Nope', 'constructor', '__proto__').map((contract) => ({ text: '{}', contract: contract as ContractName, filename: null })),
);

/** `count` cases, the same for the same seed. */
export function differentialCases(count: number, seed: number): Case[] {
  const arb = fc.oneof({ weight: 8, arbitrary: fc.oneof(...contractNames.map(contractCases)) }, { weight: 1, arbitrary: oddCases });
  return fc.sample(arb, { numRuns: count, seed });
}
