import type { CompiledValidatorError } from '../generated/validators/compiled-validator.js';
import type { Issue } from './issue.js';
import { childPointer, resolvePointer } from './json-pointer.js';
import { ruleAnnotations, type RuleAnnotation } from './rule-annotations.js';

type Params = Record<string, unknown>;

/** A value as a message quotes it, cut to 60 characters; never throws (BigInt, cycles, throwing toJSON). */
const show = (value: unknown): string => {
  let text: string | undefined;
  try {
    text = typeof value === 'bigint' ? `${value}n` : typeof value === 'symbol' ? 'a symbol' : JSON.stringify(value);
  } catch {
    text = Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  }
  if (text === undefined) text = typeof value === 'function' ? 'a function' : 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const list = (values: unknown): string => (Array.isArray(values) ? values.map(show).join(', ') : show(values));

/** Says what a pattern asks for in words where the pattern is one of the estate's well-known shapes. */
function describePattern(pattern: string): string {
  const urn = /^\^(urn:srcos:[a-z0-9:-]*?)(?:\[a-z\]\[a-z0-9-\]\*:)?\\S\+\$$/.exec(pattern);
  if (urn) return urn[1] === 'urn:srcos:' || pattern.includes('[a-z]') ? 'must be a urn:srcos: URN' : `must be a ${urn[1]} URN`;
  if (pattern.startsWith('^sha256:')) return 'must be "sha256:" followed by 64 hex digits';
  return `must match the pattern ${pattern}`;
}

function describe(error: CompiledValidatorError, value: unknown): string {
  const p: Params = error.params;
  switch (error.keyword) {
    case 'required': return `missing required property ${show(p.missingProperty)}`;
    case 'additionalProperties': return `property ${show(p.additionalProperty)} is not allowed here`;
    case 'enum': return `must be one of ${list(p.allowedValues)}, not ${show(value)}`;
    case 'const': return `must be ${show(p.allowedValue)}, not ${show(value)}`;
    case 'type': return `must be of type ${list(p.type).replace(/"/g, '')}, not ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}`;
    case 'pattern': return `${describePattern(String(p.pattern))}, not ${show(value)}`;
    case 'format': return p.format === 'date-time' ? `must be an RFC 3339 date-time such as "2026-05-06T04:31:00Z", not ${show(value)}` : `must be a valid ${String(p.format)}`;
    case 'minItems': return `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems': return p.limit === 0 ? 'must be empty' : `must have at most ${String(p.limit)} items`;
    case 'minLength': return p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`;
    case 'maxLength': return p.limit === 0 ? `must be empty, not ${show(value)}` : `must be at most ${String(p.limit)} characters`;
    case 'minimum': return `must be at least ${String(p.limit)}, not ${show(value)}`;
    case 'uniqueItems': return `items ${String(p.j)} and ${String(p.i)} are the same; each item may appear once`;
    case 'contains': return 'does not contain the required item';
    case 'not': return `must not be ${show(value)}`;
    default: return error.message ?? `fails the ${error.keyword} keyword`;
  }
}

/** The pointer of the offending value: for a missing or extra property, that property itself. */
function pointerOf(error: CompiledValidatorError): string {
  const p: Params = error.params;
  if (error.keyword === 'required') return childPointer(error.instancePath, String(p.missingProperty));
  if (error.keyword === 'additionalProperties') return childPointer(error.instancePath, String(p.additionalProperty));
  return error.instancePath;
}

/** A schema path inside a `contains` subschema (not a property that happens to be named "contains"). */
const TRIED_BY_CONTAINS = /(?<!\/properties)\/contains\//;

function ruleFor(schemaPath: string, annotations: readonly RuleAnnotation[]): RuleAnnotation | undefined {
  let best: RuleAnnotation | undefined;
  for (const a of annotations) {
    if (schemaPath.startsWith(`${a.schemaPath}/`) && (!best || a.schemaPath.length > best.schemaPath.length)) best = a;
  }
  return best;
}

/**
 * Turns a precompiled validator's errors into issues: `schema/<keyword>` for structure, or the
 * rule's own code when the error comes from a rule the schema states (an `x-sourceos-rule` branch).
 * `if` errors are dropped: the errors of their `then` branch say what is wrong. So are the errors of
 * the items a `contains` tried (one match is enough): the `contains` error itself says what is missing.
 */
export function schemaIssues(errors: readonly CompiledValidatorError[], doc: unknown, schema: object): Issue[] {
  const annotations = ruleAnnotations(schema);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || TRIED_BY_CONTAINS.test(error.schemaPath)) continue;
    const pointer = pointerOf(error);
    const rule = ruleFor(error.schemaPath, annotations);
    const code = rule ? rule.code : `schema/${error.keyword}`;
    const detail = describe(error, resolvePointer(doc, error.instancePath));
    const key = `${code}\u0000${pointer}\u0000${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const message = rule ? `${pointer || '/'} ${detail}: ${rule.statement}` : detail;
    issues.push({ code, severity: 'error', pointer, message, keyword: error.keyword });
  }
  return issues;
}
