/**
 * The references to a ledger not seen yet at their document's visit, decided at the end of the
 * scan: for each, the document's seq, where the reference is (when that was known at the visit) and
 * the ledger id it names, in paged typed arrays; each distinct ledger id is kept once as text (a
 * log of receipts naming one ledger outside it costs 16 bytes a receipt, off V8's heap).
 */
import type { Position } from '../parse/line-index.js';
import { PagedColumn } from './paged-column.js';

export class PendingRefs {
  private readonly seqs = new PagedColumn(Int32Array);
  /** 0: the place was not known at the visit. */
  private readonly lines = new PagedColumn(Int32Array);
  private readonly columns = new PagedColumn(Int32Array);
  private readonly refNumbers = new PagedColumn(Int32Array);
  private readonly refs: string[] = [];
  private readonly numberOfRef = new Map<string, number>();

  push(seq: number, ref: string, at: Position | undefined): void {
    let number = this.numberOfRef.get(ref);
    if (number === undefined) {
      number = this.refs.push(ref) - 1;
      this.numberOfRef.set(ref, number);
    }
    this.seqs.push(seq);
    this.lines.push(at?.line ?? 0);
    this.columns.push(at?.column ?? 0);
    this.refNumbers.push(number);
  }

  /** Each reference, in the order they were pushed. */
  forEach(visit: (seq: number, ref: string, at: Position | undefined) => void): void {
    for (let i = 0; i < this.seqs.length; i++) {
      const line = this.lines.at(i);
      visit(this.seqs.at(i), this.refs[this.refNumbers.at(i)] as string, line === 0 ? undefined : { line, column: this.columns.at(i) });
    }
  }
}
