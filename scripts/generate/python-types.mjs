// The TypedDicts of the Python package (generated/types.py), in the estate's style: one TypedDict a
// contract and a titled nested object, `Literal` enums (a titled enum is its own alias),
// `NotRequired` optional fields and a `<NAME>_REQUIRED` list of each. Shape only: rule branches
// (`allOf`, `if`/`then`) are left out, as in the TypeScript types.
const DEFS_REF = 'defs.schema.json#/$defs/';
const DROPPED = new Set(['allOf', 'if', 'then', 'else', '$id', '$schema']);
const SCALARS = { string: 'str', integer: 'int', number: 'float', boolean: 'bool', null: 'None' };

/** Inline references (into defs.schema.json and the contract's own $defs) and drop rule branches. */
function shapeOnly(node, defs, own) {
  if (Array.isArray(node)) return node.map((n) => shapeOnly(n, defs, own));
  if (!node || typeof node !== 'object') return node;
  let out = {};
  for (const [key, value] of Object.entries(node)) if (!DROPPED.has(key) && !key.startsWith('x-')) out[key] = shapeOnly(value, defs, own);
  for (let guard = 0; typeof out.$ref === 'string' && guard < 16; guard++) {
    const { $ref, ...rest } = out;
    const name = $ref.split('/').pop();
    const target = $ref.startsWith(DEFS_REF) ? defs.$defs[name] : $ref.startsWith('#/$defs/') ? (own.$defs?.[name] ?? defs.$defs[name]) : undefined;
    if (!target) throw new Error(`cannot inline ${$ref}`);
    out = { ...shapeOnly(target, defs, $ref.startsWith(DEFS_REF) ? defs : own), ...rest };
  }
  return out;
}

const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
const literal = (values) => `Literal[${values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : v === true ? 'True' : v === false ? 'False' : String(v))).join(', ')}]`;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

export function pythonTypes({ defs, contracts }) {
  const blocks = [];
  const defined = new Map();
  const define = (name, text) => {
    if (defined.has(name) && defined.get(name) !== text) throw new Error(`two different Python types are named ${name}`);
    if (!defined.has(name)) {
      defined.set(name, text);
      blocks.push(text);
    }
  };

  function typeOf(node) {
    if ('const' in node) return node.const === null ? 'None' : literal([node.const]);
    if (Array.isArray(node.enum)) {
      const values = node.enum.filter((v) => v !== null);
      const lit = literal(values);
      const named = node.title ? (define(node.title, `${node.title} = ${lit}`), node.title) : lit;
      return node.enum.includes(null) ? `${named} | None` : named;
    }
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
    if (types.length === 0) return 'object';
    return types
      .map((t) => {
        if (SCALARS[t]) return SCALARS[t];
        if (t === 'array') return `list[${node.items ? typeOf(node.items) : 'object'}]`;
        if (t === 'object') {
          if (!node.title) throw new Error('a nested object of a contract needs a "title" to name its Python type');
          objectType(node.title, node);
          return node.title;
        }
        throw new Error(`no Python type for ${t}`);
      })
      .join(' | ');
  }

  function objectType(name, node) {
    const required = node.required ?? [];
    const fields = Object.entries(node.properties ?? {}).map(([key, sub]) => {
      const type = typeOf(sub);
      return { key, type: required.includes(key) ? type : `NotRequired[${type}]` };
    });
    const plain = fields.every(({ key }) => IDENTIFIER.test(key) && !KEYWORDS.has(key));
    const doc = node.description ? `    """${node.description.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"""` : '';
    // A property that is no Python identifier (`from`) needs TypedDict's functional form.
    const body = plain
      ? [`class ${name}(TypedDict):`, doc, ...fields.map((f) => `    ${f.key}: ${f.type}`)].filter(Boolean).join('\n')
      : [`${name} = TypedDict(`, `    ${JSON.stringify(name)},`, '    {', ...fields.map((f) => `        ${JSON.stringify(f.key)}: ${f.type},`), '    },', ')'].join('\n');
    define(name, `${body}\n\n\n${snake(name)}_REQUIRED: Final[list[str]] = [${required.map((r) => JSON.stringify(r)).join(', ')}]`);
  }

  for (const c of contracts) objectType(c.name, shapeOnly(c.schema, defs, c.schema));

  return [
    '"""The documents of every contract as TypedDicts (shape only: the rules are the validators\')."""',
    'from __future__ import annotations',
    '',
    'from typing import TYPE_CHECKING, Final, Literal, NotRequired, TypedDict',
    '',
    'if TYPE_CHECKING:',
    '    from ..contract import Contract',
    '',
    ...blocks.flatMap((b) => [b, '', '']),
    `ContractName = ${literal(contracts.map((c) => c.name))}`,
    '"""The name of a contract of this package."""',
    '',
    '',
    'class Contracts(TypedDict):',
    '    """Every contract, keyed by name: `contracts["Lease"].parse(doc)` is typed as a Lease."""',
    ...contracts.map((c) => `    ${c.name}: Contract[${c.name}]`),
    '',
    '',
    '__all__ = [',
    ...[...defined.keys(), ...contracts.map(() => null)].filter(Boolean).flatMap((n) => [`    ${JSON.stringify(n)},`, ...(defined.get(n).includes('_REQUIRED: Final') ? [`    ${JSON.stringify(`${snake(n)}_REQUIRED`)},`] : [])]),
    '    "ContractName",',
    '    "Contracts",',
    ']',
  ];
}
