// Proof by documents: documents drawn from a schema (any JSON Schema the pairs use: $refs across
// files, allOf/anyOf/oneOf, open and closed objects, patterns, limits), biased toward the words of
// both versions (property names, constants) so that an open object gets the names a new version
// constrains. ajv (draft 2020-12, ajv-formats) decides validity on each side: the generator only
// proposes, so it may be loose.
import fc from 'fast-check';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Rec = Record<string, unknown>;
export type Files = Readonly<Record<string, unknown>>;

const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every property name and constant of some schemas: the vocabulary documents are drawn with. */
export function vocabulary(...schemas: unknown[]): { names: string[]; values: unknown[] } {
  const names = new Set<string>();
  const values: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isRec(node)) {
      for (const key of ['properties', 'patternProperties', 'dependentRequired', 'dependentSchemas']) if (isRec(node[key])) Object.keys(node[key] as Rec).forEach((k) => names.add(k));
      if (Array.isArray(node.required)) node.required.forEach((k) => typeof k === 'string' && names.add(k));
      if ('const' in node) values.push(node.const);
      if (Array.isArray(node.enum)) values.push(...node.enum);
      for (const [k, v] of Object.entries(node)) if (k !== 'const' && k !== 'enum' && k !== 'examples' && k !== 'default') walk(v);
    }
  };
  schemas.forEach(walk);
  return { names: [...names].sort(), values };
}

/** One side's validators by file name, with every file of the side registered for $refs. */
export function validators(files: Files): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  const named = Object.entries(files).map(([name, schema]) => [name, isRec(schema) && typeof schema.$id === 'string' ? schema : { ...(schema as Rec), $id: `https://compat.test/${name}` }] as const);
  for (const [, schema] of named) ajv.addSchema(schema as Rec);
  return new Map(named.map(([name, schema]) => [name, ajv.getSchema((schema as Rec).$id as string)!]));
}

function resolveRef(files: Files, file: string, ref: string): [string, unknown] {
  const [path, fragment = ''] = ref.split('#');
  const target = path ? (Object.keys(files).find((f) => path === f || path.endsWith(`/${f}`)) ?? file) : file;
  let node: unknown = files[target];
  for (const token of fragment.split('/').filter(Boolean)) node = (node as Rec)[decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~')];
  return [target, node];
}

const DATES = ['2026-01-30T06:01:33Z', '2026-01-30T06:01:33.5+01:00', '2025-12-31T23:59:60Z', 'not a date', ''];

export interface DrawOptions {
  readonly names: readonly string[];
  readonly values: readonly unknown[];
  /** Near misses mixed in (values out of bounds, of other types): off, a contract's many fields are all right at once. */
  readonly noisy?: boolean;
}

/** An arbitrary of documents a schema (of `files`, in `file`) roughly allows, plus near misses. */
export function documents(files: Files, file: string, options: DrawOptions): fc.Arbitrary<unknown> {
  const word = options.values.length ? fc.constantFrom(...options.values) : fc.constant(null);
  const anything: fc.Arbitrary<unknown> = fc.oneof(word, fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(null, true, 0, -1, 1.5, '', 'x', [], {}));
  const noisy = options.noisy !== false;
  const near = (good: fc.Arbitrary<unknown>, weight = 5): fc.Arbitrary<unknown> => (noisy ? fc.oneof({ weight, arbitrary: good }, { weight: 1, arbitrary: anything }) : good);
  const draw = (node: unknown, at: string, depth: number): fc.Arbitrary<unknown> => {
    if (node === true || node === undefined || depth > 8) return anything;
    if (node === false || !isRec(node)) return anything;
    if (typeof node.$ref === 'string') {
      const [target, resolved] = resolveRef(files, at, node.$ref);
      const { $ref: _r, ...rest } = node;
      return draw(isRec(resolved) ? { ...resolved, ...rest } : resolved, target, depth + 1);
    }
    if ('const' in node) return near(fc.constant(node.const));
    if (Array.isArray(node.enum)) return node.enum.length ? near(fc.constantFrom(...node.enum)) : anything;
    const branches = (Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : null) as unknown[] | null;
    if (branches?.length) {
      const { anyOf: _a, oneOf: _o, ...rest } = node;
      return fc.oneof(...branches.map((b) => draw(isRec(b) ? { ...rest, ...b } : b, at, depth + 1)));
    }
    if (Array.isArray(node.allOf)) {
      const { allOf, ...rest } = node;
      let merged: Rec = rest;
      for (const b of allOf as unknown[]) {
        if (!isRec(b) || 'if' in b) continue;
        const props = { ...(isRec(merged.properties) ? merged.properties : {}), ...(isRec(b.properties) ? b.properties : {}) };
        merged = { ...b, ...merged, properties: props, required: [...((merged.required as string[]) ?? []), ...((b.required as string[]) ?? [])] };
      }
      return draw(merged, at, depth + 1);
    }
    const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? (node.type as string[]) : guessTypes(node);
    if (!types.length) return anything;
    return near(fc.oneof(...types.map((t) => typed(node, t, at, depth))), 8);
  };
  const typed = (node: Rec, type: string, at: string, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number': {
        const lo = typeof node.minimum === 'number' ? node.minimum : typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : -20;
        const hi = typeof node.maximum === 'number' ? node.maximum : typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum : 20;
        const ints = noisy ? fc.integer({ min: Math.floor(lo) - 2, max: Math.ceil(hi) + 2 }) : fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
        return type === 'integer' ? ints : fc.oneof(ints, ints.map((i) => i + 0.5));
      }
      case 'string': {
        if (node.format === 'date-time') return noisy ? fc.constantFrom(...DATES) : fc.constantFrom(...DATES.slice(0, 3));
        const slack = noisy ? 1 : 0;
        const min = (node.minLength as number) ?? 0;
        const plain = fc.string({ minLength: Math.max(0, min - slack), maxLength: Math.max(min, ((node.maxLength as number) ?? 8) + slack) });
        if (typeof node.pattern === 'string') {
          try {
            const matching = fc.stringMatching(new RegExp(node.pattern, 'u'));
            return noisy ? fc.oneof(matching, plain, word) : matching;
          } catch {
            return plain;
          }
        }
        return fc.oneof(plain, word);
      }
      case 'array': {
        const items = draw(Array.isArray(node.prefixItems) ? true : node.items, at, depth + 1);
        const min = (node.minItems as number) ?? 0;
        const prefix = Array.isArray(node.prefixItems) ? fc.tuple(...(node.prefixItems as unknown[]).map((p) => draw(p, at, depth + 1))) : fc.constant([] as unknown[]);
        const rest = noisy || !node.uniqueItems ? fc.array(items, { minLength: Math.max(0, min - (noisy ? 1 : 0)), maxLength: min + 3 }) : fc.uniqueArray(items, { minLength: Math.min(min, 1), maxLength: min + 3, selector: (v) => JSON.stringify(v) });
        return fc.tuple(prefix, rest).map(([p, r]) => [...p, ...r]);
      }
      case 'object': {
        const props = isRec(node.properties) ? (node.properties as Rec) : {};
        const required = Array.isArray(node.required) ? (node.required as string[]) : [];
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) model[k] = draw(v, at, depth + 1);
        for (const k of required) model[k] ??= anything;
        const extra = node.additionalProperties === false ? [] : options.names.filter((k) => !(k in model));
        const extraValue = isRec(node.additionalProperties) ? draw(node.additionalProperties, at, depth + 1) : anything;
        for (const k of extra) model[k] = extraValue;
        return fc.record(model, { requiredKeys: required.filter((k) => k in model) });
      }
      default:
        return anything;
    }
  };
  return draw(files[file], file, 0);
}

