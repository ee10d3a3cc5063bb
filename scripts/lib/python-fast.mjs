// The short-circuiting twin of a contract's schema validator: `def is_schema_valid(d) -> bool`,
// True only when the collecting validator (python-compiler.mjs) would find no error. It builds no
// error, no pointer, returns False at the first failure, tests types exactly (`type(x) is str`:
// a subclass, a tuple or an integer beyond a double returns False and `validate` runs the full validator,
// which decides), skips tests of a type it already knows, reads required properties directly and
// tries the usual date-time's pattern before the full test. `validate` runs it first; only when it returns False does the full
// validator run, so a verdict never depends on it.
import { py, pyTuple as pyTupleOf, pyValue as pyValueOf } from './python-compiler.mjs';

const MAX = '1.7976931348623157e308';
const STRICT = {
  string: (d) => `type(${d}) is str`,
  null: (d) => `${d} is None`,
  boolean: (d) => `(${d} is True or ${d} is False)`,
  object: (d) => `type(${d}) is dict`,
  array: (d) => `type(${d}) is list`,
  integer: (d) => `((type(${d}) is int and -${MAX} <= ${d} <= ${MAX}) or (type(${d}) is float and ${d}.is_integer()))`,
  number: (d) => `((type(${d}) is int and -${MAX} <= ${d} <= ${MAX}) or (type(${d}) is float and ${d} - ${d} == 0.0))`,
};
const EXACT = { string: (d) => `isinstance(${d}, str)`, object: (d) => `isinstance(${d}, dict)`, array: (d) => `isinstance(${d}, (list, tuple))`, number: (d) => `_is_number(${d})` };
const GROUP_OF = { string: 'string', object: 'object', array: 'array', integer: 'number', number: 'number' };
const GROUPS = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  number: ['minimum'],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems', 'contains'],
  object: ['required', 'additionalProperties', 'properties'],
};

/** Python statements (at `indent`) that `return False` when `d` is not valid against `schema`. */
export function fastNode(compiler, schema, { d, base, known = null, defer = null }, indent) {
  const pad = '    '.repeat(indent);
  const lines = [];
  const no = (test) => lines.push(`${pad}if ${test}:`, `${pad}    return False`);
  const types = schema.type === undefined ? [] : [schema.type].flat();
  // the declared type first: one declared type is known from here on, also inside a $ref
  if (types.length && !(types.length === 1 && known === types[0])) no(`not (${types.map((t) => STRICT[t](d)).join(' or ')})`);
  if (types.length === 1) known = types[0];
  if (schema.$ref !== undefined) {
    const target = compiler.resolve(schema.$ref, base);
    lines.push(...fastNode(compiler, target.node, { d, base: target.base, known, defer }, indent));
  }
  if (schema.const !== undefined) {
    const c = schema.const;
    const test = c === true ? `${d} is True` : c === false ? `${d} is False` : c === null ? `${d} is None` : typeof c === 'string' ? (known === 'string' ? `${d} == ${py(c)}` : `(type(${d}) is str and ${d} == ${py(c)})`) : null;
    no(test ? `not (${test})` : `not _json_equal(${d}, ${compiler.constant(pyValueOf(c))})`);
  }
  if (schema.enum !== undefined) {
    const values = schema.enum;
    const strings = values.filter((v) => typeof v === 'string');
    const others = values.filter((v) => typeof v !== 'string');
    if (others.every((v) => v === null)) {
      const set = compiler.constant(`frozenset(${pyTupleOf(strings.map(py))})`);
      const inSet = known === 'string' ? `${d} in ${set}` : `(type(${d}) is str and ${d} in ${set})`;
      no(`not (${inSet}${others.length ? ` or ${d} is None` : ''})`);
    } else {
      no(`not _in_enum(${d}, ${compiler.constant(pyTupleOf(values.map(pyValueOf)))})`);
    }
  }
  if (schema.not !== undefined) no(compiler.expr(schema.not, d, base) ?? `${compiler.check(schema.not, base)}(${d})`);
  for (const [group, keywords] of Object.entries(GROUPS)) {
    if (!keywords.some((k) => schema[k] !== undefined)) continue;
    if (known && GROUP_OF[known] === group) {
      lines.push(...fastGroup(compiler, group, schema, { d, base, strict: true, reads: true, defer }, indent));
      continue;
    }
    // a union that holds the group's type was tested strictly above; otherwise the group applies to exactly its type
    const test = types.some((t) => GROUP_OF[t] === group) ? types.filter((t) => GROUP_OF[t] === group).map((t) => STRICT[t](d)).join(' or ') : EXACT[group](d);
    const body = fastGroup(compiler, group, schema, { d, base, strict: types.some((t) => GROUP_OF[t] === group) }, indent + 1);
    if (body.length) lines.push(`${pad}if ${test}:`, ...body);
  }
  // the conditions last: by then the structure they read is checked, and what they read is in the
  // variables of that check (no value read inside a condition is remembered: a later reader might not run after it)
  compiler.fastConditional = (compiler.fastConditional ?? 0) + 1;
  for (const branch of schema.allOf ?? []) lines.push(...fastNode(compiler, branch, { d, base, known }, indent));
  if (schema.if !== undefined && schema.then !== undefined) {
    const then = fastNode(compiler, schema.then, { d, base, known }, indent + 1);
    const test = fastTest(compiler, schema.if, { d, base, known }) ?? compiler.expr(schema.if, d, base, known) ?? `${compiler.check(schema.if, base)}(${d})`;
    if (then.length) lines.push(`${pad}if ${test}:`, ...then);
  }
  compiler.fastConditional -= 1;
  return lines;
}

