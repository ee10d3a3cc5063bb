// Structural failures, derived from the schemas: for every valid example and every site the schema
// walk finds (at every depth), a broken value must fail with the matching code at that pointer.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { childPointer } from '../../src/json-pointer.js';
import { contracts, validate, type Issue } from '../../src/index.js';
import { schemaSites, withValueAt, type Site } from '../support/schema-walk.js';
import { validExamples } from '../support/valid-examples.js';

const examples = validExamples().map((e) => ({ ...e, sites: schemaSites(contracts[e.contract].schema, e.doc) }));
const has = (issues: readonly Issue[], code: string, pointer: string) => issues.some((i) => i.code === code && i.pointer === pointer);
const cases = (pick: (s: (typeof examples)[number]['sites']) => Site[]) =>
  examples.flatMap((e) => pick(e.sites).map((site) => ({ name: `${e.path} ${site.pointer}`, example: e, site })));
type Case = ReturnType<typeof cases>[number];
/** Draws a case by its name, so a counterexample prints as one line rather than a whole schema. */
const caseOf = (all: Case[]) => fc.constantFrom(...all.map((c) => c.name)).map((name) => all.find((c) => c.name === name) as Case, (c) => (c as Case).name);

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

describe('every valid example validates, with no error', () => {
  test.each(examples.map((e) => [e.path, e] as const))('%s', (_, e) => {
    expect(validate(e.doc).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('removing a required property fails with schema/required at that property', () => {
  const all = cases((s) => s.required);
  test('the walk finds required properties at every depth', () => {
    const nested = new Set(all.map((c) => c.site.pointer.split('/')[1]).filter((p) => all.some((c) => c.site.pointer.startsWith(`/${p}/`))));
    for (const parent of ['pathEvidence', 'gitFacts', 'sessionResolution', 'ttl', 'manifest', 'artifacts', 'header', 'body', 'footer']) expect(nested, parent).toContain(parent);
  });
  test.each(all.map((c) => [c.name, c] as const))('%s', (_, { example, site }) => {
    const result = validate(withValueAt(example.doc, site.pointer, undefined), { contract: example.contract });
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'schema/required', pointer: site.pointer, severity: 'error' }));
  });
});

describe('property tests over schema sites', () => {
  const enumCases = cases((s) => s.enums);
  const urnCases = cases((s) => s.urns);
  const dateCases = cases((s) => s.dateTimes);
  const objectCases = cases((s) => s.objects);

  test('a value outside an enum fails with schema/enum', () => {
    fc.assert(
      fc.property(caseOf(enumCases), fc.string(), ({ example, site }, value) => {
        fc.pre(!(site.schema.enum as unknown[]).includes(value));
        expect(has(validate(withValueAt(example.doc, site.pointer, value), { contract: example.contract }).issues, 'schema/enum', site.pointer)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('a URN of the wrong type or shape fails with schema/pattern', () => {
    const prefix = fc.constantFrom('', 'urn:', 'urn:srcos:', 'urn:example:', 'urn:srcos:other-kind:', 'URN:SRCOS:session:');
    fc.assert(
      fc.property(caseOf(urnCases), prefix, fc.string(), ({ example, site }, head, tail) => {
        const value = head + tail;
        fc.pre(!new RegExp(site.schema.pattern as string, 'u').test(value));
        expect(has(validate(withValueAt(example.doc, site.pointer, value), { contract: example.contract }).issues, 'schema/pattern', site.pointer)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('a malformed date-time fails with schema/format', () => {
    const broken = fc.oneof(
      fc.string().filter((s) => !RFC3339.test(s)),
      fc.constantFrom('2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-05-06 04:31:00Z', '2026-05-06T04:31:00', '2026-05-06T25:00:00Z', '2026-05-06', '06/05/2026', '2026-05-06T04:31:00+0200'),
    );
    fc.assert(
      fc.property(caseOf(dateCases), broken, ({ example, site }, value) => {
        expect(has(validate(withValueAt(example.doc, site.pointer, value), { contract: example.contract }).issues, 'schema/format', site.pointer), JSON.stringify(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('an extra property fails with schema/additionalProperties at that property', () => {
    fc.assert(
      fc.property(caseOf(objectCases), fc.string({ minLength: 1 }), ({ example, site }, key) => {
        fc.pre(!Object.prototype.hasOwnProperty.call(site.schema.properties, key) && !['__proto__', 'constructor'].includes(key));
        const pointer = childPointer(site.pointer, key);
        const doc = withValueAt(example.doc, pointer, 'extra');
        expect(has(validate(doc, { contract: example.contract }).issues, 'schema/additionalProperties', pointer)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('every kind of site exists in every contract that has one', () => {
    expect(enumCases.length).toBeGreaterThan(20);
    expect(new Set(urnCases.map((c) => c.example.contract)).size).toBe(5);
    expect(new Set(dateCases.map((c) => c.example.contract)).size).toBe(7);
    expect(new Set(objectCases.map((c) => c.example.contract)).size).toBe(7);
  });
});
