/**
 * Checks across documents, fed one document at a time in scan order and keeping only small facts:
 * - one `id` on two SourceOS documents with different content: error (at the later one);
 * - a signal header id used again: warning (at the later one);
 * - more unexpired leases in one domain than its budget: error (at each lease past the budget,
 *   unless it says `override: true`), decided at the end;
 * - a `capabilityLedgerRef` naming no ledger of the scan while the scan holds ledgers: warning,
 *   decided at the end.
 */
import path from 'node:path';
import { compareInstants, type Instant } from '../../rules/instant.js';
import type { DocumentIndex } from './document-index.js';
import { boundedMessage } from './limits.js';
import { BUDGETS_FILE, readLeaseBudget } from './lease-budgets.js';
import type { DocumentRereader } from './reread.js';
import { sameContent } from './same-content.js';
import { IdRegistry } from './id-registry.js';
import { hash53 } from './string-hash.js';
import type { LocatedIssue, ScannedDocument } from './types.js';

/** An issue for a document already passed, by its number in the scan. */
export interface DeferredIssue {
  seq: number;
  issue: LocatedIssue;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A growable list of (seq, hash) pairs in typed arrays: 12 bytes an entry. */
class PendingRefs {
  seqs = new Int32Array(256);
  hashes = new Float64Array(256);
  length = 0;

  push(seq: number, hash: number): void {
    if (this.length === this.seqs.length) {
      const seqs = new Int32Array(this.length * 2);
      const hashes = new Float64Array(this.length * 2);
      seqs.set(this.seqs);
      hashes.set(this.hashes);
      this.seqs = seqs;
      this.hashes = hashes;
    }
    this.seqs[this.length] = seq;
    this.hashes[this.length++] = hash;
  }
}

export class CrossDocumentChecks {
  /** id → seq of the first document with it */
  private readonly ids: IdRegistry;
  /** signal header id → seq of the first signal with it */
  private readonly signalIds: IdRegistry;
  /** hashes of the ids of the ledgers seen */
  private readonly ledgers = new Set<number>();
  private pendingRefs = new PendingRefs();
  private readonly leases: { seq: number; domain: string; root: string; override: boolean }[] = [];

  constructor(
    private readonly index: DocumentIndex,
    private readonly rereader: DocumentRereader,
    private readonly now: Instant,
    private readonly display: (source: string) => string,
  ) {
    this.ids = new IdRegistry((seq) => {
      const doc = this.value(seq);
      return isRecord(doc) && typeof doc.id === 'string' ? doc.id : undefined;
    });
    this.signalIds = new IdRegistry((seq) => {
      const doc = this.value(seq);
      return isRecord(doc) && isRecord(doc.header) && typeof doc.header.id === 'string' ? doc.header.id : undefined;
    });
  }

  private issue(seq: number, code: string, severity: 'error' | 'warning', pointer: string, message: string): LocatedIssue {
    const { line, column } = this.rereader.position(this.index.source(seq), this.index.line(seq), pointer);
    return { code, severity, pointer, message: boundedMessage(message), line, column };
  }

  private where(seq: number): string {
    return `${this.display(this.index.source(seq))}:${this.index.line(seq)}`;
  }

  private value(seq: number): unknown {
    return this.rereader.value(this.index.source(seq), this.index.line(seq));
  }

  /** Issues found now for document `seq`; the caller adds them to it. */
  visit(document: ScannedDocument, seq: number): LocatedIssue[] {
    const facts = document.facts;
    if (!facts) return [];
    const found: LocatedIssue[] = [];
    if (facts.id !== undefined) {
      const first = this.ids.firstOf(facts.id, seq);
      if (first !== undefined) {
        // the same id again: read both documents; other content is the error
        if (!sameContent(this.value(first), this.value(seq))) {
          found.push(this.issue(seq, 'scan/duplicate-id', 'error', '/id', `id ${JSON.stringify(facts.id)} is also the id of a different document at ${this.where(first)}`));
        }
      }
    }
    if (facts.ledgerId !== undefined) this.ledgers.add(hash53(facts.ledgerId));
    if (facts.ledgerRef !== undefined) {
      const key = hash53(facts.ledgerRef);
      if (!this.ledgers.has(key)) this.pendingRefs.push(seq, key);
    }
    if (facts.signalId !== undefined) {
      const first = this.signalIds.firstOf(facts.signalId, seq);
      if (first !== undefined) {
        found.push(this.issue(seq, 'scan/repeated-signal-id', 'warning', '/header/id', `signal header id ${JSON.stringify(facts.signalId)} is also used by the signal at ${this.where(first)}`));
      }
    }
    if (facts.lease && compareInstants(facts.lease.expiresAt, this.now) > 0) {
      this.leases.push({ seq, domain: facts.lease.domain, root: facts.lease.root, override: facts.lease.override });
    }
    return found;
  }

  /** Issues that only the whole scan can decide, for documents already passed. */
  async finish(): Promise<DeferredIssue[]> {
    const deferred: DeferredIssue[] = [];
    await this.leaseBudgets(deferred);
    if (this.ledgers.size > 0) {
      const { seqs, hashes, length } = this.pendingRefs;
      for (let i = 0; i < length; i++) {
        if (this.ledgers.has(hashes[i] as number)) continue;
        const seq = seqs[i] as number;
        const doc = this.value(seq);
        const ledgerRef = isRecord(doc) ? String(doc.capabilityLedgerRef) : '?';
        const message = `capabilityLedgerRef ${JSON.stringify(ledgerRef)} names no CapabilityLedger of this scan (it holds ${this.ledgers.size})`;
        deferred.push({ seq, issue: this.issue(seq, 'scan/unknown-ledger', 'warning', '/capabilityLedgerRef', message) });
      }
    }
    this.pendingRefs = new PendingRefs();
    return deferred;
  }

  private async leaseBudgets(deferred: DeferredIssue[]): Promise<void> {
    const pools = new Map<string, typeof this.leases>();
    for (const lease of this.leases) {
      const key = `${lease.root}\u0000${lease.domain}`;
      const pool = pools.get(key);
      if (pool) pool.push(lease);
      else pools.set(key, [lease]);
    }
    const budgets = new Map<string, Awaited<ReturnType<typeof readLeaseBudget>>>();
    for (const pool of pools.values()) {
      const { root, domain } = pool[0] as (typeof pool)[number];
      let budget = budgets.get(root);
      if (!budget) {
        budgets.set(root, (budget = await readLeaseBudget(root, this.display(path.join(root, BUDGETS_FILE)))));
        // a budgets file refused unread: said once, on the first live lease it would have governed
        const first = (pool[0] as (typeof pool)[number]).seq;
        if (budget.refused) deferred.push({ seq: first, issue: this.issue(first, budget.refused.code, 'warning', '', budget.refused.message) });
      }
      if (pool.length <= budget.max) continue;
      for (const lease of pool.slice(budget.max)) {
        if (lease.override) continue;
        const message = `domain ${JSON.stringify(domain)} holds ${pool.length} unexpired leases, over its budget of ${budget.max} (${budget.origin})`;
        deferred.push({ seq: lease.seq, issue: this.issue(lease.seq, 'scan/lease-budget', 'error', '/domain', message) });
      }
    }
  }
}