function fastGroup(compiler, group, schema, { d, base, strict, reads = false, defer = null }, indent) {
  const pad = '    '.repeat(indent);
  const lines = [];
  const no = (test) => lines.push(`${pad}if ${test}:`, `${pad}    return False`);
  if (group === 'string') {
    if (schema.minLength !== undefined) no(`len(${d}) < ${schema.minLength}`);
    if (schema.maxLength !== undefined) no(`len(${d}) > ${schema.maxLength}`);
    // `defer`: the tests of a str the object that holds it checks with its other values, in one match
    const test = (part, miss) => (defer && part ? defer.push({ d, part, miss }) : no(miss));
    if (schema.pattern !== undefined) test(compiler.patternPart(schema.pattern), compiler.patternMiss(schema.pattern, d));
    if (schema.format === 'date-time') {
      test('_DATE_TIME_PART', `_date_time_common(${d}) is None and not _is_date_time(${d})`);
    } else if (schema.format !== undefined) {
      throw new Error(`unknown format ${schema.format}`);
    }
  } else if (group === 'number') {
    no(`${d} < ${schema.minimum}`);
  } else if (group === 'array') {
    if (schema.minItems !== undefined) no(`len(${d}) < ${schema.minItems}`);
    if (schema.maxItems !== undefined) no(`len(${d}) > ${schema.maxItems}`);
    if (schema.items !== undefined) {
      const x = compiler.fresh('x');
      const body = fastNode(compiler, schema.items, { d: x, base }, indent + 1);
      if (body.length) lines.push(`${pad}for ${x} in ${d}:`, ...body);
    }
    if (schema.uniqueItems === true && schema.items !== undefined && declaredType(compiler, schema.items, base) === 'string') {
      no(`len(set(${d})) != len(${d})`); // every item was tested to be a str above: distinct strings are unique items
    } else if (schema.uniqueItems === true) {
      const itemTypes = schema.items && schema.items.type !== undefined ? [schema.items.type].flat() : [];
      const keyed = itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array');
      no(`${keyed ? `_duplicate_scalars(${d}, ${compiler.constant(py(itemTypes))})` : `_duplicate_items(${d})`} is not None`);
    }
    if (schema.contains !== undefined) {
      const x = compiler.fresh('x');
      lines.push(`${pad}for ${x} in ${d}:`, `${pad}    if ${compiler.check(schema.contains, base)}(${x}):`, `${pad}        break`, `${pad}else:`, `${pad}    return False`);
    }
  } else if (group === 'object') {
    // `d` is an exact dict when `strict`: then a required property read below (`d[name]`) raises
    // KeyError when it is missing, which `is_schema_valid` turns into False, so only the required
    // properties nothing reads are looked up here
    const required = new Set(schema.required ?? []);
    const names = Object.keys(schema.properties ?? {});
    // with additionalProperties false, the keys are counted as they are read: every required one is
    // there once the reads pass, each optional one counts when present, and then len(d) equal to the
    // count leaves no other key
    const counted = schema.additionalProperties === false && strict && names.length > 0 && [...required].every((n) => names.includes(n));
    const count = counted && names.some((n) => !required.has(n)) ? compiler.fresh('n') : null;
    const properties = [];
    const read = new Set();
    // the patterns and date-times of required str properties, tested together at the end (see joinedTest)
    const deferred = [];
    for (const [name, subschema] of Object.entries(schema.properties ?? {})) {
      const earlier = schema.additionalProperties === undefined ? compiler.fastReads?.get(`${d}\0${name}`) : undefined;
      if (earlier) {
        // read before (a condition's branch on the properties the structure checked): that variable,
        // of the type checked then, or _MISSING when an optional property is absent
        const present = earlier.required || required.has(name);
        if (!earlier.required && required.has(name)) properties.push(`${pad}if ${earlier.x} is _MISSING:`, `${pad}    return False`);
        if (required.has(name)) read.add(name);
        const body = fastNode(compiler, subschema, { d: earlier.x, base, known: earlier.type }, present ? indent : indent + 1);
        if (body.length) properties.push(...(present ? body : [`${pad}if ${earlier.x} is not _MISSING:`, ...body]));
        continue;
      }
      const x = compiler.fresh('x');
      // remembered for what reads the property later at this level (conditions, their branches)
      const type = declaredType(compiler, subschema, base);
      const remember = () => {
        if (reads && !compiler.fastConditional) (compiler.fastReads ??= new Map()).set(`${d}\0${name}`, { x, type, required: required.has(name) });
      };
      if (required.has(name)) {
        const body = fastNode(compiler, subschema, { d: x, base, defer: strict ? deferred : null }, indent);
        if (body.length) {
          properties.push(`${pad}${x} = ${d}[${py(name)}]`, ...body);
          remember();
        }
        if (body.length && strict) read.add(name);
      } else {
        const body = fastNode(compiler, subschema, { d: x, base }, indent + 1);
        if (body.length) {
          properties.push(`${pad}${x} = ${d}.get(${py(name)}, _MISSING)`, `${pad}if ${x} is not _MISSING:`, ...(count ? [`${pad}    ${count} += 1`] : []), ...body);
          remember();
        }
        else if (count) properties.push(`${pad}if ${py(name)} in ${d}:`, `${pad}    ${count} += 1`);
      }
    }
    const unread = [...required].filter((name) => !read.has(name));
    if (unread.length > 1) no(`not ${d}.keys() >= ${compiler.constant(`frozenset(${pyTupleOf(unread.map(py))})`)}`);
    else if (unread.length === 1) no(`${py(unread[0])} not in ${d}`);
    if (counted && !count) {
      no(`len(${d}) != ${names.length}`); // every property is required, and each is there: no other key fits
    } else if (count) {
      lines.push(`${pad}${count} = ${required.size}`);
    } else if (schema.additionalProperties === false) {
      no(`not ${compiler.constant(`frozenset(${pyTupleOf(names.map(py))})`)}.issuperset(${d})`);
    }
    lines.push(...properties);
    if (count) no(`len(${d}) != ${count}`);
    if (deferred.length > 1) no(joinedTest(compiler, deferred));
    else if (deferred.length === 1) no(deferred[0].miss);
  }
  return lines;
}

