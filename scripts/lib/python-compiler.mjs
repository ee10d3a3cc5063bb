// A small ahead-of-time compiler from the contracts' JSON Schemas to plain Python functions, for
// exactly the keywords the schemas use (any other keyword stops the generator). The functions find
// the errors ajv finds with `allErrors` (src/schema-issues.ts turns those into issues): the same
// keyword, instance path, schema path (so the same `x-sourceos-rule` owns it) and message.
import { pythonPattern } from './python-pattern.mjs';

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs', '$comment', 'x-sourceos-rule', 'x-sourceos-contract']);
const GROUPS = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum'],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems', 'contains'],
  object: ['required', 'additionalProperties', 'properties'],
};
const ANY_TYPE = ['type', '$ref', 'const', 'enum', 'not', 'allOf', 'if', 'then'];
const KNOWN = new Set([...ANNOTATIONS, ...ANY_TYPE, ...Object.values(GROUPS).flat()]);
const TYPE_CHECK = {
  string: (d) => `isinstance(${d}, str)`,
  null: (d) => `${d} is None`,
  boolean: (d) => `(${d} is True or ${d} is False)`,
  object: (d) => `isinstance(${d}, dict)`,
  array: (d) => `isinstance(${d}, (list, tuple))`,
  integer: (d) => `_is_integer(${d})`,
  number: (d) => `_is_number(${d})`,
};
const FORMATS = { 'date-time': '_is_date_time' };

/** How the runtime finishes a message (python/src/sourceos_contracts/_schema_issues.py). */
export const HOW = { STATIC: 0, SHOW: 1, TYPEOF: 2, PROPERTY: 3, PAIR: 4 };

export const py = (s) => JSON.stringify(s);
/** A value as src/schema-issues.ts quotes it (JSON, cut to 60 characters). */
const show = (v) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
const list = (values) => (Array.isArray(values) ? values.map(show).join(', ') : show(values));
const escapeToken = (t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1');
const fragment = (t) => encodeURIComponent(escapeToken(t));

function describePattern(pattern) {
  const urn = /^\^(urn:srcos:[a-z0-9:-]*?)(?:\[a-z\]\[a-z0-9-\]\*:)?\\S\+\$$/.exec(pattern);
  if (urn) return urn[1] === 'urn:srcos:' || pattern.includes('[a-z]') ? 'must be a urn:srcos: URN' : `must be a ${urn[1]} URN`;
  if (pattern.startsWith('^sha256:')) return 'must be "sha256:" followed by 64 hex digits';
  return `must match the pattern ${pattern}`;
}

/** ajv inlines a referenced schema that holds no reference itself (lib/compile/resolve.ts). */
function hasRef(schema) {
  for (const key in schema) {
    if (key === '$ref') return true;
    const sub = schema[key];
    if (Array.isArray(sub) && sub.some(hasRef)) return true;
    if (sub && typeof sub === 'object' && hasRef(sub)) return true;
  }
  return false;
}

function resolvePointer(doc, pointer) {
  let node = doc;
  for (const token of pointer.split('/').slice(1)) node = node?.[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`unresolvable reference #${pointer}`);
  return node;
}

/** Every `x-sourceos-rule` of a schema with where it stands (as src/rule-annotations.ts finds them). */
function annotationsOf(node, path = '#', out = []) {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) {
    node.forEach((child, i) => annotationsOf(child, `${path}/${i}`, out));
    return out;
  }
  if (node['x-sourceos-rule']) out.push({ ...node['x-sourceos-rule'], schemaPath: path });
  for (const [key, child] of Object.entries(node)) if (key !== 'x-sourceos-rule') annotationsOf(child, `${path}/${escapeToken(key)}`, out);
  return out;
}

export class PythonCompiler {
  /** @param documents Map of absolute `$id` → schema; `contract` the contract's schema. */
  constructor(documents, contract) {
    this.documents = documents;
    this.contract = contract;
    this.annotations = annotationsOf(contract);
    this.constants = [];
    this.constantIndex = new Map();
    this.checks = new Map();
    this.checkFunctions = [];
    this.counter = 0;
  }

  constant(code) {
    if (!this.constantIndex.has(code)) {
      const name = `_K${this.constantIndex.size}`;
      this.constantIndex.set(code, name);
      this.constants.push(`${name} = ${code}`);
    }
    return this.constantIndex.get(code);
  }

