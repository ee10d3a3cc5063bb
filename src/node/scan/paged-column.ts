/**
 * A column of numbers that only grows, kept off V8's heap in typed arrays of a fixed number of
 * entries each (pages): appending never copies what is stored, so a column of a million entries
 * costs its entries and no twice-as-large copy while it grows, and V8's heap (which it sizes after
 * what it holds) does not grow with it.
 */

/** Entries a page (a power of two). */
const PAGE_BITS = 14;
const PAGE = 1 << PAGE_BITS;
const IN_PAGE = PAGE - 1;

type TypedArray = Int32Array | Uint8Array | Uint16Array | Float64Array;
type TypedArrayOf = { new (length: number): TypedArray };

export class PagedColumn {
  private readonly pages: TypedArray[] = [];
  private count = 0;

  constructor(private readonly Page: TypedArrayOf) {}

  get length(): number {
    return this.count;
  }

  /** Appends a value; returns its index. */
  push(value: number): number {
    const i = this.count;
    if ((i & IN_PAGE) === 0) this.pages.push(new this.Page(PAGE));
    (this.pages[i >>> PAGE_BITS] as TypedArray)[i & IN_PAGE] = value;
    return this.count++;
  }

  /** Sets the value at `i` (0 <= i < length). */
  set(i: number, value: number): void {
    (this.pages[i >>> PAGE_BITS] as TypedArray)[i & IN_PAGE] = value;
  }

  /** The value at `i` (0 <= i < length). */
  at(i: number): number {
    return (this.pages[i >>> PAGE_BITS] as TypedArray)[i & IN_PAGE] as number;
  }
}
