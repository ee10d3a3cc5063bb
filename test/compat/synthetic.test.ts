// Every kind of edit, classified, and proven by documents: documents drawn from both versions and
// validated under both with ajv. An old document the new version rejects demands major; a new
// document the old version rejects forbids none and patch. Each edit that must show in documents
// (`breaks`, `widens`) is required to, so the generator cannot pass by drawing nothing.
import { describe, expect, test } from 'vitest';
import { classRank, compareSchemaSets, type CompatReport } from '../../src/node/compat/index.js';
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
