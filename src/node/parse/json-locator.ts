/**
 * A strict JSON (RFC 8259) reader that keeps positions: for every value the offset where it
 * starts, keyed by its RFC 6901 JSON pointer; every duplicate key of an object; the first syntax
 * error; and nesting deeper than a limit. It builds no value (JSON.parse does that far faster):
 * it runs only when a document must be located, is suspected of a duplicate key, or does not
 * parse. Recursion stops at the depth limit, so hostile nesting cannot overflow the stack.
 */
import { escapePointerToken } from './pointer.js';

export interface SyntaxProblem {
  offset: number;
  pointer: string;
  message: string;
}

export interface DuplicateKey {
  key: string;
  pointer: string;
  /** Offset of the second (or later) occurrence of the key. */
  offset: number;
  /** Offset of the first occurrence in the same object. */
  firstOffset: number;
}

export interface DepthProblem {
  offset: number;
  pointer: string;
  depth: number;
}

export interface JsonLayout {
  /** Offset of the first character of each value, by JSON pointer ("" is the document). */
  positions: Map<string, number>;
  /** The first duplicate keys, at most the limit the reader was given; the others are only counted. */
  duplicates: DuplicateKey[];
  /** Duplicate keys found past the limit, not listed. */
  moreDuplicates: number;
  syntax?: SyntaxProblem;
  tooDeep?: DepthProblem;
}

const WS_SPACE = 32;
const WS_TAB = 9;
const WS_LF = 10;
const WS_CR = 13;

/** Thrown to stop reading: a plain object, since an Error would capture a stack each time. */
const STOP = Object.freeze({ stop: true });

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'end of input';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${ch}'`;
}

