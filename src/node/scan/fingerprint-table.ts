/**
 * A set of fingerprints (pairs of 53-bit hashes: a `key` and a `check`), each given an entry number
 * in the order they were first added, in typed arrays only: an open-addressing table of entry
 * numbers (linear probing, at most three quarters full) beside paged columns of the pairs. About
 * 22 bytes a fingerprint, off V8's heap; nothing is kept per fingerprint on it.
 */
import { PagedColumn } from './paged-column.js';

const FIRST_CAPACITY = 1024;

export class FingerprintTable {
  /** Entry number + 1 of the fingerprint in each slot; 0: empty. */
  private slots = new Int32Array(FIRST_CAPACITY);
  private readonly keys = new PagedColumn(Float64Array);
  private readonly checks = new PagedColumn(Float64Array);

  /** How many fingerprints the table holds. */
  get size(): number {
    return this.keys.length;
  }

  /** The entry of (`key`, `check`) when the table holds it; otherwise it is added: `-1 - ` its new entry. */
  entryOf(key: number, check: number): number {
    const mask = this.slots.length - 1;
    // the low 32 bits of the key (a non-negative integer below 2^53) choose the first slot
    for (let slot = (key >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === 0) break;
      if (this.keys.at(held - 1) === key && this.checks.at(held - 1) === check) return held - 1;
    }
    const entry = this.keys.push(key);
    this.checks.push(check);
    if (4 * this.keys.length > 3 * this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(this.slots, entry);
    return -1 - entry;
  }

  /** Whether the table holds (`key`, `check`). */
  has(key: number, check: number): boolean {
    const mask = this.slots.length - 1;
    for (let slot = (key >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === 0) return false;
      if (this.keys.at(held - 1) === key && this.checks.at(held - 1) === check) return true;
    }
  }

  private place(slots: Int32Array, entry: number): void {
    const mask = slots.length - 1;
    let slot = (this.keys.at(entry) >>> 0) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    for (let entry = 0; entry < this.keys.length; entry++) this.place(slots, entry);
    this.slots = slots;
  }
}
