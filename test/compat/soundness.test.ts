// Soundness on random edits: a random small schema (objects open and closed, strings, integers,
// nullable types, enums, consts, unions, arrays, references to $defs) and a random edit of it
// (a node replaced, a keyword removed or added, a property required or not). Documents drawn from
// both versions decide: an old document the new version rejects demands major; a new document the
// old version rejects forbids none and patch.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { classRank, compareSchemaSets } from '../../src/node/compat/index.js';
import { judge } from './support/documents.js';

type Rec = Record<string, unknown>;

const leaf: fc.Arbitrary<Rec> = fc.oneof(
  fc.record({ type: fc.constant('string'), minLength: fc.integer({ min: 0, max: 3 }), pattern: fc.constantFrom('^a', '^[ab]+$') }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('integer'), minimum: fc.integer({ min: -3, max: 3 }), maximum: fc.integer({ min: 2, max: 8 }), multipleOf: fc.constantFrom(1, 2, 4) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom(['string', 'null'], ['integer', 'null'], 'null', 'boolean', 'number') }),
  fc.record({ enum: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 1, null), { minLength: 1, maxLength: 3 }) }),
  fc.record({ const: fc.constantFrom('a', 1, null) }),
  fc.record({ $ref: fc.constantFrom('#/$defs/word', '#/$defs/count') }),
  fc.constant({ description: 'anything' }),
);
const union = fc.record({ k: fc.constantFrom('anyOf', 'oneOf'), branches: fc.array(leaf, { minLength: 1, maxLength: 3 }) }).map(({ k, branches }) => ({ [k]: branches }));
const array = fc.record({ type: fc.constant('array'), items: leaf, minItems: fc.integer({ min: 0, max: 2 }), uniqueItems: fc.boolean() }, { requiredKeys: ['type', 'items'] });
const field = fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: union }, { weight: 1, arbitrary: array });
const object = fc
  .record({
    properties: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), field, { minKeys: 1, maxKeys: 3 }),
    required: fc.subarray(['a', 'b', 'c', 'd']),
    additionalProperties: fc.constantFrom(undefined, false, true, { type: 'string' }),
  })
  .map(({ properties, required, additionalProperties }) => ({
    type: 'object',
    properties,
    required: required.filter((r) => r in properties),
    ...(additionalProperties === undefined ? {} : { additionalProperties }),
    $defs: { word: { type: 'string', minLength: 1 }, count: { type: 'integer', minimum: 0 } },
  }));

/** Every subschema of a schema (not the maps that hold them), with a way to replace it. */
function sites(root: Rec): { get: () => Rec; set: (v: Rec) => void }[] {
  const out: { get: () => Rec; set: (v: Rec) => void }[] = [];
  const visit = (holder: Record<string | number, unknown>, key: string | number): void => {
    const node = holder[key];
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    out.push({ get: () => holder[key] as Rec, set: (v) => (holder[key] = v) });
    const rec = node as Rec;
    for (const map of ['properties', '$defs']) if (rec[map] && typeof rec[map] === 'object') for (const k of Object.keys(rec[map] as Rec)) visit(rec[map] as Rec, k);
    for (const one of ['items', 'additionalProperties']) visit(rec, one);
    for (const list of ['anyOf', 'oneOf']) if (Array.isArray(rec[list])) (rec[list] as unknown[]).forEach((_, i) => visit(rec[list] as unknown[] as Record<number, unknown>, i));
  };
  visit({ root }, 'root');
  return out;
}

const edit = fc.record({ site: fc.nat(), op: fc.constantFrom('replace', 'drop', 'merge', 'require', 'unrequire', 'close', 'open'), fresh: field, pick: fc.nat() });

function apply(old: Rec, e: { site: number; op: string; fresh: Rec; pick: number }): Rec {
  const wrapper: Rec = { root: structuredClone(old) };
  const all = sites(wrapper.root as Rec);
  const at = all[e.site % all.length]!;
  const node = at.get();
  const keys = Object.keys(node);
  switch (e.op) {
    case 'replace':
      if (all.indexOf(at) === 0) at.set({ ...node, properties: { ...(node.properties as Rec), a: e.fresh } });
      else at.set(e.fresh);
      break;
    case 'drop':
      if (keys.length) delete node[keys[e.pick % keys.length]!];
      break;
    case 'merge':
      at.set({ ...node, ...e.fresh });
      break;
    case 'require':
    case 'unrequire': {
      const copy = wrapper.root as Rec;
      const names = ['a', 'b', 'c', 'd'];
      const name = names[e.pick % names.length]!;
      const required = new Set((copy.required as string[]) ?? []);
      if (e.op === 'require') required.add(name);
      else required.delete(name);
      copy.required = [...required];
      break;
    }
    case 'close':
      (wrapper.root as Rec).additionalProperties = false;
      break;
    case 'open':
      delete (wrapper.root as Rec).additionalProperties;
      break;
  }
  return wrapper.root as Rec;
}

test('random edits: documents never contradict the class', () => {
  fc.assert(
    fc.property(object, edit, (old, e) => {
      const next = apply(old, e);
      const report = compareSchemaSets({ root: '', files: [{ rel: 's.json', schema: { $id: 'https://compat.test/s.json', ...old } }] }, { root: '', files: [{ rel: 's.json', schema: { $id: 'https://compat.test/s.json', ...next } }] });
      const detail = `old ${JSON.stringify(old)}\nnew ${JSON.stringify(next)}\n${JSON.stringify(report.schemas[0]?.changes)}`;
      let verdicts;
      try {
        verdicts = judge({ 's.json': old }, { 's.json': next }, 's.json', 120, 7);
      } catch {
        // The edit left a $ref dangling (ajv refuses the schema): nothing about it is provable.
        expect(report.class, detail).toBe('major');
        return;
      }
      if (verdicts.broken.length) expect(report.class, `${detail}\nOLD document rejected by NEW: ${JSON.stringify(verdicts.broken[0])}`).toBe('major');
      if (verdicts.widened.length) expect(classRank(report.class), `${detail}\nNEW document rejected by OLD: ${JSON.stringify(verdicts.widened[0])}`).toBeGreaterThanOrEqual(classRank('minor'));
    }),
    { numRuns: 200, seed: 5, endOnFailure: true },
  );
}, 120_000);
