/**
 * A lease store on a folder, `<root>/.substrate/state/leases/`, driven by the lease machine. Each
 * operation takes the folder's lock, reads the leases and the budget, runs the pure transition with
 * the time read under the lock, applies what it emitted (write: a temporary file in the holder's
 * private folder, flushed, then renamed or linked into place; remove: renamed out into the private
 * folder), flushes the folder and lets the lock go. See docs/lease-store.md.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Lease } from '../../../generated/types/index.js';
import { LEASE_DIR } from '../../machines/kernel/conventions.js';
import type { Refusal } from '../../machines/kernel/outcome.js';
import { timestamp, type Rfc3339 } from '../../machines/kernel/time.js';
import {
  claimLease,
  collectExpiredLeases,
  createLeaseBoard,
  leaseFileName,
  releaseLease,
  renewLease,
  type LeaseBoard,
  type LeaseClaim,
  type LeaseEmission,
  type LeaseRefusalCode,
} from '../../machines/lease/index.js';
import { readLeaseBudget } from '../scan/lease-budgets.js';
import { applyEmission, ChangedOnDisk, LockLost } from './apply-emission.js';
import { readLeaseFolder, syncFolder, type LeaseFolder, type UnreadableLease } from './lease-files.js';
import { acquireLock, type HeldLock } from './lock.js';
import type { LeaseStoreRefusalCode } from './refusals.js';

export type LeaseOperation = 'claim' | 'renew' | 'release' | 'gc';

/** What an operation saw and did, reported while it holds the lock (for journals and audits). */
export interface LeaseStoreRecord {
  /** `intent`: about to apply `emitted`; `done`: `emitted` were all applied. */
  readonly phase: 'intent' | 'done';
  readonly operation: LeaseOperation;
  readonly now: Rfc3339;
  readonly maxLeasesPerDomain: number;
  /** The valid leases on disk when the operation read them, under the lock. */
  readonly observed: readonly Lease[];
  /** The files of the folder that are not valid leases, when the operation read them. */
  readonly unreadable: readonly UnreadableLease[];
  readonly emitted: readonly LeaseEmission[];
}

export interface LeaseStoreOptions {
  /** The clock, read under the lock (default: the system clock, whole seconds, UTC). */
  readonly now?: () => Rfc3339;
  /** A lock older than this is stolen (default 10 000 ms). A dead holder on this host is stolen at once. */
  readonly staleLockMs?: number;
  /** How long to wait for a lock a live process holds (default 30 000 ms). */
  readonly lockTimeoutMs?: number;
  /** Called under the lock before and after an accepted transition is applied. */
  readonly onTransition?: (record: LeaseStoreRecord) => void;
}

export type LeaseStoreCode = LeaseRefusalCode | LeaseStoreRefusalCode;
export type LeaseStoreOutcome<Extra extends object> = ({ readonly ok: true; readonly now: Rfc3339 } & Extra) | { readonly ok: false; readonly refusal: Refusal<LeaseStoreCode> };

export interface LeaseListing extends LeaseFolder {
  readonly now: Rfc3339;
}

export interface LeaseStore {
  readonly root: string;
  /** The lease folder, `<root>/.substrate/state/leases`. */
  readonly dir: string;
  /** The leases on disk (each file is read whole: writes are renames). */
  list(): LeaseListing;
  claim(claim: LeaseClaim): Promise<LeaseStoreOutcome<{ lease: Lease; replaced: Lease | null }>>;
  renew(renewal: { resource: string; owner: string; ttlSeconds?: number }): Promise<LeaseStoreOutcome<{ lease: Lease; previous: Lease }>>;
  /** Without `owner`, releases whatever lease is on disk for the resource (as `scripts/oxygen release` does). */
  release(release: { resource: string; owner?: string }): Promise<LeaseStoreOutcome<{ released: Lease }>>;
  collectExpired(): Promise<LeaseStoreOutcome<{ collected: readonly Lease[] }>>;
}

const systemNow = (): Rfc3339 => timestamp(Math.floor(Date.now() / 1000));
const refused = (code: LeaseStoreCode, message: string) => ({ ok: false as const, refusal: { code, message } });
const LOCK_ATTEMPTS = 3;

interface Reading {
  readonly now: Rfc3339;
  readonly folder: LeaseFolder;
  readonly board: LeaseBoard;
}

type Step<Extra extends object> =
  | { readonly ok: false; readonly refusal: Refusal<LeaseStoreCode> }
  | ({ readonly ok: true; readonly emitted: readonly LeaseEmission[] } & Extra);