/**
 * One test for the patterns and date-times of several str values (a regular expression's call
 * costs more than its matching): the values joined by NUL, against the parts joined by NUL. No
 * part matches a NUL (printable ASCII, python-pattern.mjs), so a match splits the text at exactly
 * the joins and each value matches its part, which implies its pattern; only when that one match
 * fails are the values tested one by one, as each alone would be.
 */
function joinedTest(compiler, deferred) {
  // compiled on the first call, which puts the compiled pattern's fullmatch in its place: the import
  // pays nothing for these long patterns, and every later call nothing for the laziness
  const source = `"\\x00".join((${deferred.map((e) => e.part).join(', ')},))`;
  const pattern = compiler.selfNamedConstant(source, (name) => `_lazy_pattern(${source}, "fullmatch", globals(), ${py(name)})`);
  return `${pattern}("\\x00".join((${deferred.map((e) => e.d).join(', ')},))) is None and (${deferred.map((e) => `(${e.miss})`).join(' or ')})`;
}

/**
 * A Python expression with the value of `if: <condition>` for `d` (whose type is `known`, or null),
 * reading the variables the fast check has already read and type-checked (`compiler.fastReads`)
 * instead of looking the properties up again: `x == "c"` for a const on a string read, `x in K` for
 * an enum, nothing for a required property read as required. Any keyword it does not shorten goes to
 * `compiler.expr` (the full validator's test); null when that cannot say either.
 */
