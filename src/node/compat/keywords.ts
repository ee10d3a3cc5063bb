/**
 * What the comparison knows of JSON Schema's keywords: which only annotate, which validate alone,
 * which act together (and must be compared as a group), and which it does not reason about.
 */
import { isRecord } from './resolve.js';

/** Keywords that never change which documents validate. */
export const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding', 'contentSchema', '$vocabulary']);

/** Keywords the comparison reasons about, by the step that compares them. */
export const KNOWN = new Set([
  '$id', '$schema', '$anchor', '$ref', '$defs', 'definitions', 'x-sourceos-rule',
  'type', 'enum', 'const', 'pattern', 'format', 'uniqueItems', 'multipleOf',
  'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains',
  'required', 'dependentRequired', 'properties', 'patternProperties', 'additionalProperties', 'propertyNames', 'dependentSchemas',
  'items', 'prefixItems', 'additionalItems', 'contains',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
]);

/** Keywords that must be compared together: merging two schemas is only safe when no group is on both sides. */
export const GROUPS: readonly (readonly string[])[] = [
  ['properties', 'patternProperties', 'additionalProperties'],
  ['items', 'prefixItems', 'additionalItems'],
  ['contains', 'minContains', 'maxContains'],
  ['if', 'then', 'else'],
  ['unevaluatedProperties', 'unevaluatedItems'],
];

export const isAnnotation = (key: string): boolean => ANNOTATIONS.has(key) || (key.startsWith('x-') && key !== 'x-sourceos-rule');

/** Deep equality of JSON values, object key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** A schema that accepts every value: `true`, absent, or only annotations. */
export const acceptsAll = (node: unknown): boolean => node === undefined || node === true || (isRecord(node) && Object.keys(node).every(isAnnotation));

/** Validating keywords of a node (not annotations). */
export const validatingKeys = (node: Record<string, unknown>): string[] => Object.keys(node).filter((k) => !isAnnotation(k));

const JSON_TYPES = ['null', 'boolean', 'object', 'array', 'number', 'string', 'integer'];

/** The `type` of a node as a set, or null when any type is allowed. */
export function typeSet(node: Record<string, unknown>): Set<string> | null {
  const t = node.type;
  if (typeof t === 'string') return new Set([t]);
  if (Array.isArray(t)) return new Set(t.filter((x): x is string => typeof x === 'string'));
  return null;
}

/** Whether every type of `inner` is allowed by `outer` (integer is a number). */
export function typesCovered(inner: Set<string> | null, outer: Set<string> | null): boolean {
  if (outer === null) return true;
  const list = inner ?? new Set(JSON_TYPES);
  return [...list].every((t) => outer.has(t) || (t === 'integer' && outer.has('number')));
}

/** The values a node's `const`/`enum` allow, or null when not limited that way. */
export function valueSet(node: Record<string, unknown>): unknown[] | null {
  const list = Array.isArray(node.enum) ? node.enum : null;
  if (!Object.hasOwn(node, 'const')) return list;
  return list === null || list.some((v) => jsonEqual(v, node.const)) ? [node.const] : [];
}

/** A numeric bound as a comparable pair: the value and whether it is exclusive. */
export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The tightest lower bound of `minimum`/`exclusiveMinimum`, or the upper of `maximum`/`exclusiveMaximum`. */
export function numericBound(node: Record<string, unknown>, side: 'lower' | 'upper'): Bound | null {
  let inclusive = num(node[side === 'lower' ? 'minimum' : 'maximum']);
  let exclusive = num(node[side === 'lower' ? 'exclusiveMinimum' : 'exclusiveMaximum']);
  // draft-04: a boolean `exclusiveMinimum: true` makes `minimum` exclusive.
  if (node[side === 'lower' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true && inclusive !== undefined) [exclusive, inclusive] = [inclusive, undefined];
  const candidates: Bound[] = [];
  if (inclusive !== undefined) candidates.push({ value: inclusive, exclusive: false });
  if (exclusive !== undefined) candidates.push({ value: exclusive, exclusive: true });
  if (candidates.length === 0) return null;
  const tighter = (a: Bound, b: Bound): Bound => {
    if (a.value !== b.value) return side === 'lower' ? (a.value > b.value ? a : b) : a.value < b.value ? a : b;
    return a.exclusive ? a : b;
  };
  return candidates.reduce(tighter);
}

/** -1 when `next` allows less than `prev`, 1 when more, 0 when the same (null: no bound). */
export function compareBounds(prev: Bound | null, next: Bound | null, side: 'lower' | 'upper'): -1 | 0 | 1 {
  if (prev === null && next === null) return 0;
  if (prev === null) return -1;
  if (next === null) return 1;
  if (prev.value === next.value) return prev.exclusive === next.exclusive ? 0 : next.exclusive ? -1 : 1;
  const looser = side === 'lower' ? next.value < prev.value : next.value > prev.value;
  return looser ? 1 : -1;
}

/** Count limits with their default (no limit). */
export const COUNT_LIMITS: readonly { readonly key: string; readonly side: 'lower' | 'upper'; readonly fallback: number }[] = [
  { key: 'minLength', side: 'lower', fallback: 0 },
  { key: 'maxLength', side: 'upper', fallback: Infinity },
  { key: 'minItems', side: 'lower', fallback: 0 },
  { key: 'maxItems', side: 'upper', fallback: Infinity },
  { key: 'minProperties', side: 'lower', fallback: 0 },
  { key: 'maxProperties', side: 'upper', fallback: Infinity },
  { key: 'minContains', side: 'lower', fallback: 1 },
  { key: 'maxContains', side: 'upper', fallback: Infinity },
];