export function openLeaseStore(root: string, options: LeaseStoreOptions = {}): LeaseStore {
  const dir = path.join(root, LEASE_DIR);
  const clock = options.now ?? systemNow;
  const lockOptions = { staleMs: options.staleLockMs ?? 10_000, timeoutMs: options.lockTimeoutMs ?? 30_000 };

  async function locked<Extra extends object>(operation: LeaseOperation, decide: (reading: Reading) => Step<Extra>): Promise<LeaseStoreOutcome<Extra>> {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      return refused('lease-store/io', `cannot create ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    for (let attempt = 1; ; attempt += 1) {
      let lock: HeldLock | null;
      try {
        lock = await acquireLock(dir, lockOptions);
      } catch (error) {
        return refused('lease-store/io', `cannot take the lock of ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      if (!lock) return refused('lease-store/lock-timeout', `the lock of ${dir} stayed held for ${lockOptions.timeoutMs} ms`);
      try {
        const now = clock();
        const folder = readLeaseFolder(dir);
        const { max } = await readLeaseBudget(root);
        const board = createLeaseBoard({ maxLeasesPerDomain: max, leases: folder.leases });
        if (!board.ok) return board;
        const step = decide({ now, folder, board: board.state });
        if (!step.ok) return step;
        const record = { operation, now, maxLeasesPerDomain: max, observed: folder.leases, unreadable: folder.unreadable, emitted: step.emitted };
        options.onTransition?.({ phase: 'intent', ...record });
        const onDisk = new Set(folder.leases.map((l) => leaseFileName(l.resource)));
        for (const e of step.emitted) applyEmission(root, e, lock, onDisk);
        if (step.emitted.length > 0) syncFolder(dir);
        options.onTransition?.({ phase: 'done', ...record });
        const { emitted: _, ...extra } = step;
        return { ...extra, ok: true, now } as LeaseStoreOutcome<Extra>;
      } catch (error) {
        if (error instanceof LockLost) {
          if (attempt < LOCK_ATTEMPTS) continue;
          return refused('lease-store/lock-lost', `the lock of ${dir} was taken from this process ${LOCK_ATTEMPTS} times`);
        }
        if (error instanceof ChangedOnDisk) return refused('lease-store/changed-on-disk', `a lease file in ${dir} changed while this process held the lock; nothing was changed, try again`);
        return refused('lease-store/io', `cannot update ${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      } finally {
        lock.release();
      }
    }
  }

  /** Refuses to act on a resource whose file is there but is not a valid lease. */
  const unreadable = (folder: LeaseFolder, resource: string) => {
    const bad = folder.unreadable.find((u) => u.file === leaseFileName(resource));
    return bad && refused('lease-store/unreadable-lease', `${path.join(LEASE_DIR, bad.file)} is ${bad.reason}; fix or remove it by hand`);
  };

  return {
    root,
    dir,
    list: () => ({ ...readLeaseFolder(dir), now: clock() }),
    claim: (claim) =>
      locked<{ lease: Lease; replaced: Lease | null }>('claim', ({ now, folder, board }) => {
        const outcome = unreadable(folder, claim.resource) || claimLease(board, claim, now);
        return outcome.ok ? { ok: true as const, emitted: outcome.emitted, lease: outcome.emitted[0]!.document, replaced: outcome.replaced } : outcome;
      }),
    renew: (renewal) =>
      locked<{ lease: Lease; previous: Lease }>('renew', ({ now, folder, board }) => {
        const outcome = unreadable(folder, renewal.resource) || renewLease(board, renewal, now);
        return outcome.ok ? { ok: true as const, emitted: outcome.emitted, lease: outcome.emitted[0]!.document, previous: outcome.previous } : outcome;
      }),
    release: ({ resource, owner }) =>
      locked<{ released: Lease }>('release', ({ folder, board }) => {
        const onDisk = board.leases.find((l) => leaseFileName(l.resource) === leaseFileName(resource));
        const outcome = unreadable(folder, resource) || releaseLease(board, { resource, owner: owner ?? onDisk?.owner ?? '' });
        return outcome.ok ? { ok: true as const, emitted: outcome.emitted, released: outcome.released } : outcome;
      }),
    collectExpired: () =>
      locked<{ collected: readonly Lease[] }>('gc', ({ now, board }) => {
        const outcome = collectExpiredLeases(board, now);
        return outcome.ok ? { ok: true as const, emitted: outcome.emitted, collected: outcome.collected } : outcome;
      }),
  };
}
