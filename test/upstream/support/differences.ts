// The differences between this package and the upstream schemas, as data: every kind of document
// the upstream schemas accept and this package rejects, beyond the rules docs/rules.md documents.
// `classify` names the difference an issue of such a document belongs to, or `undefined` when it
// belongs to none (a difference nobody listed: the property test fails on it).
import { contracts, resolvePointer, type Issue } from '../../../src/index.js';
import { pointerTokens } from '../../../src/json-pointer.js';
import { parseInstant } from '../../../src/rules/instant.js';
import { resolveNode } from '../../support/schema-walk.js';
import type { Schema, UpstreamContract } from './upstream.js';

/** The differences docs/conformance.md lists, each pinned by a document in test/upstream/pinned.test.ts. */
export const DIFFERENCES = ['urn-suffix', 'date-time', 'impossible-time', 'spec-version', 'empty-reference', 'duplicate-item'] as const;

export type DifferenceId = 'documented-rule' | (typeof DIFFERENCES)[number];

/** The lists where this package refuses a repeated item. */
export const UNIQUE_LISTS = ['declaredBy', 'negotiatedBy', 'permissionScope', 'candidateSessionRefs'] as const;

const isObject = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);

/** This package's schema node at a pointer of a document, through `properties` and `items`. */
export function ourNodeAt(contract: UpstreamContract, pointer: string): Schema | undefined {
  const file = contracts[contract].schema as Schema;
  let node: Schema | undefined = resolveNode(file, file);
  for (const token of pointerTokens(pointer)) {
    if (!node) return undefined;
    const next: unknown = /^\d+$/.test(token) && isObject(node.items) ? node.items : isObject(node.properties) ? node.properties[token] : undefined;
    node = isObject(next) ? resolveNode(next, file) : undefined;
  }
  return node;
}

/** The fixed part of a typed URN pattern (`^urn:srcos:session:\S+$` → `urn:srcos:session:`). */
export const urnPrefix = (pattern: string): string | undefined => /^\^(urn:srcos:[a-z:-]+:)\\S\+\$$/.exec(pattern)?.[1];

/** A date-time upstream accepts, written as RFC 3339 says: `T` for white space, `+hh:mm` for `+hhmm` or `+hh`. */
export const rfc3339Spelling = (text: string): string =>
  text.replace(/^(\d{4}-\d\d-\d\d)\s/, '$1T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2').replace(/([+-]\d\d)$/, '$1:00');

/** A time of day with hour 24 or more, or minute 60 or more (ajv-formats lets some through, see docs/conformance.md). */
export const impossibleTime = (text: string): boolean => {
  const m = /^\d{4}-\d\d-\d\d[Tt\s](\d\d):(\d\d):/.exec(text);
  return m !== null && (Number(m[1]) > 23 || Number(m[2]) > 59);
};

/** Which difference an error of a document (accepted upstream, refused here) belongs to. */
export function classify(contract: UpstreamContract, doc: unknown, issue: Issue): DifferenceId | undefined {
  if (issue.code.startsWith('rule/')) return 'documented-rule';
  const value = resolvePointer(doc, issue.pointer);
  const node = ourNodeAt(contract, issue.pointer);
  const field = pointerTokens(issue.pointer).at(-1) ?? '';
  switch (issue.code) {
    case 'schema/pattern': {
      if (issue.pointer === '/specVersion') return 'spec-version';
      const prefix = typeof node?.pattern === 'string' ? urnPrefix(node.pattern) : undefined;
      if (prefix && typeof value === 'string' && value.startsWith(prefix) && (value.length === prefix.length || /\s/.test(value.slice(prefix.length)))) return 'urn-suffix';
      return undefined;
    }
    case 'schema/format': {
      if (typeof value !== 'string') return undefined;
      const respelled = rfc3339Spelling(value);
      if (respelled !== value && parseInstant(respelled) !== null) return 'date-time';
      return impossibleTime(value) ? 'impossible-time' : undefined;
    }
    case 'schema/minLength':
      return value === '' ? 'empty-reference' : undefined;
    case 'schema/uniqueItems':
      return (UNIQUE_LISTS as readonly string[]).includes(field) ? 'duplicate-item' : undefined;
    default:
      return undefined;
  }
}