function guessTypes(node: Rec): string[] {
  const out: string[] = [];
  if (node.properties || node.required || node.additionalProperties !== undefined) out.push('object');
  if (node.items || node.prefixItems || node.minItems !== undefined || node.contains) out.push('array');
  if (node.pattern || node.minLength !== undefined || node.maxLength !== undefined || node.format) out.push('string');
  if (node.minimum !== undefined || node.maximum !== undefined || node.multipleOf !== undefined) out.push('number');
  return out;
}

export interface Verdicts {
  /** Documents valid under OLD that NEW rejects. */
  readonly broken: unknown[];
  /** Documents valid under NEW that OLD rejects. */
  readonly widened: unknown[];
  /** How many documents each side accepted. */
  readonly validOld: number;
  readonly validNew: number;
}

/** Draws documents from both versions of a file and validates each under both. */
export function judge(oldFiles: Files, newFiles: Files, file: string, runs = 400, seed = 20): Verdicts {
  const words = vocabulary(...Object.values(oldFiles), ...Object.values(newFiles));
  const oldV = validators(oldFiles).get(file)!;
  const newV = validators(newFiles).get(file)!;
  const broken: unknown[] = [];
  const widened: unknown[] = [];
  let validOld = 0;
  let validNew = 0;
  const sample = (files: Files, s: number): unknown[] =>
    file in files ? [false, true].flatMap((noisy) => fc.sample(documents(files, file, { ...words, noisy }), { numRuns: runs / 2, seed: s + (noisy ? 7 : 0) })) : [];
  const fromOld = sample(oldFiles, seed);
  const fromNew = sample(newFiles, seed + 1);
  for (const doc of [...fromOld, ...fromNew]) {
    const o = oldV(doc) === true;
    const n = newV(doc) === true;
    if (o) validOld++;
    if (n) validNew++;
    if (o && !n) broken.push(doc);
    if (n && !o) widened.push(doc);
  }
  return { broken, widened, validOld, validNew };
}
