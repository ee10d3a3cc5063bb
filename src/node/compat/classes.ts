/**
 * The classes of a change and the stable change codes. A class says what a change does to
 * documents: `none` (nothing that validates changed), `patch` (the same documents accepted),
 * `minor` (every old document still valid, some new ones too), `major` (some old document may be
 * rejected, or an identity changed). Anything the comparison cannot prove safe is `major`.
 */

export type CompatClass = 'none' | 'patch' | 'minor' | 'major';

export const compatClasses: readonly CompatClass[] = ['none', 'patch', 'minor', 'major'];

export const classRank = (c: CompatClass): number => compatClasses.indexOf(c);

export const maxClass = (classes: Iterable<CompatClass>): CompatClass => {
  let best: CompatClass = 'none';
  for (const c of classes) if (classRank(c) > classRank(best)) best = c;
  return best;
};

/** The class of a code: fixed, or `varies` when it carries the class of a nested comparison. */
export type CodeClass = CompatClass | 'varies';

/** Every change code with its class and a one-line meaning (docs/compat.md lists each with an example). */
export const changeCodes = {
  // schema files
  'schema-added': { class: 'minor', meaning: 'a schema only NEW has' },
  'schema-removed': { class: 'major', meaning: 'a schema only OLD has' },
  'id-changed': { class: 'major', meaning: 'a `$id` (or an existing `$anchor`) changed: every `$ref` to the old one breaks' },
  'dialect-changed': { class: 'major', meaning: '`$schema` changed: the keywords may mean other things' },
  'definition-added': { class: 'patch', meaning: 'a new `$defs` entry or `$anchor`: nothing validates differently until something refers to it' },
  'definition-removed': { class: 'major', meaning: 'a `$defs` entry was removed: a `$ref` to it from another schema breaks' },
  'annotation-changed': { class: 'patch', meaning: 'title, description, `$comment`, examples, default, a rule\'s statement or reason, or an `x-` keyword' },
  'ref-target-changed': { class: 'patch', meaning: 'a `$ref` points elsewhere; what the two targets accept is compared, and those changes decide' },
  'ref-unresolved': { class: 'major', meaning: 'a `$ref` that cannot be resolved within its side: nothing can be proven' },
  // values
  'type-widened': { class: 'minor', meaning: 'the allowed JSON types grew (a type added, integer → number, `type` removed)' },
  'type-narrowed': { class: 'major', meaning: 'the allowed JSON types shrank (a type removed, number → integer, `type` added)' },
  'enum-value-added': { class: 'minor', meaning: 'a new allowed value in `enum` (or a `const` became an `enum` holding it)' },
  'enum-value-removed': { class: 'major', meaning: 'a value no longer allowed by `enum`' },
  'enum-added': { class: 'major', meaning: 'an `enum` where any value was allowed' },
  'enum-removed': { class: 'minor', meaning: 'the `enum` was removed' },
  'const-added': { class: 'major', meaning: 'a `const` where any value was allowed' },
  'const-changed': { class: 'major', meaning: 'the one allowed value changed' },
  'const-removed': { class: 'minor', meaning: 'the `const` was removed' },
  'pattern-added': { class: 'major', meaning: 'a `pattern` where any string was allowed' },
  'pattern-changed': { class: 'major', meaning: 'a different regular expression: cannot prove it accepts every string the old one did' },
  'pattern-removed': { class: 'minor', meaning: 'the `pattern` was removed' },
  'format-added': { class: 'major', meaning: 'a `format` (asserted by this package\'s validators) where none was' },
  'format-changed': { class: 'major', meaning: 'a different `format`' },
  'format-removed': { class: 'minor', meaning: 'the `format` was removed' },
  'min-tightened': { class: 'major', meaning: 'a lower limit (`minimum`, `exclusiveMinimum`, `minLength`, `minItems`, `minProperties`, `minContains`) rose or was added' },
  'min-loosened': { class: 'minor', meaning: 'a lower limit fell or was removed' },
  'max-tightened': { class: 'major', meaning: 'an upper limit (`maximum`, `exclusiveMaximum`, `maxLength`, `maxItems`, `maxProperties`, `maxContains`) fell or was added' },
  'max-loosened': { class: 'minor', meaning: 'an upper limit rose or was removed' },
  'multiple-of-tightened': { class: 'major', meaning: '`multipleOf` added, or changed to a value the old one is not a multiple of' },
  'multiple-of-loosened': { class: 'minor', meaning: '`multipleOf` removed, or changed to a divisor of the old one' },
  'unique-items-added': { class: 'major', meaning: '`uniqueItems: true` where repeats were allowed' },
  'unique-items-removed': { class: 'minor', meaning: 'repeats are allowed now' },
  // objects
  'required-added': { class: 'major', meaning: 'a property became required' },
  'required-removed': { class: 'minor', meaning: 'a property is no longer required' },
  'dependent-required-added': { class: 'major', meaning: 'a `dependentRequired` entry was added' },
  'dependent-required-removed': { class: 'minor', meaning: 'a `dependentRequired` entry was removed' },
  'property-added-closed-object': { class: 'minor', meaning: 'a new property where `additionalProperties: false` rejected that name before' },
  'property-added-open-object': { class: 'major', meaning: 'a new property with constraints where any value was allowed under that name: an old document that carried it may be rejected' },
  'property-added-unconstrained': { class: 'patch', meaning: 'a new property without constraints in an open object: only documented' },
  'property-added-additional-schema': { class: 'varies', meaning: 'a new property where the old `additionalProperties` schema governed the name: the two are compared' },
  'property-removed': { class: 'major', meaning: 'a property removed from a closed object: an old document that carried it is rejected' },
  'property-removed-open-object': { class: 'minor', meaning: 'a property removed from an open object: any value is allowed there now' },
  'property-removed-additional-schema': { class: 'varies', meaning: 'a property removed where the new `additionalProperties` schema governs the name: the two are compared' },
  'additional-properties-closed': { class: 'major', meaning: '`additionalProperties: false` (or a schema) where other names were free' },
  'additional-properties-opened': { class: 'minor', meaning: 'other names are allowed now' },
  'pattern-properties-changed': { class: 'major', meaning: 'the `patternProperties` patterns changed: cannot prove which names they govern' },
  // arrays
  'contains-added': { class: 'major', meaning: 'a `contains` where none was' },
  'contains-removed': { class: 'minor', meaning: 'the `contains` was removed' },
  // combinations
  'allof-branch-added': { class: 'major', meaning: 'a new `allOf` branch: one more constraint every document must meet' },
  'allof-branch-removed': { class: 'minor', meaning: 'an `allOf` branch was removed' },
  'rule-branch-added': { class: 'major', meaning: 'a new `allOf` branch with `x-sourceos-rule`: a new schema rule, which reports errors' },
  'rule-branch-removed': { class: 'minor', meaning: 'an `allOf` branch with `x-sourceos-rule` was removed' },
  'rule-code-changed': { class: 'major', meaning: 'a schema rule\'s code changed: the issue code validators report is renamed' },
  'anyof-branch-added': { class: 'minor', meaning: 'a new `anyOf` branch (or a `oneOf` branch provably disjoint from the others)' },
  'anyof-branch-removed': { class: 'major', meaning: 'an `anyOf` (or `oneOf`) branch was removed' },
  'oneof-branch-added': { class: 'major', meaning: 'a new `oneOf` branch that may overlap another: a document matching both is rejected' },
  'oneof-branch-widened': { class: 'major', meaning: 'a `oneOf` branch accepts more and may overlap another now' },
  'union-added': { class: 'minor', meaning: 'the old schema became one branch of an `anyOf` or of a disjoint `oneOf` (e.g. made nullable)' },
  'union-removed': { class: 'varies', meaning: 'an `anyOf`/`oneOf` was replaced by a plain schema: each old branch is compared with it (at least minor)' },
  'conditional-added': { class: 'major', meaning: 'a new `if`/`then`/`else`: old documents that meet the condition may be rejected' },
  'conditional-changed': { class: 'major', meaning: 'the `if` of a conditional changed: cannot prove which documents it now reaches' },
  'conditional-removed': { class: 'minor', meaning: 'an `if`/`then`/`else` was removed' },
  'not-changed': { class: 'varies', meaning: 'the schema of a `not` changed: minor when it excludes less, else major' },
  'schema-closed': { class: 'major', meaning: 'a subschema became `false` (or rejects everything)' },
  'schema-opened': { class: 'minor', meaning: 'a `false` subschema accepts documents now' },
  'cannot-prove-compatible': { class: 'major', meaning: 'a change the comparison does not reason about (unknown keyword, `unevaluated*`, dynamic references, a shape it cannot align); the message says why' },
  // the rule registry
  'error-rule-added': { class: 'major', meaning: 'a new rule whose findings are errors' },
  'warning-rule-added': { class: 'minor', meaning: 'a new rule whose findings are warnings' },
  'issue-code-added': { class: 'minor', meaning: 'a new issue code that is not a rule (a parse, file or scan finding)' },
  'issue-code-removed': { class: 'major', meaning: 'an issue code (a rule\'s or another) is gone or renamed' },
  'rule-severity-raised': { class: 'major', meaning: 'a warning became an error' },
  'rule-severity-lowered': { class: 'minor', meaning: 'an error became a warning' },
  'rule-contract-changed': { class: 'major', meaning: 'a rule code moved to another contract' },
  'rule-moved-to-schema': { class: 'major', meaning: 'a code rule is stated in the schema now: plain-schema users get a new error' },
  'rule-moved-to-code': { class: 'minor', meaning: 'a schema rule is checked in code now: plain-schema users no longer get it' },
  'rule-text-changed': { class: 'patch', meaning: 'a rule\'s statement or reason changed' },
} as const satisfies Record<string, { class: CodeClass; meaning: string }>;

export type ChangeCode = keyof typeof changeCodes;

/** One change that decides a class: where (RFC 6901, in the schema or registry file), how much, what. */
export interface CompatChange {
  readonly pointer: string;
  readonly class: CompatClass;
  readonly code: ChangeCode;
  readonly message: string;
}

/** One matched (or added, or removed) schema: its paths relative to OLD and NEW, null when absent. */
export interface SchemaCompat {
  readonly id: string;
  readonly old: string | null;
  readonly new: string | null;
  readonly class: CompatClass;
  readonly changes: readonly CompatChange[];
}

export const COMPAT_REPORT_VERSION = 1;

export interface CompatReport {
  readonly version: typeof COMPAT_REPORT_VERSION;
  readonly class: CompatClass;
  readonly schemas: readonly SchemaCompat[];
}
