/**
 * Checks across documents, fed one document at a time in scan order and keeping only small facts:
 * - one `id` on two SourceOS documents with different content: error (at the later one);
 * - a signal header id used again: warning (at the later one);
 * - more unexpired leases in one domain than its budget: error (at each lease past the budget, in
 *   scan order; a lease that says `override: true` was granted past the budget on purpose and is
 *   not counted, wherever it stands), with the domain's count at the end;
 * - a `capabilityLedgerRef` naming no ledger of the scan while the scan holds ledgers: warning,
 *   decided at the end.
 * Where warnings are not listed (ScanOptions.listWarnings), they are only counted: none is placed,
 * and no document waits for one.
 * Ids are remembered as fingerprints (id-registry.ts), with the first holder's seq for the message;
 * a document's content as a fingerprint too, taken when its id comes again (a file is then read
 * again; a log's line and standard input have theirs from the scan). A document
 * that may still get an issue is `pending`, so that a report streaming documents holds it: a lease
 * past its budget (known at its visit where the budget can be read then), and a reference to a
 * ledger not seen yet, until the ledger comes (the visit of the ledger `released` it) or the end.
 */
import path from 'node:path';
import { compareInstants, type Instant } from '../../rules/instant.js';
import type { DocumentIndex } from './document-index.js';
import { boundedMessage } from './limits.js';
import { BUDGETS_FILE, readLeaseBudget, readLeaseBudgetNow, type LeaseBudget } from './lease-budgets.js';
import type { DocumentRereader } from './reread.js';
import { FingerprintSet, IdRegistry, type FirstHolder } from './id-registry.js';
import { PendingRefs } from './pending-refs.js';
import type { Position } from '../parse/line-index.js';
import type { LocatedIssue, ScannedDocument } from './types.js';

/** Where a pointer is in the document being visited, while its text is at hand. */
export type Locator = (pointer: string) => Position;

/** What visiting a document found now, whether it may get more issues, and the pending documents it settled. */
export interface Visit {
  issues: LocatedIssue[];
  pending: boolean;
  /** Documents visited before, pending until now, that will get no more issues. */
  released: readonly number[];
}

/** No document released (shared: never changed). */
const NONE_RELEASED: readonly number[] = Object.freeze([]);

/** An issue for a document already passed, by its number in the scan. */
export interface DeferredIssue {
  seq: number;
  issue: LocatedIssue;
}

/** The leases of one domain of one repository share a budget: their pool. */
const poolKey = (lease: { root: string; domain: string }): string => `${lease.root}\u0000${lease.domain}`;

/** The start of a lease's line, when its place was known at its visit (the root pointer of a log's line). */
const firstLine = (lease: LiveLease | undefined): Position | undefined => (lease?.at ? { line: lease.at.line, column: 1 } : undefined);

interface LiveLease {
  seq: number;
  domain: string;
  root: string;
  override: boolean;
  at: Position | undefined;
}

export class CrossDocumentChecks {
  /** id → seq of the first document with it */
  private readonly ids: IdRegistry;
  /** signal header id → seq of the first signal with it */
  private readonly signalIds: IdRegistry;
  /** the ids of the ledgers seen, as fingerprints */
  private readonly ledgers = new FingerprintSet();
  /** references to a ledger not seen at their visit */
  private pendingRefs = new PendingRefs();
  private readonly leases: LiveLease[] = [];
  /** Each repository's lease budget, read at its first live lease (or at the end, when it could not be then). */
  private readonly budgets = new Map<string, LeaseBudget>();
  /** The repositories whose refused budgets file was said already. */
  private readonly refusalSaid = new Set<string>();
  /** Per repository and domain, the live leases without override seen so far. */
  private readonly counted = new Map<string, number>();
  /** Warnings found and not listed (only counted), when warnings are not listed. */
  unlistedWarnings = 0;

  constructor(
    private readonly index: DocumentIndex,
    private readonly rereader: DocumentRereader,
    private readonly now: Instant,
    private readonly display: (source: string) => string,
    private readonly listWarnings = true,
  ) {
    this.ids = new IdRegistry();
    this.signalIds = new IdRegistry();
  }

  /** An issue at `pointer` in document `seq`: placed by `at` when known, else by reading the document again. */
  private issue(seq: number, code: string, severity: 'error' | 'warning', pointer: string, message: string, at?: Position): LocatedIssue {
    const { line, column } = at ?? this.rereader.position(this.index.source(seq), this.index.line(seq), pointer);
    return { code, severity, pointer, message: boundedMessage(message), line, column };
  }

  /** Whether a warning found is only counted (warnings are not listed); it is counted then. */
  private onlyCounted(): boolean {
    if (this.listWarnings) return false;
    this.unlistedWarnings++;
    return true;
  }

  private where(seq: number): string {
    return `${this.display(this.index.source(seq))}:${this.index.line(seq)}`;
  }

