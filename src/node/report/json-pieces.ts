/**
 * `JSON.stringify(value, null, 2)` in pieces, for reports too large to hold as one string: the
 * skeleton is stringified whole, except the arrays marked in it, which are written one item at a
 * time. The text is the same, byte for byte, as stringifying the whole value with the arrays in place.
 */

/** A placeholder for an array to stream: put `streamed(name)` where the array goes in the skeleton. */
export const streamed = (name: string): string => `\u0000streamed:${name}`;

export function* jsonPieces(skeleton: object, arrays: Readonly<Record<string, Iterable<unknown>>>): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  let from = 0;
  for (;;) {
    let next: { at: number; marker: string; items: Iterable<unknown> } | undefined;
    for (const [name, items] of Object.entries(arrays)) {
      const marker = JSON.stringify(streamed(name));
      const at = text.indexOf(marker, from);
      if (at !== -1 && (!next || at < next.at)) next = { at, marker, items };
    }
    if (!next) break;
    yield text.slice(from, next.at);
    const indent = text.slice(text.lastIndexOf('\n', next.at) + 1).match(/^ */)?.[0] ?? '';
    yield* arrayPieces(next.items, indent);
    from = next.at + next.marker.length;
  }
  yield text.slice(from);
}

/** An array at the indentation `indent` (its opening line's), one item a piece. */
function* arrayPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    const json = JSON.stringify(item, null, 2) ?? 'null';
    yield `${first ? '[\n' : ',\n'}${inner}${json.replace(/\n/g, `\n${inner}`)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}
