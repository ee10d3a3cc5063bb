/**
 * Keywords that judge one value on their own: `type`, `enum`/`const`, `pattern`, `format`, numeric
 * and count limits, `multipleOf`, `uniqueItems`, `required`, `dependentRequired`. Each is compared
 * alone: when every keyword accepts at least what it did, the schema does.
 */
import { child, show, type Changes } from './changes.js';
import { COUNT_LIMITS, compareBounds, jsonEqual, numericBound, typeSet, typesCovered, valueSet } from './keywords.js';
import type { Loc } from './resolve.js';

type Rec = Record<string, unknown>;

const list = (s: Set<string> | null): string => (s === null ? 'any type' : [...s].sort().join(', '));

function compareType(o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  const before = typeSet(a);
  const after = typeSet(b);
  const widened = typesCovered(before, after);
  const narrowed = typesCovered(after, before);
  if (widened && narrowed) return;
  if (widened) out.add(child(n, 'type'), 'type-widened', `type was ${list(before)}, now ${list(after)}`);
  else out.add(child(n, 'type'), 'type-narrowed', `type was ${list(before)}, now ${list(after)}: an old document of a type no longer allowed is rejected`);
}

function compareValueSets(o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  const before = valueSet(a);
  const after = valueSet(b);
  const key = Object.hasOwn(b, 'const') || (!Object.hasOwn(b, 'enum') && Object.hasOwn(a, 'const')) ? 'const' : 'enum';
  const at = child(n, key);
  if (before === null && after === null) return;
  if (before === null) {
    out.add(at, key === 'const' ? 'const-added' : 'enum-added', `values are limited to ${show(after)} now, any was allowed`);
    return;
  }
  if (after === null) {
    out.add(at, Object.hasOwn(a, 'const') ? 'const-removed' : 'enum-removed', `values were limited to ${show(before)}, any is allowed now`);
    return;
  }
  const removed = before.filter((v) => !after.some((w) => jsonEqual(v, w)));
  const added = after.filter((v) => !before.some((w) => jsonEqual(v, w)));
  if (removed.length && Object.hasOwn(a, 'const') && Object.hasOwn(b, 'const')) {
    out.add(at, 'const-changed', `the value must be ${show(b.const)}, was ${show(a.const)}`);
    return;
  }
  for (const v of removed) out.add(at, 'enum-value-removed', `${show(v)} is no longer allowed`);
  for (const v of added) out.add(at, 'enum-value-added', `${show(v)} is allowed now`);
}

function compareStrings(o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  if (!jsonEqual(a.pattern, b.pattern)) {
    const at = child(n, 'pattern');
    if (a.pattern === undefined) out.add(at, 'pattern-added', `strings must match ${show(b.pattern)} now`);
    else if (b.pattern === undefined) out.add(at, 'pattern-removed', `strings no longer need to match ${show(a.pattern)}`);
    else out.add(at, 'pattern-changed', `cannot prove compatible: the pattern ${show(b.pattern)} is not the old ${show(a.pattern)}, and a changed regular expression is not compared`);
  }
  if (!jsonEqual(a.format, b.format)) {
    const at = child(n, 'format');
    if (a.format === undefined) out.add(at, 'format-added', `strings must be in format ${show(b.format)} now`);
    else if (b.format === undefined) out.add(at, 'format-removed', `the format ${show(a.format)} is no longer checked`);
    else out.add(at, 'format-changed', `the format is ${show(b.format)}, was ${show(a.format)}`);
  }
}

function compareLimits(o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  for (const side of ['lower', 'upper'] as const) {
    const before = numericBound(a, side);
    const after = numericBound(b, side);
    const order = compareBounds(before, after, side);
    if (order === 0) continue;
    const key = side === 'lower' ? (after?.exclusive ? 'exclusiveMinimum' : 'minimum') : after?.exclusive ? 'exclusiveMaximum' : 'maximum';
    const word = (x: typeof before): string => (x === null ? 'none' : `${x.exclusive ? (side === 'lower' ? '>' : '<') : side === 'lower' ? '>=' : '<='} ${x.value}`);
    const code = side === 'lower' ? (order < 0 ? 'min-tightened' : 'min-loosened') : order < 0 ? 'max-tightened' : 'max-loosened';
    out.add(child(n, key), code, `the ${side} bound is ${word(after)}, was ${word(before)}`);
  }
  for (const { key, side, fallback } of COUNT_LIMITS) {
    const before = typeof a[key] === 'number' ? (a[key] as number) : fallback;
    const after = typeof b[key] === 'number' ? (b[key] as number) : fallback;
    if (before === after) continue;
    const tighter = side === 'lower' ? after > before : after < before;
    const code = side === 'lower' ? (tighter ? 'min-tightened' : 'min-loosened') : tighter ? 'max-tightened' : 'max-loosened';
    out.add(child(n, key), code, `${key} is ${Number.isFinite(after) ? after : 'none'}, was ${Number.isFinite(before) ? before : 'none'}`);
  }
  if (!jsonEqual(a.multipleOf, b.multipleOf)) {
    const before = typeof a.multipleOf === 'number' ? a.multipleOf : undefined;
    const after = typeof b.multipleOf === 'number' ? b.multipleOf : undefined;
    const looser = after === undefined || (before !== undefined && Number.isInteger(before / after));
    out.add(child(n, 'multipleOf'), looser ? 'multiple-of-loosened' : 'multiple-of-tightened', `multipleOf is ${after ?? 'none'}, was ${before ?? 'none'}`);
  }
  if ((a.uniqueItems === true) !== (b.uniqueItems === true)) {
    if (b.uniqueItems === true) out.add(child(n, 'uniqueItems'), 'unique-items-added', 'items must be unique now: an old list with a repeat is rejected');
    else out.add(child(n, 'uniqueItems'), 'unique-items-removed', 'items may repeat now');
  }
}

const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function compareRequired(o: Loc, n: Loc, a: Rec, b: Rec, out: Changes): void {
  const before = names(a.required);
  const after = names(b.required);
  for (const name of after) if (!before.includes(name)) out.add(child(n, 'required'), 'required-added', `"${name}" is required now: an old document without it is rejected`);
  for (const name of before) if (!after.includes(name)) out.add(child(n, 'required'), 'required-removed', `"${name}" is no longer required`);
  const depA = (a.dependentRequired ?? {}) as Rec;
  const depB = (b.dependentRequired ?? {}) as Rec;
  for (const key of new Set([...Object.keys(depA), ...Object.keys(depB)])) {
    const was = names(depA[key]);
    const now = names(depB[key]);
    for (const name of now) if (!was.includes(name)) out.add(child(n, 'dependentRequired', key), 'dependent-required-added', `"${key}" requires "${name}" now`);
    for (const name of was) if (!now.includes(name)) out.add(child(n, 'dependentRequired', key), 'dependent-required-removed', `"${key}" no longer requires "${name}"`);
  }
}

/** Compares the value keywords of two schema objects. */
export function compareValues(o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  compareType(o, n, a, b, out);
  compareValueSets(o, n, a, b, out);
  compareStrings(o, n, a, b, out);
  compareLimits(o, n, a, b, out);
  compareRequired(o, n, a, b, out);
}