  /**
   * Issues found now for document `seq`; the caller adds them to it. `here` places a pointer in it
   * while its text is at hand (a log's line); without it, the document is read again when needed.
   */
  visit(document: ScannedDocument, seq: number, here?: Locator): Visit {
    const facts = document.facts;
    const visit: Visit = { issues: [], pending: false, released: NONE_RELEASED };
    if (!facts) return visit;
    const found = visit.issues;
    if (facts.id !== undefined) {
      const first = this.ids.firstOf(facts.id, seq, facts.content ?? Number.NaN);
      // the same id again: other content is the error
      if (first !== undefined && !this.sameContent(first, seq, facts.content)) {
        const message = `id ${JSON.stringify(facts.id)} is also the id of a different document at ${this.where(first.seq)}`;
        found.push(this.issue(seq, 'scan/duplicate-id', 'error', '/id', message, here?.('/id')));
      }
    }
    if (facts.ledgerId !== undefined) {
      this.ledgers.add(facts.ledgerId);
      visit.released = this.pendingRefs.settle(facts.ledgerId);
    }
    if (facts.ledgerRef !== undefined && !this.ledgers.has(facts.ledgerRef)) {
      // the warning, if the ledger never comes, is decided at the end: a document that lists it waits
      this.pendingRefs.push(seq, facts.ledgerRef, this.listWarnings ? here?.('/capabilityLedgerRef') : undefined);
      visit.pending = this.listWarnings;
    }
    if (facts.signalId !== undefined) {
      const first = this.signalIds.firstOf(facts.signalId, seq);
      if (first !== undefined && !this.onlyCounted()) {
        const message = `signal header id ${JSON.stringify(facts.signalId)} is also used by the signal at ${this.where(first.seq)}`;
        found.push(this.issue(seq, 'scan/repeated-signal-id', 'warning', '/header/id', message, here?.('/header/id')));
      }
    }
    if (facts.lease && compareInstants(facts.lease.expiresAt, this.now) > 0) {
      const { domain, root, override } = facts.lease;
      const lease: LiveLease = { seq, domain, root, override, at: here?.('/domain') };
      this.leases.push(lease);
      visit.pending = this.pastBudgetNow(lease, found);
    }
    return visit;
  }

  /**
   * Whether document `seq` (of content `content`, when it was taken) has the content of the first
   * holder of its id. A content not taken at the scan is taken now, from the file read again; one
   * that cannot be (the file is gone or changed) is taken for different.
   */
  private sameContent(first: FirstHolder, seq: number, content: number | undefined): boolean {
    let theirs = first.content;
    if (Number.isNaN(theirs)) {
      theirs = this.rereader.content(this.index.source(first.seq), this.index.line(first.seq));
      this.ids.setContent(first.entry, theirs);
    }
    const mine = content ?? this.rereader.content(this.index.source(seq), this.index.line(seq));
    return mine === theirs;
  }

  /**
   * Whether a live lease may be past its domain's budget, as far as its visit can tell: where the
   * budget can be read now, a lease without override is past it from the budget's count on (an
   * override never is); otherwise it waits for the end. A budgets file refused unread is said here,
   * on the first live lease it governs.
   */
  private pastBudgetNow(lease: LiveLease, found: LocatedIssue[]): boolean {
    let count = 0;
    if (!lease.override) {
      const key = poolKey(lease);
      count = (this.counted.get(key) ?? 0) + 1;
      this.counted.set(key, count);
    }
    let budget = this.budgets.get(lease.root);
    if (!budget) {
      budget = readLeaseBudgetNow(lease.root, this.display(path.join(lease.root, BUDGETS_FILE)));
      if (!budget) return true;
      this.budgets.set(lease.root, budget);
    }
    const refusal = this.refusalOnce(budget, lease);
    if (refusal) found.push(refusal);
    return !lease.override && count > budget.max;
  }

  /** A budgets file refused unread: said once a repository, on the first live lease it would have governed. */
  private refusalOnce(budget: LeaseBudget, first: LiveLease): LocatedIssue | undefined {
    if (!budget.refused || this.refusalSaid.has(first.root)) return undefined;
    this.refusalSaid.add(first.root);
    if (this.onlyCounted()) return undefined;
    return this.issue(first.seq, budget.refused.code, 'warning', '', budget.refused.message, firstLine(first));
  }

  /** Issues that only the whole scan can decide, for documents already passed. */
  async finish(): Promise<DeferredIssue[]> {
    const deferred: DeferredIssue[] = [];
    await this.leaseBudgets(deferred);
    if (this.ledgers.size > 0) {
      this.pendingRefs.forEach((seq, ref, at) => {
        if (this.ledgers.has(ref) || this.onlyCounted()) return;
        const message = `capabilityLedgerRef ${JSON.stringify(ref)} names no CapabilityLedger of this scan (it holds ${this.ledgers.size})`;
        deferred.push({ seq, issue: this.issue(seq, 'scan/unknown-ledger', 'warning', '/capabilityLedgerRef', message, at) });
      });
    }
    this.pendingRefs = new PendingRefs();
    return deferred;
  }

  private async leaseBudgets(deferred: DeferredIssue[]): Promise<void> {
    const pools = new Map<string, typeof this.leases>();
    for (const lease of this.leases) {
      const key = poolKey(lease);
      const pool = pools.get(key);
      if (pool) pool.push(lease);
      else pools.set(key, [lease]);
    }
    for (const pool of pools.values()) {
      const first = pool[0] as (typeof pool)[number];
      const { root, domain } = first;
      let budget = this.budgets.get(root);
      if (!budget) this.budgets.set(root, (budget = await readLeaseBudget(root, this.display(path.join(root, BUDGETS_FILE)))));
      const refusal = this.refusalOnce(budget, first);
      if (refusal) deferred.push({ seq: first.seq, issue: refusal });
      // a store grants a lease without override only below the budget: those never outnumber it
      const counted = pool.filter((lease) => !lease.override);
      if (counted.length <= budget.max) continue;
      for (const lease of counted.slice(budget.max)) {
        const message = `domain ${JSON.stringify(domain)} holds ${pool.length} unexpired leases, over its budget of ${budget.max} (${budget.origin})`;
        deferred.push({ seq: lease.seq, issue: this.issue(lease.seq, 'scan/lease-budget', 'error', '/domain', message, lease.at) });
      }
    }
  }
}
