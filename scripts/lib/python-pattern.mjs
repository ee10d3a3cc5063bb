// Translates an ECMA-262 regular expression (as ajv runs a schema's `pattern`: flag "u", searched
// anywhere in the string) into a Python `re` pattern with the same matches. Python's `\d`, `\w`,
// `\s`, `.` and `$` mean other things than ECMAScript's, so each becomes an explicit class (or
// `\Z`). Only the constructs the schemas use are known; anything else stops the generator.

/** ECMAScript's WhiteSpace and LineTerminator code points: what `\s` matches. */
const ECMA_SPACE = '\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const CLASS_ESCAPES = { d: '0-9', w: 'A-Za-z0-9_', s: ECMA_SPACE };
const LITERAL_ESCAPES = new Set(['.', '\\', '/', '-', '+', '*', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$']);

/**
 * With `subset`, `\S` becomes `[!-~]` and `.` becomes `[ -~]`: printable ASCII, each a subset of
 * what the class matches, so (a pattern having no lookaround or back reference) every string the
 * subset pattern matches, the pattern matches too. `re` tests a class of ASCII characters by a
 * bitmap, faster than the negated class of ECMAScript white space, which reaches past ASCII, so the
 * fast validators try the subset first and the pattern itself only when the subset fails.
 */
export function pythonPattern(source, { subset = false } = {}) {
  let out = '';
  let i = 0;
  const fail = (what) => {
    throw new Error(`pattern ${JSON.stringify(source)}: ${what} at ${i} is not supported by the Python compiler`);
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === 'd') out += '[0-9]';
      else if (next === 'D') out += '[^0-9]';
      else if (next === 'w') out += '[A-Za-z0-9_]';
      else if (next === 'W') out += '[^A-Za-z0-9_]';
      else if (next === 's') out += `[${ECMA_SPACE}]`;
      else if (next === 'S') out += subset ? '[!-~]' : `[^${ECMA_SPACE}]`;
      else if (LITERAL_ESCAPES.has(next)) out += `\\${next}`;
      else fail(`the escape \\${next}`);
      i += 2;
    } else if (ch === '[') {
      let j = i + 1;
      let cls = '[';
      if (source[j] === '^') {
        cls += '^';
        j++;
      }
      while (j < source.length && source[j] !== ']') {
        if (source[j] === '\\') {
          const next = source[j + 1];
          if (CLASS_ESCAPES[next]) cls += CLASS_ESCAPES[next];
          else if (LITERAL_ESCAPES.has(next)) cls += `\\${next}`;
          else fail(`the class escape \\${next}`);
          j += 2;
        } else if (/[A-Za-z0-9:._-]/.test(source[j])) {
          cls += source[j];
          j++;
        } else {
          fail(`the class character ${JSON.stringify(source[j])}`);
        }
      }
      if (source[j] !== ']') fail('an unclosed class');
      out += `${cls}]`;
      i = j + 1;
    } else if (ch === '$') {
      out += '\\Z';
      i++;
    } else if (ch === '.') {
      out += subset ? '[ -~]' : '[^\\n\\r\\u2028\\u2029]';
      i++;
    } else if (ch === '(') {
      if (source[i + 1] === '?') {
        if (source[i + 2] !== ':') fail('a group other than (?:');
        out += '(?:';
        i += 3;
      } else {
        out += '(';
        i++;
      }
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) fail('a brace that is no quantifier');
      out += m[0];
      i += m[0].length;
    } else if ('^)|*+?'.includes(ch) || /[A-Za-z0-9:_@%=~,<>!;-]/.test(ch)) {
      out += ch;
      i++;
    } else {
      fail(`the character ${JSON.stringify(ch)}`);
    }
  }
  return out;
}
