/** Typed URN checks, with the patterns read from the shared definitions schema (`schemas/defs.schema.json`). */
import defs from '../../schemas/defs.schema.json' with { type: 'json' };

const patterns = (defs as { $defs: Record<string, { pattern?: string }> }).$defs;

/** The `$defs` entry of each checked URN kind. */
const defOf = { session: 'sessionUrn', workspace: 'workspaceUrn', event: 'eventUrn', decision: 'decisionUrn' } as const;

const compiled = new Map<string, RegExp>();

/** True when `value` is a URN of the kind, as the schemas say (`urn:srcos:session:…`, ...). */
export function isUrnOf(kind: keyof typeof defOf, value: unknown): value is string {
  const name = defOf[kind];
  let re = compiled.get(name);
  if (!re) {
    re = new RegExp(patterns[name]?.pattern ?? '(?!)', 'u');
    compiled.set(name, re);
  }
  return typeof value === 'string' && re.test(value);
}

/** True for any `urn:srcos:<kind>:<id>` URN (the form of owners and other references). */
export const isSrcosUrn = (value: unknown): value is string => typeof value === 'string' && /^urn:srcos:[a-z][a-z0-9-]*:\S+$/.test(value);
