/**
 * Remembers which document first carried each id, in about 36 bytes an id and never the id itself:
 * the id's fingerprint (two 53-bit hashes of it, with different seeds: two ids are taken for one
 * with a chance of about 2^-106) in a FingerprintTable, and by its entry number the first
 * document's seq and the fingerprint of that document's content, once known (a file's is taken
 * only when its id comes again). All in typed arrays, off V8's heap.
 */
import { FingerprintTable } from './fingerprint-table.js';
import { PagedColumn } from './paged-column.js';
import { hash53 } from './string-hash.js';

/** The first document with an id: its seq and its content fingerprint (NaN: not taken yet), by its entry. */
export interface FirstHolder {
  entry: number;
  seq: number;
  content: number;
}

const CHECK_SEED = 0x9e3779b9;

export class IdRegistry {
  private readonly table = new FingerprintTable();
  private readonly seqs = new PagedColumn(Int32Array);
  private readonly contents = new PagedColumn(Float64Array);

  /**
   * The first holder of `id`, or undefined (and the document `seq`, of content `content`, is
   * recorded as its first holder; NaN: its content is not known yet).
   */
  firstOf(id: string, seq: number, content = 0): FirstHolder | undefined {
    const entry = this.table.entryOf(hash53(id), hash53(id, CHECK_SEED));
    if (entry >= 0) return { entry, seq: this.seqs.at(entry), content: this.contents.at(entry) };
    this.seqs.push(seq);
    this.contents.push(content);
    return undefined;
  }

  /** Records the content of a first holder, once it is known. */
  setContent(entry: number, content: number): void {
    this.contents.set(entry, content);
  }
}

/** A set of strings remembered by their fingerprints only (a string and another are taken for one with a chance of about 2^-106). */
export class FingerprintSet {
  private readonly table = new FingerprintTable();

  get size(): number {
    return this.table.size;
  }

  add(text: string): void {
    this.table.entryOf(hash53(text), hash53(text, CHECK_SEED));
  }

  has(text: string): boolean {
    return this.table.has(hash53(text), hash53(text, CHECK_SEED));
  }
}