function fastTest(compiler, condition, { d, base, known }) {
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return null;
  const parts = [];
  const objectParts = [];
  for (const [key, value] of Object.entries(condition)) {
    if (key === '$comment' || key === 'description' || key === 'title' || key === 'x-sourceos-rule') continue;
    if (key === '$ref') {
      const target = compiler.resolve(value, base);
      const inner = fastTest(compiler, target.node, { d, base: target.base, known });
      if (inner === null) return null;
      parts.push(inner);
    } else if (key === 'const' && ((known === 'string' && typeof value === 'string') || (known === 'boolean' && typeof value === 'boolean'))) {
      parts.push(typeof value === 'string' ? `${d} == ${py(value)}` : `${d} is ${value ? 'True' : 'False'}`);
    } else if (key === 'enum' && known === 'string' && value.every((v) => typeof v === 'string')) {
      parts.push(`${d} in ${compiler.constant(`frozenset(${pyTupleOf(value.map(py))})`)}`);
    } else if ((key === 'minLength' || key === 'maxLength') && known === 'string') {
      parts.push(`len(${d}) ${key === 'minLength' ? '>=' : '<='} ${value}`);
    } else if (key === 'not') {
      const inner = fastTest(compiler, value, { d, base, known });
      if (inner === null) return null;
      parts.push(`not ${inner}`);
    } else if (key === 'required' && known === 'object') {
      for (const name of value) {
        const earlier = compiler.fastReads?.get(`${d}\0${name}`);
        if (!earlier) objectParts.push(`${py(name)} in ${d}`);
        else if (!earlier.required) objectParts.push(`${earlier.x} is not _MISSING`);
      }
    } else if (key === 'properties' && known === 'object') {
      for (const [name, sub] of Object.entries(value)) {
        const earlier = compiler.fastReads?.get(`${d}\0${name}`);
        if (earlier) {
          const inner = fastTest(compiler, sub, { d: earlier.x, base, known: earlier.type });
          if (inner === null) return null;
          if (inner !== 'True') objectParts.push(earlier.required ? inner : `(${earlier.x} is _MISSING or ${inner})`);
        } else {
          const inner = compiler.expr({ properties: { [name]: sub } }, d, base, known);
          if (inner === null) return null;
          objectParts.push(inner);
        }
      }
    } else {
      const inner = compiler.expr({ [key]: value }, d, base, known);
      if (inner === null) return null;
      if (inner !== 'True') parts.push(inner);
    }
  }
  parts.push(...objectParts);
  return parts.length ? (parts.length === 1 ? parts[0] : `(${parts.join(' and ')})`) : 'True';
}

/** The one type a schema declares, following its $ref; null when it declares none or several. */
function declaredType(compiler, schema, base) {
  if (typeof schema.type === 'string') return schema.type;
  if (schema.type !== undefined || schema.$ref === undefined) return null;
  const target = compiler.resolve(schema.$ref, base);
  return declaredType(compiler, target.node, target.base);
}
