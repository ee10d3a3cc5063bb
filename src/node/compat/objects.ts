/**
 * `properties`, `patternProperties` and `additionalProperties`, compared as the group they are: a
 * name governed by one keyword on one side may be governed by another on the other side. An open
 * object (`additionalProperties` absent or true) accepted any value under any name, so a new
 * property with constraints can reject an old document that carried that name.
 */
import { child, show, synthetic, type Changes, type Walk, classOf } from './changes.js';
import { classRank, compatClasses, maxClass } from './classes.js';
import { acceptsAll, jsonEqual } from './keywords.js';
import { isRecord, type Loc } from './resolve.js';

type Rec = Record<string, unknown>;

const record = (v: unknown): Rec => (isRecord(v) ? v : {});

/** The patterns of `patternProperties` that match a name; null when one is not a valid expression. */
function matching(patterns: Rec, name: string): string[] | null {
  const out: string[] = [];
  for (const source of Object.keys(patterns)) {
    try {
      if (new RegExp(source, 'u').test(name)) out.push(source);
    } catch {
      return null;
    }
  }
  return out;
}

/** The location of a keyword's subschema, `true` when absent. */
const sub = (loc: Loc, key: string): Loc => {
  const at = child(loc, key);
  return at.node === undefined ? synthetic(at, true, 'absent') : at;
};

function added(w: Walk, o: Loc, n: Loc, name: string, out: Changes): void {
  const a = o.node as Rec;
  const at = child(n, 'properties', name);
  const governing = matching(record(a.patternProperties), name);
  if (governing === null) {
    out.add(at, 'cannot-prove-compatible', `cannot prove compatible: a patternProperties expression of the old schema cannot be read, so what governed "${name}" is unknown`);
    return;
  }
  if (governing.length) {
    // The old patterns still apply beside the new property: one of them proven within it suffices.
    const rank = Math.min(...governing.map((p) => classRank(classOf(w.compare(child(o, 'patternProperties', p), at)))));
    out.add(at, 'property-added-additional-schema', `a new property "${name}", where patternProperties governed the name`, maxClass(['patch', compatClasses[rank]!]));
    return;
  }
  if (a.additionalProperties === false) out.add(at, 'property-added-closed-object', `a new optional property "${name}" (the old schema rejected that name)`);
  else if (acceptsAll(a.additionalProperties)) {
    if (acceptsAll(at.node)) out.add(at, 'property-added-unconstrained', `a new property "${name}" with no constraint`);
    else out.add(at, 'property-added-open-object', `a new property "${name}" in an open object: an old document that carried "${name}" with another value is rejected`);
  } else {
    const changes = w.compare(sub(o, 'additionalProperties'), at);
    const cls = maxClass(['patch', classOf(changes)]);
    out.add(at, 'property-added-additional-schema', `a new property "${name}", where the old additionalProperties schema governed the name`, cls);
    if (cls === 'major') out.push(changes);
  }
}

function removed(w: Walk, o: Loc, n: Loc, name: string, out: Changes): void {
  const b = n.node as Rec;
  const at = child(n, 'properties', name);
  const was = child(o, 'properties', name);
  const governing = matching(record(b.patternProperties), name);
  if (governing === null || governing.some((p) => !acceptsAll(record(b.patternProperties)[p]))) {
    out.add(at, 'cannot-prove-compatible', `cannot prove compatible: the property "${name}" was removed and a patternProperties schema governs the name now`);
  } else if (b.additionalProperties === false && governing.length === 0) {
    out.add(at, 'property-removed', `the property "${name}" was removed: an old document that carried it is rejected`);
  } else if (acceptsAll(b.additionalProperties) || governing.length) {
    out.add(at, 'property-removed-open-object', `the property "${name}" was removed: any value is allowed under that name now`);
  } else {
    const changes = w.compare(was, sub(n, 'additionalProperties'));
    const cls = maxClass(['patch', classOf(changes)]);
    out.add(at, 'property-removed-additional-schema', `the property "${name}" was removed: the additionalProperties schema governs the name now`, cls);
    if (cls === 'major') out.push(changes);
  }
}

function compareAdditional(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const before = (o.node as Rec).additionalProperties;
  const after = (n.node as Rec).additionalProperties;
  if (jsonEqual(before, after) || (acceptsAll(before) && acceptsAll(after))) return;
  const at = child(n, 'additionalProperties');
  if (after === false) out.add(at, 'additional-properties-closed', 'additionalProperties is false now: an old document with a property not listed is rejected');
  else if (before === false) out.add(at, 'additional-properties-opened', `properties not listed are allowed now${acceptsAll(after) ? '' : ' (when they match its schema)'}`);
  else out.push(w.compare(sub(o, 'additionalProperties'), sub(n, 'additionalProperties')));
}

/** Compares the object keywords of two schema objects. */
export function compareObjects(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  const patternsA = record(a.patternProperties);
  const patternsB = record(b.patternProperties);
  const keysA = Object.keys(patternsA).sort();
  const keysB = Object.keys(patternsB).sort();
  if (!jsonEqual(keysA, keysB)) {
    out.add(child(n, 'patternProperties'), 'pattern-properties-changed', `cannot prove compatible: the patternProperties expressions are ${show(keysB)}, were ${show(keysA)}`);
  } else for (const p of keysA) out.push(w.compare(child(o, 'patternProperties', p), child(n, 'patternProperties', p)));
  const propsA = record(a.properties);
  const propsB = record(b.properties);
  for (const name of new Set([...Object.keys(propsA), ...Object.keys(propsB)])) {
    const inOld = Object.hasOwn(propsA, name);
    const inNew = Object.hasOwn(propsB, name);
    if (inOld && inNew) out.push(w.compare(child(o, 'properties', name), child(n, 'properties', name)));
    else if (inNew) added(w, o, n, name, out);
    else removed(w, o, n, name, out);
  }
  compareAdditional(w, o, n, out);
  if (a.propertyNames !== undefined || b.propertyNames !== undefined) out.push(w.compare(sub(o, 'propertyNames'), sub(n, 'propertyNames')));
  const depA = record(a.dependentSchemas);
  const depB = record(b.dependentSchemas);
  for (const key of new Set([...Object.keys(depA), ...Object.keys(depB)])) out.push(w.compare(sub(child(o, 'dependentSchemas'), key), sub(child(n, 'dependentSchemas'), key)));
}
