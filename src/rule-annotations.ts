/**
 * Rules stated in the schemas themselves: a subschema annotated with `x-sourceos-rule` holds one
 * rule (its `if`/`then`, `contains`, `const`, ...), so users of the plain schema files get it too.
 */

/** The annotation as written in a schema. */
export interface RuleAnnotationData {
  readonly code: `rule/${string}`;
  readonly statement: string;
  readonly why: string;
}

/** An annotation with where it stands in its schema (`#/allOf/1`). */
export interface RuleAnnotation extends RuleAnnotationData {
  readonly schemaPath: string;
}

export const RULE_KEYWORD = 'x-sourceos-rule';

const cache = new WeakMap<object, readonly RuleAnnotation[]>();

function collect(node: unknown, path: string, out: RuleAnnotation[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => collect(child, `${path}/${i}`, out));
    return;
  }
  const record = node as Record<string, unknown>;
  const data = record[RULE_KEYWORD] as RuleAnnotationData | undefined;
  if (data) out.push({ ...data, schemaPath: path });
  for (const [key, child] of Object.entries(record)) {
    if (key !== RULE_KEYWORD) collect(child, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
}

/** Every rule annotation of a schema, in document order (computed once a schema). */
export function ruleAnnotations(schema: object): readonly RuleAnnotation[] {
  let found = cache.get(schema);
  if (!found) {
    const out: RuleAnnotation[] = [];
    collect(schema, '#', out);
    found = out;
    cache.set(schema, found);
  }
  return found;
}
