// Step: precompiled validators, one standalone ESM module a contract (ajv 2020, our strict RFC 3339 date-time).
// No compilation and no `new Function` at run time: the code is written here, once.
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { BANNER_LINES } from '../lib/contract-schemas.mjs';

/** Annotation keywords of this project; they carry data for tools and never validate. */
export const ANNOTATION_KEYWORDS = ['x-sourceos-rule', 'x-sourceos-contract'];

const FORMATS_SOURCE = new URL('./runtime/formats.js', import.meta.url);
const UNIQUE_ITEMS_SOURCE = new URL('./runtime/unique-items.js', import.meta.url);
const { formats } = await import(FORMATS_SOURCE.href);
const isDateTime = formats['date-time'];

export function createAjv({ source = false } = {}) {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    code: source ? { source: true, esm: true, lines: true, formats: _`require("./formats").formats` } : undefined,
  });
  ajv.addFormat('date-time', isDateTime);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'object' });
  return ajv;
}

/**
 * ajv's ESM standalone output still calls `require()` for its runtime helpers, and a default import
 * of ajv's CommonJS helpers means `exports.default` to a bundler but `module.exports` to Node.
 * So: `require("x").name` becomes a named import (Node and bundlers agree on those), and a helper
 * used as `require("x").default` is inlined from its source (it must be self-contained); anything
 * else stops the generator.
 */
