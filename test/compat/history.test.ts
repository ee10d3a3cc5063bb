// Schema pairs from this repository's own history (test/compat/pairs/<name>/{old,new}/, with the
// classes expected.json records): classified as recorded, and proven by documents drawn from both
// versions of each contract plus the repository's valid examples, validated under both with ajv.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { classRank, compatReport } from '../../src/node/compat/index.js';
import { judge, validators, type Files } from './support/documents.js';

const PAIRS = join(import.meta.dirname, 'pairs');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples', 'valid');

const readSide = (dir: string): Files => Object.fromEntries(readdirSync(dir).map((f) => [f, JSON.parse(readFileSync(join(dir, f), 'utf8'))]));
const examples: unknown[] = readdirSync(EXAMPLES).flatMap((c) =>
  readdirSync(join(EXAMPLES, c))
    .filter((f) => f.endsWith('.json') && f !== 'expected.json')
    .map((f) => JSON.parse(readFileSync(join(EXAMPLES, c, f), 'utf8'))),
);

describe.each(readdirSync(PAIRS))('history pair %s', (name) => {
  const dir = join(PAIRS, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { class: string; schemas: Record<string, string>; codes: string[] };
  const report = compatReport({ old: join(dir, 'old'), new: join(dir, 'new') });

  test('classified as recorded', () => {
    expect(report.class).toBe(expected.class);
    expect(Object.fromEntries(report.schemas.map((s) => [s.new ?? s.old, s.class]))).toEqual(expected.schemas);
    const codes = report.schemas.flatMap((s) => s.changes.map((c) => c.code));
    for (const code of expected.codes) expect(codes).toContain(code);
  });

  const oldFiles = readSide(join(dir, 'old'));
  const newFiles = readSide(join(dir, 'new'));
  const contracts = Object.keys(newFiles).filter((f) => f in oldFiles && f !== 'defs.schema.json');
  test.skipIf(contracts.length === 0).each(contracts)('%s: documents agree with the class', (file) => {
    const entry = report.schemas.find((s) => s.new === file)!;
    const drawn = judge(oldFiles, newFiles, file, 600);
    const oldV = validators(oldFiles).get(file)!;
    const newV = validators(newFiles).get(file)!;
    const broken = [...drawn.broken, ...examples.filter((d) => oldV(d) === true && newV(d) !== true)];
    const widened = [...drawn.widened, ...examples.filter((d) => newV(d) === true && oldV(d) !== true)];
    expect(drawn.validOld + examples.filter((d) => oldV(d) === true).length, 'documents valid under OLD').toBeGreaterThan(0);
    if (broken.length) expect(entry.class, `OLD document rejected by NEW: ${JSON.stringify(broken[0])}`).toBe('major');
    if (widened.length) expect(classRank(entry.class), `NEW document rejected by OLD: ${JSON.stringify(widened[0])}`).toBeGreaterThanOrEqual(classRank('minor'));
  });
});
