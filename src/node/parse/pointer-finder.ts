/**
 * Finds where a few JSON pointers point in valid JSON text, fast: it follows only the members on
 * the way to the wanted pointers and skips every other value without building anything. For each
 * wanted pointer, the offset of the deepest value on its path that exists (the value itself, or
 * the object that lacks it) is found. Used to place issues on documents JSON.parse accepted.
 */
import { stringEnd } from './string-end.js';

interface Step {
  pointer: string;
  /** The member name this step is reached by (unescaped); for the root, ''. */
  token: string;
  /** The token as an array index, or -1 when it is none. */
  index: number;
  /** The wanted steps below (a few: a document's issues), looked through in order. */
  children: Step[];
}

/** A token that names an array item: digits with no leading zero. */
const INDEX = /^(?:0|[1-9]\d*)$/;

function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

function trieOf(pointers: readonly string[]): Step {
  const root: Step = { pointer: '', token: '', index: -1, children: [] };
  for (let p = 0; p < pointers.length; p++) {
    const pointer = pointers[p] as string;
    let node = root;
    for (let from = 1; from <= pointer.length; ) {
      let cut = pointer.indexOf('/', from);
      if (cut === -1) cut = pointer.length;
      const raw = pointer.slice(from, cut);
      const token = unescapeToken(raw);
      let next: Step | undefined;
      for (let c = 0; c < node.children.length && !next; c++) if ((node.children[c] as Step).token === token) next = node.children[c];
      if (!next) {
        next = { pointer: pointer.slice(0, cut), token, index: INDEX.test(token) ? Number(token) : -1, children: [] };
        node.children.push(next);
      }
      node = next;
      from = cut + 1;
    }
  }
  return root;
}

/** The wanted step for the member whose name is the text between `from` and `to` (its quotes left out). */
function memberStep(children: readonly Step[], text: string, from: number, to: number): Step | undefined {
  const escaped = text.indexOf('\\', from);
  // a name with no escape is its text: compared where it stands, without a string made of it
  const name = escaped !== -1 && escaped < to ? (JSON.parse(text.slice(from - 1, to + 1)) as string) : undefined;
  for (let c = 0; c < children.length; c++) {
    const child = children[c] as Step;
    if (name === undefined ? child.token.length === to - from && text.startsWith(child.token, from) : child.token === name) return child;
  }
  return undefined;
}

/** The wanted step for array item `index`. */
function itemStep(children: readonly Step[], index: number): Step | undefined {
  for (let c = 0; c < children.length; c++) if ((children[c] as Step).index === index) return children[c];
  return undefined;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

class Finder {
  readonly found = new Map<string, number>();
  constructor(private readonly text: string) {}

  private ws(i: number): number {
    while (isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The offset just past the string that opens at `i`. */
  private endOfString(i: number): number {
    return stringEnd(this.text, i);
  }

  /** The offset just past the value that starts at `i`, not looking inside it. */
  private skip(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 34) return this.endOfString(i);
    if (c !== 123 && c !== 91) {
      while (i < t.length) {
        const d = t.charCodeAt(i);
        if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
        i++;
      }
      return i;
    }
    let depth = 0;
    for (;;) {
      const d = t.charCodeAt(i);
      if (d === 34) {
        i = this.endOfString(i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
      else if (Number.isNaN(d)) return i;
      i++;
    }
  }

  /** Records the value at `i` for `step`, follows wanted members, returns the offset past it. */
  visit(step: Step, i: number): number {
    this.found.set(step.pointer, i);
    const t = this.text;
    const c = t.charCodeAt(i);
    const children = step.children;
    if (children.length === 0 || (c !== 123 && c !== 91)) return this.skip(i);
    i = this.ws(i + 1);
    if (t.charCodeAt(i) === 125 || t.charCodeAt(i) === 93) return i + 1;
    for (let index = 0; ; index++) {
      let next: Step | undefined;
      if (c === 123) {
        const end = this.endOfString(i);
        next = memberStep(children, t, i + 1, end - 1);
        i = this.ws(this.ws(end) + 1); // past the colon
      } else next = itemStep(children, index);
      i = this.ws(next ? this.visit(next, i) : this.skip(i));
      if (t.charCodeAt(i) !== 44) return i + 1; // } or ]
      i = this.ws(i + 1);
    }
  }
}

/** Offsets of the values on the paths to `pointers` in the valid JSON between `start` and `end`. */
export function findPointers(text: string, pointers: readonly string[], start = 0, end = text.length): Map<string, number> {
  const span = start === 0 && end === text.length ? text : text.slice(0, end);
  const finder = new Finder(span);
  let i = start;
  while (isSpace(span.charCodeAt(i))) i++;
  finder.visit(trieOf(pointers), i);
  return finder.found;
}