  /** A constant whose code names the constant itself (`code(name)`), once for each `key`. */
  selfNamedConstant(key, code) {
    if (!this.constantIndex.has(key)) {
      const name = `_K${this.constantIndex.size}`;
      this.constantIndex.set(key, name);
      this.constants.push(`${name} = ${code(name)}`);
    }
    return this.constantIndex.get(key);
  }

  /**
   * The constant bound to a compiled pattern's `search` (its `match` when `anchored` and the pattern
   * starts with ^ and has no |: a match there is a search's match). A `lazy` one is compiled on its
   * first call (`_lazy_pattern`): the patterns only an invalid document or a rare value needs cost
   * the import nothing.
   */
  patternConstant(pattern, anchored = false, lazy = false) {
    const method = anchored && pattern.startsWith('^') && !pattern.includes('|') ? 'match' : 'search';
    return this.constant(lazy ? `_lazy_pattern(${py(pythonPattern(pattern))}, ${py(method)})` : `_re.compile(${py(pythonPattern(pattern))}).${method}`);
  }

  /**
   * A Python test true when `d` (a str) does not match `pattern`, for the fast validators: the
   * printable-ASCII subset of the pattern (python-pattern.mjs) first, where it differs, then the
   * pattern itself only when the subset fails.
   */
  patternMiss(pattern, d) {
    const method = pattern.startsWith('^') && !pattern.includes('|') ? 'match' : 'search';
    const subset = pythonPattern(pattern, { subset: true });
    if (subset === pythonPattern(pattern)) return `${this.patternConstant(pattern, true)}(${d}) is None`;
    return `${this.constant(`_re.compile(${py(subset)}).${method}`)}(${d}) is None and ${this.patternConstant(pattern, true, true)}(${d}) is None`;
  }

  /**
   * The pattern as a part of a pattern that joins several values with NUL (see joinedTest in
   * python-fast.mjs): the Python literal of its printable-ASCII subset, without its anchors, as a
   * group; null when it is not anchored at both ends, has an alternative or a negated class (which
   * could match a NUL).
   */
  patternPart(pattern) {
    const subset = pythonPattern(pattern, { subset: true });
    if (!subset.startsWith('^') || !subset.endsWith('\\Z') || subset.endsWith('\\\\Z') || pattern.includes('|')) return null;
    const body = subset.slice(1, -2);
    if (body.includes('[^') || body.includes('^') || body.includes('\\Z')) return null;
    return py(`(?:${body})`);
  }

  fresh(prefix) {
    return `${prefix}${this.counter++}`;
  }

  resolve(ref, base) {
    const url = new URL(ref, base);
    const fragmentPart = decodeURIComponent(url.hash.slice(1));
    url.hash = '';
    const doc = this.documents.get(url.href);
    if (!doc) throw new Error(`unknown schema ${url.href}`);
    return { node: fragmentPart ? resolvePointer(doc, fragmentPart) : doc, base: url.href };
  }

  /** The issue code of an error at this schema path: its rule's, or `schema/<keyword>`. */
  codeOf(schemaPath, keyword) {
    let best;
    for (const a of this.annotations) if (schemaPath.startsWith(`${a.schemaPath}/`) && (!best || a.schemaPath.length > best.schemaPath.length)) best = a;
    return best ? { code: best.code, statement: best.statement } : { code: `schema/${keyword}`, statement: null };
  }

  /**
   * Python statements for one schema node. `mode` is 'collect' (append errors to `_e`) or 'check'
   * (return False at the first error). `d` names the value, `p` is a Python expression of its pointer
   * (evaluated on errors only), `sp` the schema path ajv gives its errors.
   */
  node(schema, { d, p, sp, base, mode }, indent) {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new Error(`schema at ${sp} is not an object`);
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`the Python compiler does not know the keyword "${key}" (at ${sp})`);
    if (schema.else !== undefined) throw new Error(`"else" at ${sp} is not supported`);
    const pad = '    '.repeat(indent);
    const lines = [];
    const fail = (keyword, pointer, how, text, value = 'None') => {
      if (mode === 'check') return `${pad}return False`;
      const { code, statement } = this.codeOf(`${sp}/${keyword}`, keyword);
      return `${pad}_e.append((${py(code)}, ${py(keyword)}, ${pointer}, ${how}, ${py(text)}, ${value}, ${statement === null ? 'None' : this.constant(py(statement))}))`;
    };
    const sub = (keyword) => `${sp}/${keyword}`;

