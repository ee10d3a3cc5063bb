import { resolvePointer } from '../json-pointer.js';

/**
 * The `enum` a schema holds at `pointer` (e.g. `/properties/effectiveState/enum`), so a rule reads
 * the allowed values from the schema instead of repeating them. Throws at load time when the schema
 * no longer has that enum, so a renamed field cannot silently empty a rule.
 */
export function schemaEnum<Value extends string>(schema: unknown, pointer: string): readonly Value[] {
  const values = resolvePointer(schema, pointer);
  if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'string')) {
    throw new Error(`the schema has no string enum at ${pointer}`);
  }
  return values as Value[];
}
