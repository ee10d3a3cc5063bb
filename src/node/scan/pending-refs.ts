/**
 * The references to a ledger not seen yet at their document's visit: for each, the document's seq,
 * where the reference is (when that was known at the visit) and the ledger id it names, in paged
 * typed arrays; each distinct ledger id is kept once as text (a log of receipts naming one ledger
 * outside it costs 20 bytes a receipt, off V8's heap). The references to one ledger are chained, so
 * that when the ledger comes, its waiting documents are known at once (`settle`); those still
 * unsettled at the end of the scan are the ones to judge.
 */
import type { Position } from '../parse/line-index.js';
import { PagedColumn } from './paged-column.js';

export class PendingRefs {
  private readonly seqs = new PagedColumn(Int32Array);
  /** 0: the place was not known at the visit. */
  private readonly lines = new PagedColumn(Int32Array);
  private readonly columns = new PagedColumn(Int32Array);
  private readonly refNumbers = new PagedColumn(Int32Array);
  /** The next reference to the same ledger id, + 1 (0: none). */
  private readonly nextSame = new PagedColumn(Int32Array);
  private readonly refs: string[] = [];
  private readonly numberOfRef = new Map<string, number>();
  /** By ref number: its first and last reference, + 1; -1 once settled. */
  private readonly first: number[] = [];
  private readonly last: number[] = [];

  push(seq: number, ref: string, at: Position | undefined): void {
    let number = this.numberOfRef.get(ref);
    if (number === undefined) {
      number = this.refs.push(ref) - 1;
      this.numberOfRef.set(ref, number);
      this.first.push(0);
      this.last.push(0);
    }
    const entry = this.seqs.push(seq);
    this.lines.push(at?.line ?? 0);
    this.columns.push(at?.column ?? 0);
    this.refNumbers.push(number);
    this.nextSame.push(0);
    const last = this.last[number] as number;
    if (last > 0) this.nextSame.set(last - 1, entry + 1);
    else this.first[number] = entry + 1;
    this.last[number] = entry + 1;
  }

  /** The seqs of the documents whose reference names `ledgerId`, once: the ledger has come. */
  settle(ledgerId: string): number[] {
    const number = this.numberOfRef.get(ledgerId);
    if (number === undefined || this.first[number] === -1) return [];
    const seqs: number[] = [];
    for (let entry = this.first[number] as number; entry > 0; entry = this.nextSame.at(entry - 1)) seqs.push(this.seqs.at(entry - 1));
    this.first[number] = -1;
    this.last[number] = -1;
    return seqs;
  }

  /** Each reference not settled, in the order they were pushed. */
  forEach(visit: (seq: number, ref: string, at: Position | undefined) => void): void {
    for (let i = 0; i < this.seqs.length; i++) {
      const number = this.refNumbers.at(i);
      if (this.first[number] === -1) continue;
      const line = this.lines.at(i);
      visit(this.seqs.at(i), this.refs[number] as string, line === 0 ? undefined : { line, column: this.columns.at(i) });
    }
  }
}