    if (schema.$ref !== undefined) {
      const target = this.resolve(schema.$ref, base);
      const inlined = !hasRef(target.node);
      lines.push(...this.node(target.node, { d, p, sp: inlined ? schema.$ref : '#', base: target.base, mode }, indent));
    }
    const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
    for (const t of types) if (!TYPE_CHECK[t]) throw new Error(`unknown type ${t} at ${sp}`);
    const typeError = types.length ? fail('type', p, HOW.TYPEOF, `must be of type ${list(schema.type).replace(/"/g, '')}, not `, d).replace(pad, `${pad}    `) : '';
    if (schema.const !== undefined) {
      const c = schema.const;
      const test = c === true ? `${d} is True` : c === false ? `${d} is False` : c === null ? `${d} is None` : typeof c === 'string' ? `(isinstance(${d}, str) and ${d} == ${py(c)})` : `_json_equal(${d}, ${this.constant(pyValue(c))})`;
      lines.push(`${pad}if not (${test}):`, fail('const', p, HOW.SHOW, `must be ${show(c)}, not `, d).replace(pad, `${pad}    `));
    }
    if (schema.enum !== undefined) {
      const values = schema.enum;
      const strings = values.filter((v) => typeof v === 'string');
      const others = values.filter((v) => typeof v !== 'string');
      let test;
      if (others.every((v) => v === null)) {
        const set = this.constant(`frozenset(${pyTuple(strings.map(py))})`);
        test = `(isinstance(${d}, str) and ${d} in ${set})${others.length ? ` or ${d} is None` : ''}`;
      } else {
        test = `_in_enum(${d}, ${this.constant(pyTuple(values.map(pyValue)))})`;
      }
      lines.push(`${pad}if not (${test}):`, fail('enum', p, HOW.SHOW, `must be one of ${list(values)}, not `, d).replace(pad, `${pad}    `));
    }
    if (schema.not !== undefined) {
      const test = this.expr(schema.not, d, base) ?? `${this.check(schema.not, base)}(${d})`;
      lines.push(`${pad}if ${test}:`, fail('not', p, HOW.SHOW, 'must not be ', d).replace(pad, `${pad}    `));
    }
    if (schema.allOf !== undefined) {
      schema.allOf.forEach((branch, i) => lines.push(...this.node(branch, { d, p, sp: sub(`allOf/${i}`), base, mode }, indent)));
    }
    if (schema.if !== undefined && schema.then !== undefined) {
      const test = this.expr(schema.if, d, base) ?? `${this.check(schema.if, base)}(${d})`;
      lines.push(`${pad}if ${test}:`, ...this.node(schema.then, { d, p, sp: sub('then'), base, mode }, indent + 1), `${pad}    pass`);
    }
    const groups = [];
    for (const [group, keywords] of Object.entries(GROUPS)) {
      if (!keywords.some((k) => schema[k] !== undefined)) continue;
      const body = this.group(group, schema, { d, p, sp, base, mode }, indent + 1, fail);
      if (body.length) groups.push({ group, body });
    }
    // One test of the type where it can serve both: `if <group type>: <keywords> elif not <other types>: <type error>`.
    const merged = types.length && groups.length === 1 && types.includes(groups[0].group) ? groups[0] : undefined;
    if (types.length && !merged) lines.push(`${pad}if not (${types.map((t) => TYPE_CHECK[t](d)).join(' or ')}):`, typeError);
    for (const { group, body } of groups) {
      lines.push(`${pad}if ${TYPE_CHECK[group](d)}:`, ...body);
      if (group !== merged?.group) continue;
      const others = types.filter((t) => t !== group);
      lines.push(others.length ? `${pad}elif not (${others.map((t) => TYPE_CHECK[t](d)).join(' or ')}):` : `${pad}else:`, typeError);
    }
    return lines;
  }

  group(group, schema, ctx, indent, failAt) {
    const { d, p, sp, base, mode } = ctx;
    const pad = '    '.repeat(indent);
    const fail = (...args) => failAt(...args).replace(/^ */, pad);
    const guard = (test, ...rest) => [`${pad}if ${test}:`, fail(...rest).replace(pad, `${pad}    `)];
    const lines = [];
    if (group === 'string') {
      if (schema.minLength !== undefined) lines.push(...guard(`len(${d}) < ${schema.minLength}`, 'minLength', p, HOW.STATIC, schema.minLength === 1 ? 'must not be empty' : `must be at least ${schema.minLength} characters`));
      if (schema.maxLength !== undefined) {
        const zero = schema.maxLength === 0;
        lines.push(...guard(`len(${d}) > ${schema.maxLength}`, 'maxLength', p, zero ? HOW.SHOW : HOW.STATIC, zero ? 'must be empty, not ' : `must be at most ${schema.maxLength} characters`, d));
      }
      if (schema.pattern !== undefined) {
        const re = this.patternConstant(schema.pattern, false, true);
        const test = `${re}(${d}) is None`;
        lines.push(...guard(test, 'pattern', p, HOW.SHOW, `${describePattern(schema.pattern)}, not `, d));
      }
      if (schema.format !== undefined) {
        const fn = FORMATS[schema.format];
        if (!fn) throw new Error(`unknown format ${schema.format} at ${sp}`);
        const text = schema.format === 'date-time' ? 'must be an RFC 3339 date-time such as "2026-05-06T04:31:00Z", not ' : `must be a valid ${schema.format}`;
        lines.push(...guard(`not ${fn}(${d})`, 'format', p, schema.format === 'date-time' ? HOW.SHOW : HOW.STATIC, text, d));
      }
    } else if (group === 'number') {
      lines.push(...guard(`${d} < ${schema.minimum}`, 'minimum', p, HOW.SHOW, `must be at least ${schema.minimum}, not `, d));
    } else if (group === 'array') {
      if (schema.minItems !== undefined) lines.push(...guard(`len(${d}) < ${schema.minItems}`, 'minItems', p, HOW.STATIC, `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`));
      if (schema.maxItems !== undefined) lines.push(...guard(`len(${d}) > ${schema.maxItems}`, 'maxItems', p, HOW.STATIC, schema.maxItems === 0 ? 'must be empty' : `must have at most ${schema.maxItems} items`));
      if (schema.items !== undefined) {
        const i = this.fresh('i');
        const x = this.fresh('x');
        const body = this.node(schema.items, { d: x, p: `${p} + "/" + str(${i})`, sp: `${sp}/items`, base, mode }, indent + 1);
        if (body.length) lines.push(`${pad}for ${i}, ${x} in enumerate(${d}):`, ...body);
      }
      if (schema.uniqueItems === true) {
        // ajv compares items of one declared scalar type by a key (the first repeat from the end, {i, j} with i < j);
        // any other items pairwise (the last item that repeats an earlier one): see generated/validators/.
        const itemTypes = schema.items && schema.items.type !== undefined ? [schema.items.type].flat() : [];
        const keyed = itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array');
        const pair = this.fresh('u');
        const call = keyed ? `_duplicate_scalars(${d}, ${this.constant(py(itemTypes))})` : `_duplicate_items(${d})`;
        lines.push(`${pad}${pair} = ${call}`, ...guard(`${pair} is not None`, 'uniqueItems', p, HOW.PAIR, '', pair));
      } else if (schema.uniqueItems !== undefined && schema.uniqueItems !== false) {
        throw new Error(`uniqueItems must be a boolean at ${sp}`);
      }
      if (schema.contains !== undefined) {
        const check = this.check(schema.contains, base);
        const x = this.fresh('x');
        lines.push(`${pad}for ${x} in ${d}:`, `${pad}    if ${check}(${x}):`, `${pad}        break`, `${pad}else:`, fail('contains', p, HOW.STATIC, 'does not contain the required item').replace(pad, `${pad}    `));
      }
    } else if (group === 'object') {
      if (schema.required !== undefined) {
        const each = schema.required.flatMap((name) => guard(`${py(name)} not in ${d}`, 'required', `${p} + ${py(`/${escapeToken(name)}`)}`, HOW.STATIC, `missing required property ${show(name)}`));
        if (schema.required.length > 1) {
          // all present (the usual case): one set comparison
          lines.push(`${pad}if not ${d}.keys() >= ${this.constant(`frozenset(${pyTuple(schema.required.map(py))})`)}:`, ...each.map((l) => `    ${l}`));
        } else {
          lines.push(...each);
        }
      }
      if (schema.additionalProperties !== undefined) {
        if (schema.additionalProperties !== false) throw new Error(`additionalProperties other than false at ${sp} is not supported`);
        const names = this.constant(`frozenset(${pyTuple(Object.keys(schema.properties ?? {}).map(py))})`);
        const k = this.fresh('k');
        if (mode === 'check') lines.push(...guard(`not ${names}.issuperset(${d})`, 'additionalProperties', p, HOW.STATIC, ''));
        else lines.push(`${pad}if not ${names}.issuperset(${d}):`, `${pad}    for ${k} in ${d}:`, `${pad}        if ${k} not in ${names}:`, fail('additionalProperties', `${p} + "/" + _escape(${k})`, HOW.PROPERTY, '', k).replace(pad, `${pad}            `));
      }
      for (const [name, subschema] of Object.entries(schema.properties ?? {})) {
        const x = this.fresh('x');
        const body = this.node(subschema, { d: x, p: `${p} + ${py(`/${escapeToken(name)}`)}`, sp: `${sp}/properties/${fragment(name)}`, base, mode }, indent + 1);
        if (body.length) lines.push(`${pad}${x} = ${d}.get(${py(name)}, _MISSING)`, `${pad}if ${x} is not _MISSING:`, ...body);
      }
    }
    return lines;
  }

  /**
   * A Python expression true when `d` is valid against `schema`, for the simple schemas an `if` or
   * a `not` holds (types, const, enum, required, properties, allOf, not); null for any other.
   */
  expr(schema, d, base, known = null) {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return null;
    const parts = [];
    const objectParts = [];
    const stringParts = [];
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key)) continue;
      if (key === 'type') {
        const types = [value].flat();
        if (!types.every((t) => TYPE_CHECK[t])) return null;
        if (known !== null && types.includes(known)) continue;
        parts.push(`(${types.map((t) => TYPE_CHECK[t](d)).join(' or ')})`);
      } else if (key === 'const') {
        if (value === true) parts.push(`${d} is True`);
        else if (value === false) parts.push(`${d} is False`);
        else if (value === null) parts.push(`${d} is None`);
        else if (typeof value === 'string') parts.push(`(isinstance(${d}, str) and ${d} == ${py(value)})`);
        else return null;
      } else if (key === 'enum') {
        if (!value.every((v) => typeof v === 'string' || v === null)) return null;
        const set = this.constant(`frozenset(${pyTuple(value.filter((v) => v !== null).map(py))})`);
        parts.push(`((isinstance(${d}, str) and ${d} in ${set})${value.includes(null) ? ` or ${d} is None` : ''})`);
      } else if (key === 'not') {
        const inner = this.expr(value, d, base);
        if (inner === null) return null;
        parts.push(`not ${inner}`);
      } else if (key === 'allOf') {
        const inner = value.map((v) => this.expr(v, d, base));
        if (inner.some((i) => i === null)) return null;
        parts.push(...inner);
      } else if (key === 'required') {
        objectParts.push(...value.map((name) => `${py(name)} in ${d}`));
      } else if (key === 'properties') {
        for (const [name, sub] of Object.entries(value)) {
          const v = this.fresh('v');
          const inner = this.expr(sub, v, base);
          if (inner === null) return null;
          objectParts.push(`((${v} := ${d}.get(${py(name)}, _MISSING)) is _MISSING or ${inner})`);
        }
      } else if (key === 'minLength' || key === 'maxLength') {
        stringParts.push(`len(${d}) ${key === 'minLength' ? '>=' : '<='} ${value}`);
      } else {
        return null;
      }
    }
    if (objectParts.length) parts.push(known === 'object' ? `(${objectParts.join(' and ')})` : `(not isinstance(${d}, dict) or (${objectParts.join(' and ')}))`);
    if (stringParts.length) parts.push(`(not isinstance(${d}, str) or (${stringParts.join(' and ')}))`);
    return parts.length ? `(${parts.join(' and ')})` : 'True';
  }

  /** The name of a Python function that returns True when a value is valid against `schema`. */
  check(schema, base) {
    const key = `${base}\u0000${JSON.stringify(schema)}`;
    if (!this.checks.has(key)) {
      const name = `_valid${this.checks.size}`;
      this.checks.set(key, name);
      const body = this.node(schema, { d: 'd', p: "''", sp: '#', base, mode: 'check' }, 1);
      this.checkFunctions.push([`def ${name}(d: Any) -> bool:`, ...body, '    return True'].join('\n'));
    }
    return this.checks.get(key);
  }

  /** The body of `def <name>(d, _e)` for the contract's root schema. */
  root(base) {
    return this.node(this.contract, { d: 'd', p: "''", sp: '#', base, mode: 'collect' }, 1);
  }
}

/** A JSON value as a Python literal. */
export function pyValue(v) {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return py(v);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${py(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** Python literals as a tuple: `()`, `("a",)`, `("a", "b",)`. */
export const pyTuple = (codes) => (codes.length ? `(${codes.join(', ')},)` : '()');
