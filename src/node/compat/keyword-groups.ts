/**
 * Two schema objects without `$ref`, keyword by keyword: annotations and identity here, then each
 * group in its own file (values, objects, arrays, branches). A keyword the comparison does not
 * reason about is `cannot-prove-compatible` as soon as it differs.
 */
import { Changes, child, show, type RawChange, type Walk } from './changes.js';
import { classRank } from './classes.js';
import { unescapeToken } from '../../json-pointer.js';
import { isAnnotation, jsonEqual, KNOWN, typeSet } from './keywords.js';
import { isRecord, type Loc } from './resolve.js';
import { compareValues } from './values.js';
import { compareObjects } from './objects.js';
import { compareArrays } from './arrays.js';
import { compareBranches } from './branches.js';

type Rec = Record<string, unknown>;

const UNREASONED: Readonly<Record<string, string>> = {
  unevaluatedProperties: 'which properties count as evaluated depends on every subschema',
  unevaluatedItems: 'which items count as evaluated depends on every subschema',
  $dynamicRef: 'a dynamic reference is resolved at validation time',
  $recursiveRef: 'a recursive reference is resolved at validation time',
  $dynamicAnchor: 'a dynamic anchor changes what dynamic references resolve to',
  $recursiveAnchor: 'a recursive anchor changes what recursive references resolve to',
};

function compareRule(o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  const before = a['x-sourceos-rule'];
  const after = b['x-sourceos-rule'];
  if (jsonEqual(before, after)) return;
  const codeOf = (v: unknown): unknown => (isRecord(v) ? v.code : undefined);
  const at = child(n, 'x-sourceos-rule');
  if (before !== undefined && after !== undefined && codeOf(before) !== codeOf(after)) {
    out.add(at, 'rule-code-changed', `the rule's code is ${show(codeOf(after))}, was ${show(codeOf(before))}: validators report the new code`);
  } else out.add(at, 'annotation-changed', "the rule's statement or reason changed");
}

function compareDefs(w: Walk, o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  for (const key of ['$defs', 'definitions']) {
    const before = isRecord(a[key]) ? (a[key] as Rec) : {};
    const after = isRecord(b[key]) ? (b[key] as Rec) : {};
    for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const inOld = Object.hasOwn(before, name);
      const inNew = Object.hasOwn(after, name);
      if (inOld && inNew) out.push(w.compare(child(o, key, name), child(n, key, name)));
      else if (inNew) out.add(child(n, key, name), 'definition-added', `a new definition "${name}"`);
      else out.add(child(n, key, name), 'definition-removed', `the definition "${name}" is gone: a $ref to it from another schema breaks`);
    }
  }
}

/** Compares two schema objects (neither has `$ref`, or both had and it was handled). */
export function compareKeywords(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (jsonEqual(a[key], b[key])) {
      if (Object.hasOwn(UNREASONED, key) && !jsonEqual(a, b)) out.add(child(n, key), 'cannot-prove-compatible', `cannot prove compatible: the schema changed beside ${key}, and ${UNREASONED[key]}`);
      continue;
    }
    if (isAnnotation(key)) out.add(child(n, key), 'annotation-changed', `${key} changed`);
    else if (key === '$id' || (key === '$anchor' && a.$anchor !== undefined)) out.add(child(n, key), 'id-changed', `${key} is ${show(b[key])}, was ${show(a[key])}: every $ref to the old one breaks`);
    else if (key === '$anchor') out.add(child(n, key), 'definition-added', `a new $anchor ${show(b.$anchor)}`);
    else if (key === '$schema') out.add(child(n, key), 'dialect-changed', `$schema is ${show(b.$schema)}, was ${show(a.$schema)}: keywords may mean other things`);
    else if (Object.hasOwn(UNREASONED, key)) out.add(child(n, key), 'cannot-prove-compatible', `cannot prove compatible: ${key} changed, and ${UNREASONED[key]}`);
    else if (key === '$ref') out.add(child(n, key), 'cannot-prove-compatible', 'cannot prove compatible: a $ref that is not a string changed');
    else if (!KNOWN.has(key)) out.add(child(n, key), 'cannot-prove-compatible', `cannot prove compatible: the keyword "${key}" changed, and the comparison does not know what it does (a validator that knows it may reject documents)`);
  }
  compareRule(o, n, a, b, out);
  compareDefs(w, o, n, a, b, out);
  const found = new Changes();
  compareValues(o, n, found);
  compareObjects(w, o, n, found);
  compareArrays(w, o, n, found);
  compareBranches(w, o, n, found);
  out.push(found.list.map((c) => vacuous(c, n, typeSet(a), typeSet(b))));
}

/** The JSON types a keyword judges: other values pass it whatever it says. */
const FAMILIES: readonly [readonly string[], readonly string[]][] = [
  [['string'], ['minLength', 'maxLength', 'pattern', 'format']],
  [['number', 'integer'], ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
  [['array'], ['minItems', 'maxItems', 'uniqueItems', 'items', 'prefixItems', 'additionalItems', 'contains', 'minContains', 'maxContains']],
  [['object'], ['required', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas']],
];

/**
 * A change of a keyword that only judges types the old schema's `type` rejects cannot reject an
 * old document (`{ "type": "null" }` → `{ "maxLength": 0 }` adds a limit on strings, which were
 * rejected anyway): it is patch when the new `type` rejects them too, else at most minor.
 */
function vacuous(change: RawChange, n: Loc, before: Set<string> | null, after: Set<string> | null): RawChange {
  if (before === null || change.class === 'patch' || change.class === 'none' || change.file !== n.file.rel || !change.pointer.startsWith(`${n.pointer}/`)) return change;
  const keyword = unescapeToken(change.pointer.slice(n.pointer.length + 1).split('/')[0]!);
  const family = FAMILIES.find(([, keys]) => keys.includes(keyword));
  if (!family || family[0].some((t) => before.has(t))) return change;
  const cls = after !== null && !family[0].some((t) => after.has(t)) ? 'patch' : 'minor';
  if (classRank(change.class) <= classRank(cls)) return change;
  return { ...change, class: cls, message: `${change.message} (no matter: ${keyword} judges only ${family[0].join(' and ')} values, which the old type ${[...before].join(', ')} rejected)` };
}
