// Synthetic edits of every kind the comparison reasons about: one schema (`s.json`) before and
// after, the class it must get, codes its changes must include, and whether documents must show
// the difference (`breaks`: some old document is rejected; `widens`: some new one was rejected before).
import type { ChangeCode, CompatClass } from '../../../src/node/index.js';

type Rec = Record<string, unknown>;

export interface Edit {
  readonly name: string;
  readonly old: unknown;
  readonly new: unknown;
  readonly class: CompatClass;
  readonly codes: readonly ChangeCode[];
  readonly breaks?: boolean;
  readonly widens?: boolean;
  /** A schema ajv cannot compile: no documents are drawn. */
  readonly noDocuments?: boolean;
}

const obj = (properties: Rec, extra: Rec = {}): Rec => ({ type: 'object', properties, ...extra });
const closed = (properties: Rec, extra: Rec = {}): Rec => obj(properties, { additionalProperties: false, ...extra });
const str = { type: 'string' };
const int = { type: 'integer' };
const kind = { type: 'string', enum: ['a', 'b'] };
const rule = (code: string, body: Rec): Rec => ({ 'x-sourceos-rule': { code, statement: 's', why: 'w' }, ...body });

export const edits: readonly Edit[] = [
  { name: 'key order and formatting', old: closed({ a: str, b: int }, { required: ['a'] }), new: { required: ['a'], additionalProperties: false, properties: { b: int, a: str }, type: 'object' }, class: 'none', codes: [] },
  { name: 'description, title, $comment, examples', old: closed({ a: { ...str, description: 'x' } }, { title: 'T' }), new: closed({ a: { ...str, description: 'y', examples: ['q'] } }, { title: 'U', $comment: 'c' }), class: 'patch', codes: ['annotation-changed'] },
  { name: 'a rule statement reworded', old: obj({ k: kind }, { allOf: [rule('rule/r', { required: ['k'] })] }), new: obj({ k: kind }, { allOf: [{ ...rule('rule/r', { required: ['k'] }), 'x-sourceos-rule': { code: 'rule/r', statement: 't', why: 'w' } }] }), class: 'patch', codes: ['annotation-changed'] },
  { name: 'required added', old: closed({ a: str, b: int }, { required: ['a'] }), new: closed({ a: str, b: int }, { required: ['a', 'b'] }), class: 'major', codes: ['required-added'], breaks: true },
  { name: 'required removed', old: closed({ a: str, b: int }, { required: ['a', 'b'] }), new: closed({ a: str, b: int }, { required: ['a'] }), class: 'minor', codes: ['required-removed'], widens: true },
  { name: 'enum value added', old: closed({ k: kind }), new: closed({ k: { type: 'string', enum: ['a', 'b', 'c'] } }), class: 'minor', codes: ['enum-value-added'], widens: true },
  { name: 'enum value removed', old: closed({ k: kind }), new: closed({ k: { type: 'string', enum: ['a'] } }), class: 'major', codes: ['enum-value-removed'], breaks: true },
  { name: 'enum added', old: closed({ k: str }), new: closed({ k: kind }), class: 'major', codes: ['enum-added'], breaks: true },
  { name: 'const changed', old: closed({ t: { const: 'A' } }, { required: ['t'] }), new: closed({ t: { const: 'B' } }, { required: ['t'] }), class: 'major', codes: ['const-changed'], breaks: true },
  { name: 'const to enum holding it', old: closed({ t: { const: 'A' } }), new: closed({ t: { enum: ['A', 'B'] } }), class: 'minor', codes: ['enum-value-added'], widens: true },
  { name: 'const removed', old: closed({ t: { const: 'A' } }), new: closed({ t: {} }), class: 'minor', codes: ['const-removed'], widens: true },
  { name: 'property added to an open object, constrained', old: obj({ a: str }), new: obj({ a: str, b: int }), class: 'major', codes: ['property-added-open-object'], breaks: true },
  { name: 'property added to an open object, unconstrained', old: obj({ a: str }), new: obj({ a: str, b: { description: 'free' } }), class: 'patch', codes: ['property-added-unconstrained'] },
  { name: 'property added to a closed object', old: closed({ a: str }), new: closed({ a: str, b: int }), class: 'minor', codes: ['property-added-closed-object'], widens: true },
  { name: 'property added where additionalProperties had a schema', old: obj({ a: str }, { additionalProperties: str }), new: obj({ a: str, b: { type: 'string', minLength: 2 } }, { additionalProperties: str }), class: 'major', codes: ['property-added-additional-schema'], breaks: true },
  { name: 'property removed from a closed object', old: closed({ a: str, b: int }), new: closed({ a: str }), class: 'major', codes: ['property-removed'], breaks: true },
  { name: 'property removed from an open object', old: obj({ a: str, b: int }), new: obj({ a: str }), class: 'minor', codes: ['property-removed-open-object'], widens: true },
  { name: 'additionalProperties closed', old: obj({ a: str }), new: closed({ a: str }), class: 'major', codes: ['additional-properties-closed'], breaks: true },
  { name: 'additionalProperties opened', old: closed({ a: str }), new: obj({ a: str }), class: 'minor', codes: ['additional-properties-opened'], widens: true },
  { name: 'patternProperties changed', old: obj({}, { patternProperties: { '^x': str } }), new: obj({}, { patternProperties: { '^y': str } }), class: 'major', codes: ['pattern-properties-changed'] },
  { name: 'pattern changed', old: closed({ a: { type: 'string', pattern: '^[a-c]+$' } }), new: closed({ a: { type: 'string', pattern: '^[a-b]+$' } }), class: 'major', codes: ['pattern-changed'], breaks: true },
  { name: 'pattern changed, even when wider', old: closed({ a: { type: 'string', pattern: '^[a-b]+$' } }), new: closed({ a: { type: 'string', pattern: '^[a-c]+$' } }), class: 'major', codes: ['pattern-changed'] },
  { name: 'pattern added', old: closed({ a: str }), new: closed({ a: { type: 'string', pattern: '^a' } }), class: 'major', codes: ['pattern-added'], breaks: true },
  { name: 'pattern removed', old: closed({ a: { type: 'string', pattern: '^a' } }), new: closed({ a: str }), class: 'minor', codes: ['pattern-removed'], widens: true },
  { name: 'format added', old: closed({ at: str }), new: closed({ at: { type: 'string', format: 'date-time' } }), class: 'major', codes: ['format-added'], breaks: true },
  { name: 'format removed', old: closed({ at: { type: 'string', format: 'date-time' } }), new: closed({ at: str }), class: 'minor', codes: ['format-removed'], widens: true },
  { name: 'type narrowed: number to integer', old: closed({ n: { type: 'number' } }), new: closed({ n: int }), class: 'major', codes: ['type-narrowed'], breaks: true },
  { name: 'type widened: nullable by type list', old: closed({ s: str }), new: closed({ s: { type: ['string', 'null'] } }), class: 'minor', codes: ['type-widened'], widens: true },
  { name: 'nullable by oneOf', old: closed({ s: str }), new: closed({ s: { oneOf: [str, { type: 'null' }] } }), class: 'minor', codes: ['union-added'], widens: true },
  { name: 'nullable removed', old: closed({ s: { oneOf: [str, { type: 'null' }] } }), new: closed({ s: str }), class: 'major', codes: ['union-removed'], breaks: true },
  { name: 'null to empty string (a limit only strings feel)', old: closed({ h: { type: 'null' } }), new: closed({ h: { maxLength: 0 } }), class: 'minor', codes: ['type-widened'], widens: true },
  { name: 'minimum tightened', old: closed({ n: { type: 'integer', minimum: 0 } }), new: closed({ n: { type: 'integer', minimum: 5 } }), class: 'major', codes: ['min-tightened'], breaks: true },
  { name: 'maximum loosened', old: closed({ n: { type: 'integer', maximum: 5 } }), new: closed({ n: { type: 'integer', maximum: 10 } }), class: 'minor', codes: ['max-loosened'], widens: true },
  { name: 'exclusiveMinimum for minimum', old: closed({ n: { type: 'number', minimum: 1 } }), new: closed({ n: { type: 'number', exclusiveMinimum: 1 } }), class: 'major', codes: ['min-tightened'], breaks: true },
  { name: 'minItems tightened', old: closed({ l: { type: 'array', items: str } }), new: closed({ l: { type: 'array', items: str, minItems: 1 } }), class: 'major', codes: ['min-tightened'], breaks: true },
  { name: 'maxLength added', old: closed({ s: str }), new: closed({ s: { type: 'string', maxLength: 3 } }), class: 'major', codes: ['max-tightened'], breaks: true },
  { name: 'multipleOf tightened', old: closed({ n: { type: 'integer', multipleOf: 2 } }), new: closed({ n: { type: 'integer', multipleOf: 3 } }), class: 'major', codes: ['multiple-of-tightened'], breaks: true },
  { name: 'multipleOf loosened', old: closed({ n: { type: 'integer', multipleOf: 4 } }), new: closed({ n: { type: 'integer', multipleOf: 2 } }), class: 'minor', codes: ['multiple-of-loosened'], widens: true },
  { name: 'uniqueItems added', old: closed({ l: { type: 'array', items: kind } }), new: closed({ l: { type: 'array', items: kind, uniqueItems: true } }), class: 'major', codes: ['unique-items-added'], breaks: true },
  { name: 'items narrowed', old: closed({ l: { type: 'array', items: str } }), new: closed({ l: { type: 'array', items: kind } }), class: 'major', codes: ['enum-added'], breaks: true },
  { name: 'contains added', old: closed({ l: { type: 'array', items: kind } }), new: closed({ l: { type: 'array', items: kind, contains: { const: 'a' } } }), class: 'major', codes: ['contains-added'], breaks: true },
  { name: 'tuple position added over items', old: closed({ l: { type: 'array', items: str } }), new: closed({ l: { type: 'array', prefixItems: [kind], items: str } }), class: 'major', codes: ['enum-added'], breaks: true },
  { name: 'ref target changed to an equal definition', old: { ...closed({ a: { $ref: '#/$defs/x' } }), $defs: { x: str, y: str } }, new: { ...closed({ a: { $ref: '#/$defs/y' } }), $defs: { x: str, y: str } }, class: 'patch', codes: ['ref-target-changed'] },
  { name: 'ref target changed to a narrower definition', old: { ...closed({ a: { $ref: '#/$defs/x' } }), $defs: { x: str, y: kind } }, new: { ...closed({ a: { $ref: '#/$defs/y' } }), $defs: { x: str, y: kind } }, class: 'major', codes: ['ref-target-changed', 'enum-added'], breaks: true },
  { name: 'inline schema moved to a definition', old: closed({ a: { type: 'string', minLength: 1, description: 'A' } }), new: { ...closed({ a: { $ref: '#/$defs/x', description: 'A' } }), $defs: { x: { type: 'string', minLength: 1 } } }, class: 'patch', codes: ['definition-added'] },
  { name: 'a definition narrowed', old: { ...closed({ a: { $ref: '#/$defs/x' } }), $defs: { x: str } }, new: { ...closed({ a: { $ref: '#/$defs/x' } }), $defs: { x: { type: 'string', minLength: 2 } } }, class: 'major', codes: ['min-tightened'], breaks: true },
  { name: 'a definition removed', old: { ...closed({ a: str }), $defs: { x: str } }, new: closed({ a: str }), class: 'major', codes: ['definition-removed'] },
  { name: '$id changed', old: { $id: 'https://compat.test/v0/s.json', ...closed({ a: str }) }, new: { $id: 'https://compat.test/v1/s.json', ...closed({ a: str }) }, class: 'major', codes: ['id-changed'] },
  { name: 'if/then added', old: closed({ k: kind, x: str }), new: closed({ k: kind, x: str }, { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } }), class: 'major', codes: ['conditional-added'], breaks: true },
  { name: 'if/then removed', old: closed({ k: kind, x: str }, { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } }), new: closed({ k: kind, x: str }), class: 'minor', codes: ['conditional-removed'], widens: true },
  { name: 'if changed', old: closed({ k: kind, x: str }, { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } }), new: closed({ k: kind, x: str }, { if: { properties: { k: { const: 'b' } }, required: ['k'] }, then: { required: ['x'] } }), class: 'major', codes: ['conditional-changed'], breaks: true },
  { name: 'then widened', old: closed({ k: kind, x: str, y: str }, { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x', 'y'] } }), new: closed({ k: kind, x: str, y: str }, { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } }), class: 'minor', codes: ['required-removed'], widens: true },
  { name: 'schema rule added (x-sourceos-rule allOf branch)', old: closed({ k: kind, x: str }), new: closed({ k: kind, x: str }, { allOf: [rule('rule/x-with-a', { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } })] }), class: 'major', codes: ['rule-branch-added'], breaks: true },
  { name: 'schema rule removed', old: closed({ k: kind, x: str }, { allOf: [rule('rule/x-with-a', { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } })] }), new: closed({ k: kind, x: str }), class: 'minor', codes: ['rule-branch-removed'], widens: true },
  { name: 'schema rule code renamed', old: obj({ k: kind }, { allOf: [rule('rule/one', { required: ['k'] })] }), new: obj({ k: kind }, { allOf: [rule('rule/two', { required: ['k'] })] }), class: 'major', codes: ['rule-branch-added'] },
  { name: 'schema rule narrowed inside its branch', old: closed({ k: kind, x: str }, { allOf: [rule('rule/r', { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'] } })] }), new: closed({ k: kind, x: { type: 'string', minLength: 1 } }, { allOf: [rule('rule/r', { if: { properties: { k: { const: 'a' } }, required: ['k'] }, then: { required: ['x'], properties: { x: { minLength: 3 } } } })] }), class: 'major', codes: ['min-tightened'], breaks: true },
  { name: 'allOf branch added', old: closed({ a: str, b: str }), new: closed({ a: str, b: str }, { allOf: [{ required: ['a'] }] }), class: 'major', codes: ['allof-branch-added'], breaks: true },
  { name: 'anyOf branch added', old: closed({ v: { anyOf: [str, int] } }), new: closed({ v: { anyOf: [str, int, { type: 'boolean' }] } }), class: 'minor', codes: ['anyof-branch-added'], widens: true },
  { name: 'anyOf branch removed', old: closed({ v: { anyOf: [str, int] } }), new: closed({ v: { anyOf: [str] } }), class: 'major', codes: ['anyof-branch-removed'], breaks: true },
  { name: 'oneOf branch added, overlapping', old: closed({ v: { oneOf: [{ type: 'integer', maximum: 5 }, { type: 'integer', minimum: 10 }] } }), new: closed({ v: { oneOf: [{ type: 'integer', maximum: 5 }, { type: 'integer', minimum: 10 }, { type: 'integer', minimum: 0 }] } }), class: 'major', codes: ['oneof-branch-added'], breaks: true },
  { name: 'oneOf branch added, disjoint by discriminator', old: { oneOf: [closed({ t: { const: 'a' } }, { required: ['t'] }), closed({ t: { const: 'b' }, n: int }, { required: ['t'] })] }, new: { oneOf: [closed({ t: { const: 'a' } }, { required: ['t'] }), closed({ t: { const: 'b' }, n: int }, { required: ['t'] }), closed({ t: { const: 'c' } }, { required: ['t'] })] }, class: 'minor', codes: ['anyof-branch-added'], widens: true },
  { name: 'oneOf branch widened, overlapping', old: closed({ v: { oneOf: [{ type: 'integer', maximum: 5 }, { type: 'integer', minimum: 10 }] } }), new: closed({ v: { oneOf: [{ type: 'integer', maximum: 12 }, { type: 'integer', minimum: 10 }] } }), class: 'major', codes: ['oneof-branch-widened'], breaks: true },
  { name: 'anyOf became oneOf, overlapping', old: closed({ v: { anyOf: [{ type: 'integer', maximum: 5 }, { type: 'integer', minimum: 0 }] } }), new: closed({ v: { oneOf: [{ type: 'integer', maximum: 5 }, { type: 'integer', minimum: 0 }] } }), class: 'major', codes: ['cannot-prove-compatible'], breaks: true },
  { name: 'draft-04 exclusiveMinimum turned on', old: closed({ n: { type: 'integer', minimum: 0, exclusiveMinimum: false } }), new: closed({ n: { type: 'integer', minimum: 0, exclusiveMinimum: true } }), class: 'major', codes: ['min-tightened'], noDocuments: true },
  { name: '$anchor renamed', old: { ...closed({ a: { $ref: '#x' } }), $defs: { x: { $anchor: 'x', type: 'string' } } }, new: { ...closed({ a: { $ref: '#y' } }), $defs: { x: { $anchor: 'y', type: 'string' } } }, class: 'major', codes: ['id-changed'] },
  { name: 'not widened (excludes less)', old: closed({ s: { type: 'string', not: { enum: ['a', 'b'] } } }), new: closed({ s: { type: 'string', not: { enum: ['a'] } } }), class: 'minor', codes: ['not-changed'], widens: true },
  { name: 'not narrowed (excludes more)', old: closed({ s: { type: 'string', not: { enum: ['a'] } } }), new: closed({ s: { type: 'string', not: { enum: ['a', 'b'] } } }), class: 'major', codes: ['not-changed'], breaks: true },
  { name: 'dependentRequired added', old: closed({ a: str, b: str }), new: closed({ a: str, b: str }, { dependentRequired: { a: ['b'] } }), class: 'major', codes: ['dependent-required-added'], breaks: true },
  { name: 'unknown keyword changed', old: closed({ a: { type: 'string', nullable: false } }), new: closed({ a: { type: 'string', nullable: true } }), class: 'major', codes: ['cannot-prove-compatible'] },
  { name: 'unevaluatedProperties beside a change', old: { type: 'object', allOf: [{ properties: { a: str } }], unevaluatedProperties: false }, new: { type: 'object', allOf: [{ properties: { a: str, b: str } }], unevaluatedProperties: false }, class: 'major', codes: ['cannot-prove-compatible'] },
  { name: 'an unresolvable $ref', old: closed({ a: str }), new: closed({ a: { $ref: '#/$defs/missing' } }), class: 'major', codes: ['ref-unresolved'], noDocuments: true },
  { name: 'schema became false', old: closed({ a: str }), new: closed({ a: false }), class: 'major', codes: ['schema-closed'], breaks: true },
];
