// Every kind of edit, classified, and proven by documents: documents drawn from both versions and
// validated under both with ajv. An old document the new version rejects demands major; a new
// document the old version rejects forbids none and patch. Each edit that must show in documents
// (`breaks`, `widens`) is required to, so the generator cannot pass by drawing nothing.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classRank, compareSchemaSets, compatClasses, type CompatReport } from '../../src/node/compat/index.js';
import { judge } from './support/documents.js';
import { edits } from './support/synthetic.js';

const ID = 'https://compat.test/s.json';
const withId = (schema: unknown): unknown => (schema !== null && typeof schema === 'object' && !('$id' in schema) ? { $id: ID, ...schema } : schema);
const side = (schema: unknown) => ({ root: '', files: [{ rel: 's.json', schema: withId(schema) }] });

function compare(old: unknown, next: unknown): CompatReport {
  return compareSchemaSets(side(old), side(next));
}

describe('synthetic edits', () => {
  test.each(edits.map((e) => [e.name, e] as const))('%s', (_name, edit) => {
    const report = compare(edit.old, edit.new);
    const codes = report.schemas.flatMap((s) => s.changes.map((c) => c.code));
    expect(report.class, JSON.stringify(report.schemas[0]?.changes, null, 1)).toBe(edit.class);
    for (const code of edit.codes) expect(codes).toContain(code);

    if (edit.noDocuments) return; // ajv refuses to compile the schema itself
    const verdicts = judge({ 's.json': withId(edit.old) }, { 's.json': withId(edit.new) }, 's.json');
    expect(verdicts.validOld, 'documents valid under OLD were drawn').toBeGreaterThan(20);
    if (verdicts.broken.length) expect(report.class, `OLD document rejected by NEW: ${JSON.stringify(verdicts.broken[0])}`).toBe('major');
    if (verdicts.widened.length) expect(classRank(report.class), `NEW document rejected by OLD: ${JSON.stringify(verdicts.widened[0])}`).toBeGreaterThanOrEqual(classRank('minor'));
    if (edit.breaks) expect(verdicts.broken.length, 'an old document the new version rejects was found').toBeGreaterThan(0);
    if (edit.widens) expect(verdicts.widened.length, 'a new document the old version rejects was found').toBeGreaterThan(0);
  });

  test('the comparison never throws on non-schemas and cycles', () => {
    const cyclic = { $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } } } }, $ref: '#/$defs/n' };
    const changed = { $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' }, v: { type: 'integer' } } } }, $ref: '#/$defs/n' };
    expect(compare(cyclic, changed).class).toBe('major');
    expect(compare(cyclic, cyclic).class).toBe('none');
    expect(compare({ properties: { a: 3 } }, { properties: { a: 4 } }).class).toBe('major');
  });
});

describe('any pair of schema-like values', () => {
  const keyword = fc.constantFrom('type', 'properties', 'required', 'items', 'prefixItems', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', '$defs', 'enum', 'const', 'pattern', 'patternProperties', 'additionalProperties', 'minimum', 'exclusiveMinimum', 'contains', 'unevaluatedProperties', '$anchor', '$id', 'a');
  const leaf = fc.oneof(fc.constantFrom('#', '#/$defs/a', '#/properties', '#%zz', 'x.json#/a', 'string', '^(', '^a', null, true, false, 0, 3.5, -1), fc.string({ maxLength: 4 }));
  const schema = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(keyword, tie('node'), { maxKeys: 4 })),
  })).node;

  test('are compared without throwing, the same value twice as none', () => {
    fc.assert(
      fc.property(schema, schema, (a, b) => {
        const schemaA = typeof a === 'boolean' || (a !== null && typeof a === 'object' && !Array.isArray(a)) ? a : { const: a };
        const schemaB = typeof b === 'boolean' || (b !== null && typeof b === 'object' && !Array.isArray(b)) ? b : { const: b };
        const report = compareSchemaSets({ root: '', files: [{ rel: 's.json', schema: schemaA }] }, { root: '', files: [{ rel: 's.json', schema: schemaB }] });
        expect(compatClasses).toContain(report.class);
        expect(compareSchemaSets({ root: '', files: [{ rel: 's.json', schema: schemaA }] }, { root: '', files: [{ rel: 's.json', schema: structuredClone(schemaA) }] }).class).toBe('none');
      }),
      { numRuns: 400 },
    );
  });
});
