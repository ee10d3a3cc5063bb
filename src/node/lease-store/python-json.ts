/**
 * JSON exactly as Python's `json.dumps(value, indent=2, sort_keys=True)` writes it, which is how
 * the estate's `scripts/oxygen` writes lease files and prints its output: keys sorted, two-space
 * indent, `", "`-free item separators, and every character outside printable ASCII escaped as
 * `\uXXXX` (lower-case hex, surrogate pairs for characters past U+FFFF, DEL included).
 */

/** Python orders keys by code point; UTF-16 order differs from it only for characters past U+FFFF. */
const byCodePoint = (a: string, b: string): number => {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
};

// Written by hand rather than by JSON.stringify with sorted objects: a JavaScript object puts keys
// that look like integers first, whatever order they were inserted in.
function dump(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + dump(v ?? null, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort(byCodePoint);
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${dump((value as Record<string, unknown>)[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const escapeNonAscii = (text: string): string => text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** `json.dumps(value, indent=2, sort_keys=True)`, without the final newline. */
export function pythonJson(value: unknown): string {
  return escapeNonAscii(dump(value, ''));
}
