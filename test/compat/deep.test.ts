// A comparison that cannot finish (schemas nested deeper than the engine's stack) proves nothing:
// the pair is major with `cannot-prove-compatible`, and nothing throws.
import { expect, test } from 'vitest';
import { compareSchemaSets } from '../../src/node/compat/index.js';

function nested(depth: number, leaf: Record<string, unknown>): Record<string, unknown> {
  let schema: Record<string, unknown> = leaf;
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

const side = (schema: unknown) => ({ root: '', files: [{ rel: 's.json', schema }] });

test('a pair nested past the stack is major (cannot prove compatible), not a crash', () => {
  const report = compareSchemaSets(side(nested(200_000, { type: 'string' })), side(nested(200_000, { type: 'string', maxLength: 3 })));
  expect(report.class).toBe('major');
  expect(report.schemas[0]!.changes).toEqual([expect.objectContaining({ class: 'major', code: 'cannot-prove-compatible' })]);
});

test('the same shallow pair still gets its precise class', () => {
  const report = compareSchemaSets(side(nested(50, { type: 'string' })), side(nested(50, { type: 'string', maxLength: 3 })));
  expect(report.class).toBe('major');
  expect(report.schemas[0]!.changes.map((c) => c.code)).not.toContain('cannot-prove-compatible');
});
