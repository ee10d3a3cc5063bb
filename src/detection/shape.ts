/**
 * How much of a contract's shape a document has, for the contracts recognised by shape (Lease,
 * Signal: no `type`). Counted from the schema's `required` lists, nested ones too: a signal's
 * `header` counts its six required properties, so `{"header": {"status": 200}, "body": "hi"}`
 * has 2 of a Signal's 17, and a signal that lost its `footer` still has 15.
 */
type Schema = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const requiredOf = (schema: Schema): readonly string[] => (Array.isArray(schema.required) ? (schema.required as string[]) : []);
const propertiesOf = (schema: Schema): Schema => (isRecord(schema.properties) ? schema.properties : {});

export interface ShapeMatch {
  /** Required properties present, at every depth. */
  present: number;
  /** Required properties, at every depth. */
  required: number;
  /** The required properties missing, as JSON pointers (at most a few, for the message). */
  missing: string[];
  /** The document's own top-level keys that the contract does not define. */
  foreign: number;
  /** The document's own top-level keys. */
  keys: number;
}

const MISSING_LISTED = 4;

function count(value: unknown, schema: Schema, at: string, match: ShapeMatch): void {
  const properties = propertiesOf(schema);
  for (const key of requiredOf(schema)) {
    match.required++;
    const sub = properties[key];
    const nested = isRecord(sub) ? sub : {};
    if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, key)) {
      match.present++;
      count(value[key], nested, `${at}/${key}`, match);
    } else {
      if (match.missing.length < MISSING_LISTED) match.missing.push(`${at}/${key}`);
      countAbsent(nested, match);
    }
  }
}

function countAbsent(schema: Schema, match: ShapeMatch): void {
  const properties = propertiesOf(schema);
  for (const key of requiredOf(schema)) {
    match.required++;
    const sub = properties[key];
    countAbsent(isRecord(sub) ? sub : {}, match);
  }
}

/** How much of the schema's required shape `doc` has. */
export function shapeMatch(doc: Record<string, unknown>, schema: Schema): ShapeMatch {
  const match: ShapeMatch = { present: 0, required: 0, missing: [], foreign: 0, keys: 0 };
  count(doc, schema, '', match);
  const properties = propertiesOf(schema);
  for (const key in doc) {
    match.keys++;
    if (!Object.prototype.hasOwnProperty.call(properties, key)) match.foreign++;
  }
  return match;
}

/** The share of the required shape present, 0 to 1. */
export const shareOf = (m: ShapeMatch): number => m.present / Math.max(1, m.required);
