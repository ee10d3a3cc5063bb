/**
 * Finds where a few JSON pointers point in valid JSON text, fast: it follows only the members on
 * the way to the wanted pointers and skips every other value without building anything. For each
 * wanted pointer, the offset of the deepest value on its path that exists (the value itself, or
 * the object that lacks it) is found. Used to place issues on documents JSON.parse accepted.
 */
import { stringEnd } from './string-end.js';

interface Step {
  pointer: string;
  children: Map<string, Step>;
}

function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

function trieOf(pointers: readonly string[]): Step {
  const root: Step = { pointer: '', children: new Map() };
  for (let p = 0; p < pointers.length; p++) {
    const pointer = pointers[p] as string;
    let node = root;
    if (pointer === '') continue;
    const tokens = pointer.slice(1).split('/');
    for (let t = 0; t < tokens.length; t++) {
      const raw = tokens[t] as string;
      const token = unescapeToken(raw);
      let next = node.children.get(token);
      if (!next) {
        next = { pointer: `${node.pointer}/${raw}`, children: new Map() };
        node.children.set(token, next);
      }
      node = next;
    }
  }
  return root;
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
    if (step.children.size === 0 || (c !== 123 && c !== 91)) return this.skip(i);
    i = this.ws(i + 1);
    if (t.charCodeAt(i) === 125 || t.charCodeAt(i) === 93) return i + 1;
    for (let index = 0; ; index++) {
      let key: string;
      if (c === 123) {
        const end = this.endOfString(i);
        const raw = t.slice(i + 1, end - 1);
        key = raw.includes('\\') ? (JSON.parse(t.slice(i, end)) as string) : raw;
        i = this.ws(this.ws(end) + 1); // past the colon
      } else key = String(index);
      const next = step.children.get(key);
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
