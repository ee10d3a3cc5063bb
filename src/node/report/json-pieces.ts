/**
 * `JSON.stringify(value, null, 2)` in pieces, for reports too large to hold as one string: the
 * skeleton is stringified whole, except the arrays marked in it, which are written one item at a
 * time. The text is the same, byte for byte, as stringifying the whole value with the arrays in place.
 */

/** A placeholder for an array to stream: put `streamed(name)` where the array goes in the skeleton. */
export const streamed = (name: string): string => `\u0000streamed:${name}`;

/**
 * The skeleton's text in pieces, the marked arrays written item by item. `after`: start past that
 * array's marker (its text and items were written already, by `StreamedArray`).
 */
export function* jsonPieces(skeleton: object, arrays: Readonly<Record<string, Iterable<unknown>>>, after?: string): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  let from = 0;
  if (after !== undefined) {
    const marker = JSON.stringify(streamed(after));
    from = text.indexOf(marker) + marker.length;
  }
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
  const array = new StreamedArray(indent);
  for (const item of items) yield array.item(item);
  yield array.close();
}

/** The text of the skeleton before the marked array `name`, and the indentation of its line. */
export function textBefore(skeleton: object, name: string): { text: string; indent: string } {
  const text = JSON.stringify(skeleton, null, 2);
  const at = text.indexOf(JSON.stringify(streamed(name)));
  return { text: text.slice(0, at), indent: text.slice(text.lastIndexOf('\n', at) + 1).match(/^ */)?.[0] ?? '' };
}

/** An array written an item at a time, as JSON.stringify(…, null, 2) writes it at the indentation `indent`. */
export class StreamedArray {
  private first = true;
  private readonly inner: string;

  constructor(private readonly indent: string) {
    this.inner = `${indent}  `;
  }

  item(value: unknown): string {
    const json = JSON.stringify(value, null, 2) ?? 'null';
    return this.itemText(json.replace(/\n/g, `\n${this.inner}`));
  }

  /** An item given as its text already indented as it goes in the array (its lines after the first start with `inner`). */
  itemText(text: string): string {
    const piece = `${this.first ? '[\n' : ',\n'}${this.inner}${text}`;
    this.first = false;
    return piece;
  }

  /** The indentation of the items. */
  get itemIndent(): string {
    return this.inner;
  }

  close(): string {
    return this.first ? '[]' : `\n${this.indent}]`;
  }
}
