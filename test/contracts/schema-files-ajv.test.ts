// The shipped schema files in a user's own ajv (the recipe of docs/packaging.md): ajv's default
// strict mode refuses unknown keywords and formats, so a user declares our two annotation keywords
// (`x-sourceos-contract`, `x-sourceos-rule`) as a vocabulary and supplies `date-time`. Then every
// contract compiles and decides the shipped examples as the manifest says, at the schema level.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type Options } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { formats } from '../../generated/validators/formats.js';
import { repoRoot } from '../support/valid-examples.js';

const schemaDir = path.join(repoRoot, 'schemas');
const schemas = readdirSync(schemaDir).map((f) => JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8')) as { $id: string; title?: string; [k: string]: unknown });
const contractsOf = schemas.filter((s) => 'x-sourceos-contract' in s);
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'manifest.json'), 'utf8')) as {
  examples: { path: string; contract: string; valid: boolean; issues: { code: string }[] }[];
};

/** The recipe: our annotation keywords as a vocabulary, the strict date-time check as a format. */
function userAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, logger: false, ...options });
  ajv.addVocabulary(['x-sourceos-contract', 'x-sourceos-rule']);
  ajv.addFormat('date-time', formats['date-time']);
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
}

describe('the schema files in ajv (draft 2020-12)', () => {
  test('without the vocabulary, strict mode refuses them: the recipe is needed', () => {
    const ajv = new Ajv2020({ logger: false });
    expect(() => {
      for (const schema of schemas) ajv.addSchema(schema);
      for (const schema of contractsOf) ajv.getSchema(schema.$id);
    }).toThrow(/unknown keyword: "x-sourceos-/);
  });

  test('with it, every contract compiles in ajv\'s default strict mode', () => {
    const ajv = userAjv();
    for (const schema of contractsOf) expect(ajv.getSchema(schema.$id), schema.$id).toBeTypeOf('function');
  });

  test('strict: true also asks every pattern in a rule branch for its type (strictTypes), which the contract states elsewhere: load with strictTypes "log"', () => {
    expect(() => userAjv({ strict: true }).getSchema(contractsOf[0]!.$id)).toThrow(/strictTypes/);
    const ajv = userAjv({ strict: true, strictTypes: 'log' });
    for (const schema of contractsOf) expect(ajv.getSchema(schema.$id)).toBeTypeOf('function');
  });

  test('and decides every shipped example as the manifest says, for the schema-level codes', () => {
    const ajv = userAjv();
    const byTitle = new Map(contractsOf.map((s) => [s.title, s.$id]));
    let checked = 0;
    for (const example of manifest.examples) {
      const schemaLevel = example.issues.some((i) => i.code.startsWith('schema/'));
      const id = byTitle.get(example.contract);
      expect(id, example.contract).toBeDefined();
      const ok = ajv.getSchema(id!)!(JSON.parse(readFileSync(path.join(repoRoot, example.path), 'utf8')));
      if (example.valid) expect(ok, example.path).toBe(true);
      else if (schemaLevel) expect(ok, example.path).toBe(false);
      checked++;
    }
    expect(checked).toBe(manifest.examples.length);
  });
});
