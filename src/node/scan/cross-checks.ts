/**
 * Checks across documents, fed one document at a time in scan order and keeping only small facts:
 * - one `id` on two SourceOS documents with different content: error (at the later one);
 * - a signal header id used again: warning (at the later one);
 * - more unexpired leases in one domain than its budget: error (at each lease past the budget,
 *   unless it says `override: true`), decided at the end;
 * - a `capabilityLedgerRef` naming no ledger of the scan while the scan holds ledgers: warning,
 *   decided at the end.
 */
import type { ContractName } from '../../index.js';
import path from 'node:path';
import { BUDGETS_FILE, readLeaseBudget } from './lease-budgets.js';
import type { DocumentRereader } from './reread.js';
import { sameContent } from './same-content.js';
import type { LocatedIssue, ScannedDocument } from './types.js';

/** Where a document is: its order in the scan, its file and the line it starts on. */
export interface DocumentRef {
  seq: number;
  source: string;
  line: number;
  contract: ContractName | null;
}

export interface DeferredIssue {
  ref: DocumentRef;
  issue: LocatedIssue;
}

type Place = { source: string; line: number };

export class CrossDocumentChecks {
  private readonly ids = new Map<string, Place>();
  private readonly signalIds = new Map<string, Place>();
  private readonly ledgers = new Set<string>();
  private pendingRefs: { ref: DocumentRef; ledgerRef: string }[] = [];
  private readonly leases: { ref: DocumentRef; domain: string; root: string; override: boolean }[] = [];

  constructor(
    private readonly rereader: DocumentRereader,
    private readonly now: number,
    private readonly display: (source: string) => string,
  ) {}

  private issue(ref: DocumentRef, code: string, severity: 'error' | 'warning', pointer: string, message: string): LocatedIssue {
    const { line, column } = this.rereader.position(ref.source, ref.line, pointer);
    return { code, severity, pointer, message, line, column };
  }

  private where(place: Place): string {
    return `${this.display(place.source)}:${place.line}`;
  }

  /** Issues found now for this document; the caller adds them to it. */
  visit(document: ScannedDocument, ref: DocumentRef): LocatedIssue[] {
    const facts = document.facts;
    if (!facts) return [];
    const found: LocatedIssue[] = [];
    const here: Place = { source: ref.source, line: ref.line };
    if (facts.id !== undefined) {
      const first = this.ids.get(facts.id);
      if (!first) this.ids.set(facts.id, here);
      else if (!sameContent(this.rereader.value(first.source, first.line), this.rereader.value(ref.source, ref.line))) {
        found.push(this.issue(ref, 'scan/duplicate-id', 'error', '/id', `id ${JSON.stringify(facts.id)} is also the id of a different document at ${this.where(first)}`));
      }
    }
    if (facts.ledgerId !== undefined) this.ledgers.add(facts.ledgerId);
    if (facts.ledgerRef !== undefined && !this.ledgers.has(facts.ledgerRef)) this.pendingRefs.push({ ref, ledgerRef: facts.ledgerRef });
    if (facts.signalId !== undefined) {
      const first = this.signalIds.get(facts.signalId);
      if (!first) this.signalIds.set(facts.signalId, here);
      else {
        found.push(this.issue(ref, 'scan/repeated-signal-id', 'warning', '/header/id', `signal header id ${JSON.stringify(facts.signalId)} is also used by the signal at ${this.where(first)}`));
      }
    }
    if (facts.lease && facts.lease.expiresAt > this.now) {
      this.leases.push({ ref, domain: facts.lease.domain, root: facts.lease.root, override: facts.lease.override });
    }
    return found;
  }

  /** Issues that only the whole scan can decide, for documents already passed. */
  async finish(): Promise<DeferredIssue[]> {
    const deferred: DeferredIssue[] = [];
    await this.leaseBudgets(deferred);
    if (this.ledgers.size > 0) {
      for (const { ref, ledgerRef } of this.pendingRefs) {
        if (this.ledgers.has(ledgerRef)) continue;
        const message = `capabilityLedgerRef ${JSON.stringify(ledgerRef)} names no CapabilityLedger of this scan (it holds ${this.ledgers.size})`;
        deferred.push({ ref, issue: this.issue(ref, 'scan/unknown-ledger', 'warning', '/capabilityLedgerRef', message) });
      }
    }
    this.pendingRefs = [];
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
      if (!budget) budgets.set(root, (budget = await readLeaseBudget(root, this.display(path.join(root, BUDGETS_FILE)))));
      if (pool.length <= budget.max) continue;
      for (const lease of pool.slice(budget.max)) {
        if (lease.override) continue;
        const message = `domain ${JSON.stringify(domain)} holds ${pool.length} unexpired leases, over its budget of ${budget.max} (${budget.origin})`;
        deferred.push({ ref: lease.ref, issue: this.issue(lease.ref, 'scan/lease-budget', 'error', '/domain', message) });
      }
    }
  }
}