export async function requiresToImports(code) {
  const imports = [];
  const inlined = [];
  const names = new Map();
  const pattern = /require\("([^"]+)"\)\.([A-Za-z_$][\w$]*)/g;
  const body = code.replace(pattern, (whole, spec, member) => {
    const key = `${spec}#${member}`;
    if (!names.has(key)) names.set(key, { spec, member, local: `__runtime${names.size}` });
    return names.get(key).local;
  });
  if (/require\(/.test(body)) throw new Error('generated validator has a require() this generator cannot rewrite');
  for (const { spec, member, local } of names.values()) {
    const path = spec.endsWith('.js') ? spec : `${spec}.js`;
    if (member !== 'default') {
      imports.push(`import { ${member} as ${local} } from ${JSON.stringify(path)};`);
      continue;
    }
    const helper = (await import(path)).default.default;
    const source = typeof helper === 'function' ? helper.toString() : '';
    if (!/^function \w+\(/.test(source) || /require\(|import\(/.test(source)) throw new Error(`cannot inline ${spec}`);
    inlined.push(`// inlined from ${spec} (ajv, MIT)\nconst ${local} = ${source};`);
  }
  return { imports, body: `${inlined.join('\n')}\n${body}` };
}

/**
 * ajv's code for `uniqueItems` over items of no single scalar type compares every pair of items
 * (quadratic), and its code that gathers a subschema's errors copies the whole list each time
 * (`vErrors.concat`, quadratic in the errors of a long list). Both are rewritten here: uniqueItems
 * calls duplicateItems (unique-items.js, linear), and errors are appended in place. Anything of
 * ajv's output these patterns do not recognise stays as ajv wrote it; a test measures the result.
 */
export function linearTime(code) {
  let uses = 0;
  const unique = code.replace(
    /outer(\d+):\nfor\(;(i\d+)--;\)\{\nfor\((j\d+) = \2; \3--;\)\{\nif\((func\d+)\((data\d*)\[\2\], \5\[\3\]\)\)\{\n([\s\S]*?)break outer\1;\n\}\n\}\n\}/g,
    (_whole, n, i, j, equal, data, body) => {
      uses++;
      return `const pair${n} = __duplicateItems(${data}, ${equal});\nif(pair${n} !== null){\n${i} = pair${n}[0];\n${j} = pair${n}[1];\n${body}}`;
    },
  );
  if (/outer\d+:/.test(unique)) throw new Error('generated validator has a uniqueItems loop this generator cannot rewrite');
  const appended = unique.replace(
    /^vErrors = vErrors === null \? ([\w$]+)\.errors : vErrors\.concat\(\1\.errors\);$/gm,
    (_whole, fn) => `if(vErrors === null){\nvErrors = ${fn}.errors.slice();\n}\nelse {\nfor(const e of ${fn}.errors){\nvErrors.push(e);\n}\n}`,
  );
  if (/vErrors\.concat\(/.test(appended)) throw new Error('generated validator gathers errors in a way this generator cannot rewrite');
  return { code: appended, imports: uses > 0 ? ['import { duplicateItems as __duplicateItems } from "./unique-items.js";'] : [] };
}

export default async function validators({ defs, contracts }) {
  const banner = ['// @ts-nocheck', ...BANNER_LINES.map((l) => `// ${l}`)].join('\n');
  const files = [];
  for (const c of contracts) {
    const ajv = createAjv({ source: true });
    ajv.addSchema(defs);
    ajv.addSchema(c.schema);
    const { imports, body } = await requiresToImports(standaloneCode(ajv, { [`validate${c.name}`]: c.schema.$id }));
    const linear = linearTime(body.replace(/"use strict";\n?/, ''));
    const code = linear.code;
    files.push({ path: `generated/validators/${c.slug}.js`, content: `${banner}\n${[...imports, ...linear.imports].join('\n')}\n${code.trimEnd()}\n` });
    files.push({
      path: `generated/validators/${c.slug}.d.ts`,
      content: [
        ...BANNER_LINES.map((l) => `// ${l}`),
        "import type { CompiledValidator } from './compiled-validator.js';",
        `export declare const validate${c.name}: CompiledValidator;`,
        '',
      ].join('\n'),
    });
  }
  files.push({
    path: 'generated/validators/formats.js',
    content: `${banner}\n${readFileSync(FORMATS_SOURCE, 'utf8')}`,
  });
  files.push({
    path: 'generated/validators/unique-items.js',
    content: `${banner}\n${readFileSync(UNIQUE_ITEMS_SOURCE, 'utf8')}`,
  });
  files.push({
    path: 'generated/validators/unique-items.d.ts',
    content: [
      ...BANNER_LINES.map((l) => `// ${l}`),
      '/** The last item that repeats an earlier one and the last such earlier one, as [i, j]; null when all items are distinct. */',
      'export declare function duplicateItems(items: readonly unknown[], equal: (a: unknown, b: unknown) => boolean): [number, number] | null;',
      '',
    ].join('\n'),
  });
  files.push({
    path: 'generated/validators/formats.d.ts',
    content: [
      ...BANNER_LINES.map((l) => `// ${l}`),
      '/** The fields of an RFC 3339 date-time; the fraction\'s digits are text.slice(fractionStart, fractionEnd). */',
      'export interface DateTimeFields {',
      '  readonly year: number; readonly month: number; readonly day: number;',
      '  readonly hour: number; readonly minute: number; readonly second: number;',
      '  readonly fractionStart: number; readonly fractionEnd: number;',
      '  /** The offset from UTC in minutes, signed (+02:00 is 120). */',
      '  readonly offsetMinutes: number;',
      '}',
      '/** The fields of a strict RFC 3339 date-time, or null when the value is not one. */',
      'export declare function parseDateTime(text: unknown): DateTimeFields | null;',
      '/** The date-time format of the schemas: strict RFC 3339. */',
      'export declare function isDateTime(text: unknown): boolean;',
      'export declare const formats: { readonly \'date-time\': (text: unknown) => boolean };',
      '',
    ].join('\n'),
  });
  files.push({
    path: 'generated/validators/compiled-validator.d.ts',
    content: [
      ...BANNER_LINES.map((l) => `// ${l}`),
      '/** One error as ajv reports it (the fields this project reads). */',
      'export interface CompiledValidatorError {',
      '  readonly keyword: string;',
      '  readonly instancePath: string;',
      '  readonly schemaPath: string;',
      '  readonly params: Record<string, unknown>;',
      '  readonly message?: string;',
      '}',
      '/** A precompiled ajv validator: true when valid; otherwise its errors are on `.errors`. */',
      'export interface CompiledValidator {',
      '  (data: unknown): boolean;',
      '  errors?: CompiledValidatorError[] | null;',
      '}',
      '',
    ].join('\n'),
  });
  return files;
}
