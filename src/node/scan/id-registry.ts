/**
 * Remembers which document first carried each id, in a few bytes an id, never the id itself: a
 * 30-bit hash of the id (a small integer key) maps to a slot holding the first document's seq, a
 * second 53-bit hash of the id that tells two ids of one key apart, and the fingerprint of that
 * document's content. Ids whose keys collide with another id's are kept whole in a table of their
 * own (a few in a million).
 */
import { hash53 } from './string-hash.js';

/** The first document with an id: its seq and its content fingerprint. */
export interface FirstHolder {
  seq: number;
  content: number;
}

const CHECK_SEED = 0x9e3779b9;

export class IdRegistry {
  private readonly byKey = new Map<number, number>();
  private readonly collided = new Map<string, number>();
  private seqs = new Int32Array(1024);
  private checks = new Float64Array(1024);
  private contents = new Float64Array(1024);
  private length = 0;

  /** The first holder of `id`, or undefined (and the document `seq`, of content `content`, is recorded as its first holder). */
  firstOf(id: string, seq: number, content = 0): FirstHolder | undefined {
    const key = hash53(id) % 0x40000000; // a small integer: no heap number a key
    const check = hash53(id, CHECK_SEED);
    const slot = this.byKey.get(key);
    if (slot === undefined) {
      this.byKey.set(key, this.add(seq, check, content));
      return undefined;
    }
    if (this.checks[slot] === check) return this.holder(slot);
    const other = this.collided.get(id);
    if (other !== undefined) return this.holder(other);
    this.collided.set(id, this.add(seq, check, content));
    return undefined;
  }

  private holder(slot: number): FirstHolder {
    return { seq: this.seqs[slot] as number, content: this.contents[slot] as number };
  }

  private add(seq: number, check: number, content: number): number {
    if (this.length === this.seqs.length) {
      const size = this.length * 2;
      this.seqs = grow(new Int32Array(size), this.seqs);
      this.checks = grow(new Float64Array(size), this.checks);
      this.contents = grow(new Float64Array(size), this.contents);
    }
    this.seqs[this.length] = seq;
    this.checks[this.length] = check;
    this.contents[this.length] = content;
    return this.length++;
  }
}

function grow<T extends Int32Array | Float64Array>(bigger: T, from: T): T {
  bigger.set(from);
  return bigger;
}
