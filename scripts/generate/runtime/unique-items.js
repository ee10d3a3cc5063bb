// uniqueItems for the precompiled validators, in linear time. Copied into generated/validators/ by
// the generator, which puts a call to it in place of ajv's pairwise comparison of items (quadratic:
// 20,000 items took a second). Same answer as ajv: the last item that repeats an earlier one, and
// the last of those earlier ones, as [i, j]; or null when every item is distinct. Items are keyed
// by a canonical text (scalars by type and value, arrays in order, plain objects by sorted keys,
// numbers as JavaScript compares them: 0 and -0 alike, NaN equal to NaN); an item that has no such
// text (a class instance, a cycle, a getter that throws) is compared with `equal` to the others
// like it, which only hostile values are.

function keyOf(value, depth) {
  switch (typeof value) {
    case 'string':
      return `s${value}`;
    case 'number':
      return `n${value === 0 ? 0 : value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object': {
      if (value === null) return 'z';
      if (depth > 64) return undefined;
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          const key = keyOf(value[i], depth + 1);
          if (key === undefined) return undefined;
          text += `${JSON.stringify(key)},`;
        }
        return `${text}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      let text = '{';
      for (const name of Object.keys(value).sort()) {
        const key = keyOf(value[name], depth + 1);
        if (key === undefined) return undefined;
        text += `${JSON.stringify(name)}:${JSON.stringify(key)},`;
      }
      return `${text}}`;
    }
    default:
      return undefined;
  }
}

function safeKey(value) {
  try {
    return keyOf(value, 0);
  } catch {
    return undefined;
  }
}

export function duplicateItems(items, equal) {
  const last = new Map();
  const odd = [];
  let found = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = safeKey(item);
    if (key === undefined) {
      for (let k = odd.length - 1; k >= 0; k--) {
        if (equal(item, items[odd[k]])) {
          found = [i, odd[k]];
          break;
        }
      }
      odd.push(i);
      continue;
    }
    const j = last.get(key);
    if (j !== undefined) found = [i, j];
    last.set(key, i);
  }
  return found;
}