class Locator {
  private i: number;
  readonly layout: JsonLayout = { positions: new Map(), duplicates: [], moreDuplicates: 0 };

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly maxDepth: number,
    private readonly maxDuplicates: number,
    private readonly keepPositions: boolean,
  ) {
    this.i = start;
  }

  run(): JsonLayout {
    try {
      this.skipWs();
      this.value('', 0);
      this.skipWs();
      if (this.i < this.end) this.fail(`unexpected ${describe(this.text[this.i])} after the end of the JSON value`, '');
    } catch (e) {
      if (e !== STOP) throw e;
    }
    return this.layout;
  }

  private fail(message: string, pointer: string, offset = this.i): never {
    this.layout.syntax = { offset: Math.min(offset, this.end), pointer, message };
    throw STOP;
  }

  private peek(): string | undefined {
    return this.i < this.end ? this.text[this.i] : undefined;
  }

  private skipWs(): void {
    const t = this.text;
    while (this.i < this.end) {
      const c = t.charCodeAt(this.i);
      if (c === WS_SPACE || c === WS_LF || c === WS_CR || c === WS_TAB) this.i++;
      else break;
    }
  }

  private value(pointer: string, depth: number): void {
    const ch = this.peek();
    if (this.keepPositions) this.layout.positions.set(pointer, this.i);
    switch (ch) {
      case '{':
      case '[':
        if (depth + 1 > this.maxDepth) {
          this.layout.tooDeep = { offset: this.i, pointer, depth: depth + 1 };
          throw STOP;
        }
        if (ch === '{') this.object(pointer, depth + 1);
        else this.array(pointer, depth + 1);
        return;
      case '"':
        this.string(pointer);
        return;
      case 't':
        return this.literal('true', pointer);
      case 'f':
        return this.literal('false', pointer);
      case 'n':
        return this.literal('null', pointer);
      default:
        if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.number(pointer);
        this.fail(`unexpected ${describe(ch)}, expected a JSON value`, pointer);
    }
  }

  private literal(word: string, pointer: string): void {
    if (this.text.startsWith(word, this.i) && this.i + word.length <= this.end) {
      this.i += word.length;
      return;
    }
    let j = this.i;
    while (j < this.end && /[A-Za-z0-9_$]/.test(this.text[j] as string)) j++;
    this.fail(`unexpected '${this.text.slice(this.i, Math.max(j, this.i + 1))}', expected a JSON value`, pointer);
  }

  private number(pointer: string): void {
    const t = this.text;
    const digits = (): number => {
      const from = this.i;
      while (this.i < this.end && t.charCodeAt(this.i) >= 48 && t.charCodeAt(this.i) <= 57) this.i++;
      return this.i - from;
    };
    if (t[this.i] === '-') this.i++;
    if (t[this.i] === '0' && this.i < this.end) {
      this.i++;
      if (this.i < this.end && t.charCodeAt(this.i) >= 48 && t.charCodeAt(this.i) <= 57) {
        this.fail('a number may not have a leading zero', pointer);
      }
    } else if (digits() === 0) this.fail(`unexpected ${describe(this.peek())} in a number, expected a digit`, pointer);
    if (this.peek() === '.') {
      this.i++;
      if (digits() === 0) this.fail(`unexpected ${describe(this.peek())} after the decimal point, expected a digit`, pointer);
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.i++;
      if (this.peek() === '+' || this.peek() === '-') this.i++;
      if (digits() === 0) this.fail(`unexpected ${describe(this.peek())} in an exponent, expected a digit`, pointer);
    }
  }

  /** Reads a string token and returns its decoded value. */
  private string(pointer: string): string {
    const t = this.text;
    const open = this.i;
    this.i++;
    let escaped = false;
    while (this.i < this.end) {
      const c = t.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        const raw = t.slice(open, this.i);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (c === 92) {
        escaped = true;
        const e = t[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9A-Fa-f]{4}$/.test(t.slice(this.i + 2, this.i + 6)) || this.i + 6 > this.end) {
            this.fail('invalid \\u escape in a string, expected four hexadecimal digits', pointer);
          }
          this.i += 6;
        } else if (e !== undefined && this.i + 1 < this.end && '"\\/bfnrt'.includes(e)) {
          this.i += 2;
        } else {
          this.fail(`invalid escape ${e === undefined || this.i + 1 >= this.end ? 'at the end of input' : `'\\${e}'`} in a string`, pointer);
        }
        continue;
      }
      if (c < 0x20) this.fail(`${describe(t[this.i])} inside a string (it must be escaped)`, pointer);
      this.i++;
    }
    return this.fail('unterminated string', pointer, open);
  }

  private object(pointer: string, depth: number): void {
    this.i++; // {
    this.skipWs();
    if (this.peek() === '}') {
      this.i++;
      return;
    }
    const seen = new Map<string, number>();
    for (;;) {
      if (this.peek() !== '"') this.fail(`unexpected ${describe(this.peek())}, expected a property name in double quotes`, pointer);
      const keyOffset = this.i;
      const key = this.string(pointer);
      const child = `${pointer}/${escapePointerToken(key)}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, keyOffset);
      else if (this.layout.duplicates.length < this.maxDuplicates) this.layout.duplicates.push({ key, pointer: child, offset: keyOffset, firstOffset: first });
      else this.layout.moreDuplicates++;
      this.skipWs();
      if (this.peek() !== ':') this.fail(`unexpected ${describe(this.peek())} after property name "${key}", expected ':'`, pointer);
      this.i++;
      this.skipWs();
      this.value(child, depth);
      if (this.endOfItem('}', 'a property value', pointer)) return;
    }
  }

  private array(pointer: string, depth: number): void {
    this.i++; // [
    this.skipWs();
    if (this.peek() === ']') {
      this.i++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(`${pointer}/${index}`, depth);
      if (this.endOfItem(']', 'an array element', pointer)) return;
    }
  }

  /** After a member or an element: true at the closing bracket, false past a comma (another item follows). */
  private endOfItem(close: '}' | ']', what: string, pointer: string): boolean {
    this.skipWs();
    const next = this.peek();
    if (next === ',') {
      this.i++;
      this.skipWs();
      return false;
    }
    if (next === close) {
      this.i++;
      return true;
    }
    return this.fail(`unexpected ${describe(next)} after ${what}, expected ',' or '${close}'`, pointer);
  }
}

/**
 * Reads the JSON text between `start` and `end` (default: all of it), recording positions,
 * duplicate keys, the first syntax error, and whether nesting exceeds `maxDepth`. Without
 * `keepPositions`, `positions` stays empty: a pointer a value, held at once, costs many times the
 * text, and what only looks for problems does not need them.
 */
export function locateJson(text: string, maxDepth: number, start = 0, end = text.length, maxDuplicates = Number.POSITIVE_INFINITY, keepPositions = true): JsonLayout {
  return new Locator(text, start, end, maxDepth, maxDuplicates, keepPositions).run();
}
