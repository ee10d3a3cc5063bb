/**
 * Leases and budgets: the oxygen protocol. A lease is a short claim on a shared resource by one
 * owner in one domain, kept as `.substrate/state/leases/<resource>.json` (the file name is the
 * resource, lower-cased, with anything but `a-z 0-9 _ . : -` turned into `_`, so two resources that
 * map to one file are one resource). A resource held by an unexpired lease cannot be claimed; a
 * domain at its budget of live leases (default 2) is refused unless the claim overrides it with a
 * reason; only the owner releases; a lease expires at `now >= expires_at`; gc removes expired ones.
 */
import type { Lease } from '../../../generated/types/index.js';
import { DEFAULT_LEASE_TTL_SECONDS, DEFAULT_MAX_LEASES_PER_DOMAIN, LEASE_DIR, isFilled, isWholeAtLeast } from '../kernel/conventions.js';
import { Lease as LeaseContract } from '../../contracts.js';
import type { EmissionOf, RemovalOf, WriteOf } from '../kernel/emission.js';
import { emissionIssues, refuseInvalid } from '../kernel/emission-check.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord, refuseShape } from '../kernel/input.js';
import { accept, refuse, type Outcome, type Refused, refuseNow } from '../kernel/outcome.js';
import { leaseRefusals, type LeaseRefusalCode } from './refusals.js';
import { later, readInstant, timestamp, type EpochSeconds, type Rfc3339 } from '../kernel/time.js';
import { allows, type MachineDescription, type TransitionRow } from '../kernel/transition-table.js';

/** Where a resource stands: no lease, a live lease, or a lease past its expires_at not yet removed. */
export type ResourceState = 'free' | 'held' | 'expired';
export type LeaseEvent = 'claim' | 'renew' | 'release' | 'expire' | 'gc';

export const leaseTransitions = [
  { from: 'free', to: 'held', event: 'claim' },
  { from: 'expired', to: 'held', event: 'claim' },
  { from: 'held', to: 'held', event: 'renew' },
  { from: 'held', to: 'free', event: 'release' },
  { from: 'expired', to: 'free', event: 'release' },
  { from: 'held', to: 'expired', event: 'expire' },
  { from: 'expired', to: 'free', event: 'gc' },
] as const satisfies readonly TransitionRow<ResourceState, LeaseEvent>[];


/** Every lease on disk and the per-domain budget of live leases. */
export interface LeaseBoard {
  readonly maxLeasesPerDomain: number;
  /** Sorted by file name; at most one lease a file. */
  readonly leases: readonly Lease[];
}

export interface LeaseClaim {
  readonly resource: string;
  readonly owner: string;
  readonly domain: string;
  /** Default 1800 (the oxygen protocol's default). */
  readonly ttlSeconds?: number;
  /** Go over the domain's budget on purpose; needs `overrideReason`. Recorded only when the budget is in fact exceeded. */
  readonly override?: boolean;
  readonly overrideReason?: string;
}

/** The lease file's base name for a resource, as the oxygen protocol names it; `lease/invalid-input` for a resource that is not a string. */
export function leaseFileName(resource: string): string;
export function leaseFileName(resource: unknown): string | Refused<'lease/invalid-input'>;
export function leaseFileName(resource: unknown): string | Refused<'lease/invalid-input'> {
  if (typeof resource !== 'string') return refuse('lease/invalid-input', `a resource must be a string, not ${describeValue(resource)}`);
  const safe = resource.trim().toLowerCase().replace(/[^a-z0-9_.:-]+/g, '_').slice(0, 180);
  return `${safe || 'resource'}.json`;
}

const expiresAt = (lease: Lease): EpochSeconds => readInstant(lease.expires_at) ?? Number.NEGATIVE_INFINITY;
const isLive = (lease: Lease, at: EpochSeconds): boolean => at < expiresAt(lease);
const stateAt = (board: LeaseBoard, resource: string, at: EpochSeconds): ResourceState => {
  const lease = board.leases.find((l) => leaseFileName(l.resource) === leaseFileName(resource));
  return !lease ? 'free' : isLive(lease, at) ? 'held' : 'expired';
};
const liveAt = (board: LeaseBoard, domain: string, at: EpochSeconds): Lease[] => board.leases.filter((l) => l.domain === domain && isLive(l, at));

/** These two queries also take `now` as whole seconds since the epoch, for callers that count time. */
const queryTime = (now: Rfc3339 | EpochSeconds): EpochSeconds | null => (typeof now === 'number' ? (Number.isSafeInteger(now) ? now : null) : readInstant(now));

/** Null when `board` is one a transition returned; otherwise the refusal. */
const refuseBoard = (board: unknown): Refused<LeaseRefusalCode> | null =>
  isRecord(board) && Array.isArray(board.leases) && isWholeAtLeast(board.maxLeasesPerDomain, 0) && board.leases.every((l) => isRecord(l) && typeof l.resource === 'string')
    ? null
    : refuse('lease/invalid-board', `the board must be one a transition returned, not ${describeValue(board)}`);

/** A query's answer at `now` about a board and a name (a resource or a domain), or its refusal. */
const query = <Answer>(answer: (board: LeaseBoard, name: string, at: EpochSeconds) => Answer) =>
  guarded('lease/invalid-input', (board: LeaseBoard, name: string, now: Rfc3339 | EpochSeconds): Answer | Refused<LeaseRefusalCode> => {
    const bad = refuseBoard(board) ?? (typeof name === 'string' ? null : refuse('lease/invalid-input', `${describeValue(name)} is not a string`));
    if (bad) return bad;
    const at = queryTime(now);
    return at === null ? refuseNow('lease/invalid-now', now) : answer(board, name, at);
  });

/** Where a resource stands at `now`: free, held (a live lease) or expired (a lease not yet removed); a refusal for input it cannot read. */
export const resourceState = query(stateAt);

/** The live leases (`now < expires_at`) of a domain; a refusal for input it cannot read. */
export const liveLeasesOf = query(liveAt);

const byFile = (a: Lease, b: Lease): number => (leaseFileName(a.resource) < leaseFileName(b.resource) ? -1 : 1);

/** A board with a budget (default 2) and, optionally, the leases already on disk. */
/** What a lease transition emits: a Lease to write, or a lease file to remove. */
export type LeaseEmission = EmissionOf<'Lease'>;
type LeaseOutcome<Extra extends object> = Outcome<LeaseBoard, LeaseRefusalCode, Extra, LeaseEmission>;

/** The removal of a lease's file. */
const removalOf = (lease: Lease): RemovalOf<'Lease'> => {
  const filename = leaseFileName(lease.resource);
  return { action: 'remove', contract: 'Lease', document: lease, filename, path: `${LEASE_DIR}/${filename}` };
};

export const createLeaseBoard = guarded('lease/invalid-input', (options: { maxLeasesPerDomain?: number; leases?: readonly Lease[] } = {}): LeaseOutcome<object> => {
  const { maxLeasesPerDomain = DEFAULT_MAX_LEASES_PER_DOMAIN, leases = [] } = isRecord(options) ? options : {};
  if (!isWholeAtLeast(maxLeasesPerDomain, 0)) return refuse('lease/invalid-board', `maxLeasesPerDomain ${describeValue(maxLeasesPerDomain)} is not a whole number ≥ 0`);
  if (!Array.isArray(leases)) return refuse('lease/invalid-board', `leases must be a list, not ${describeValue(leases)}`);
  const files = new Set<string>();
  for (const lease of leases) {
    const errors = emissionIssues(LeaseContract, { action: 'write', contract: 'Lease', document: lease }).filter((i) => i.severity === 'error');
    if (errors.length) return refuse('lease/invalid-board', `the lease on ${describeValue((lease as Partial<Lease> | null)?.resource)} is invalid`, errors);
    const file = leaseFileName((lease as Lease).resource);
    if (files.has(file)) return refuse('lease/invalid-board', `two leases share the file ${file}`);
    files.add(file);
  }
  return accept({ maxLeasesPerDomain, leases: [...leases].sort(byFile) });
});

/** Claims a resource: emits the Lease and its file. */
export const claimLease = guarded('lease/invalid-input', (board: LeaseBoard, claim: LeaseClaim, now: Rfc3339): LeaseOutcome<{ replaced: Lease | null }> => {
  const shape = refuseBoard(board) ?? refuseShape('lease/invalid-claim', 'a claim', claim);
  if (shape) return shape;
  const at = readInstant(now);
  if (at === null) return refuseNow('lease/invalid-now', now);
  const { resource, owner, domain, ttlSeconds = DEFAULT_LEASE_TTL_SECONDS, override = false, overrideReason = '' } = claim;
  if (!isFilled(resource) || !isFilled(owner) || !isFilled(domain)) return refuse('lease/invalid-claim', 'resource, owner and domain must each be a non-blank string');
  const expires = isWholeAtLeast(ttlSeconds, 1) ? later(at, ttlSeconds) : null;
  if (expires === null) return refuse('lease/invalid-ttl', `ttlSeconds ${describeValue(ttlSeconds)} is not a whole number ≥ 1 that ends by year 9999`);
  if (override && !isFilled(overrideReason)) return refuse('lease/override-without-reason', 'an override of the lease budget needs a reason');
  const from = stateAt(board, resource, at);
  if (!allows(leaseTransitions, from, 'claim')) {
    const holder = board.leases.find((l) => leaseFileName(l.resource) === leaseFileName(resource));
    return refuse('lease/resource-held', `${resource} is held by ${holder?.owner ?? 'another owner'} until ${holder?.expires_at ?? 'later'}`);
  }
  const live = liveAt(board, domain, at).length;
  const overBudget = live >= board.maxLeasesPerDomain;
  if (overBudget && !override) {
    return refuse('lease/budget-exhausted', `domain ${domain} holds ${live} of its ${board.maxLeasesPerDomain} leases; override with a reason or wait`);
  }
  const lease: Lease = {
    created_at: timestamp(at),
    domain,
    expires_at: timestamp(expires),
    override: overBudget,
    override_reason: overBudget ? overrideReason : '',
    owner,
    resource,
    ttl_seconds: ttlSeconds,
  };
  const filename = leaseFileName(resource);
  const emission: WriteOf<'Lease'> = { action: 'write', contract: 'Lease', document: lease, filename, path: `${LEASE_DIR}/${filename}` };
  const invalid = refuseInvalid('lease/invalid-input', LeaseContract, [emission]);
  if (invalid) return invalid;
  const replaced = board.leases.find((l) => leaseFileName(l.resource) === filename) ?? null;
  const leases = [...board.leases.filter((l) => l !== replaced), lease].sort(byFile);
  return { ...accept({ ...board, leases }, [emission]), replaced };
});

/**
 * Renews a live lease; only its owner may. The lease keeps its `created_at`, domain and override;
 * `expires_at` becomes `now` + `ttlSeconds` (default 1800) and `ttl_seconds` its whole length since
 * `created_at`. An expired lease is not renewed: claim it again. Emits the Lease to write over its file.
 */
export const renewLease = guarded('lease/invalid-input', (board: LeaseBoard, renewal: { resource: string; owner: string; ttlSeconds?: number }, now: Rfc3339): LeaseOutcome<{ previous: Lease }> => {
  const shape = refuseBoard(board) ?? refuseShape('lease/not-held', 'a renewal', renewal);
  if (shape) return shape;
  if (typeof renewal.resource !== 'string') return refuse('lease/not-held', `there is no lease on ${describeValue(renewal.resource)}`);
  const at = readInstant(now);
  if (at === null) return refuseNow('lease/invalid-now', now);
  const { ttlSeconds = DEFAULT_LEASE_TTL_SECONDS } = renewal;
  const file = leaseFileName(renewal.resource);
  const lease = board.leases.find((l) => leaseFileName(l.resource) === file);
  if (!lease) return refuse('lease/not-held', `there is no lease on ${describeValue(renewal.resource)}`);
  if (lease.owner !== renewal.owner) return refuse('lease/not-owner', `${lease.resource} is leased by ${lease.owner}, not ${describeValue(renewal.owner)}`);
  if (!allows(leaseTransitions, stateAt(board, lease.resource, at), 'renew')) return refuse('lease/expired', `the lease on ${lease.resource} expired at ${lease.expires_at}; claim it again`);
  const expires = isWholeAtLeast(ttlSeconds, 1) ? later(at, ttlSeconds) : null;
  const created = readInstant(lease.created_at);
  if (expires === null || created === null) return refuse('lease/invalid-ttl', `ttlSeconds ${String(ttlSeconds)} is not a whole number ≥ 1 that ends by year 9999`);
  const renewed: Lease = { ...lease, created_at: timestamp(created), expires_at: timestamp(expires), ttl_seconds: expires - created };
  const emission: WriteOf<'Lease'> = { action: 'write', contract: 'Lease', document: renewed, filename: file, path: `${LEASE_DIR}/${file}` };
  const invalid = refuseInvalid('lease/invalid-input', LeaseContract, [emission]);
  if (invalid) return invalid;
  const leases = board.leases.map((l) => (l === lease ? renewed : l));
  return { ...accept({ ...board, leases }, [emission]), previous: lease };
});

/** Releases a lease; only its owner may. Expired leases may be released too. Emits the removal of its file. */
export const releaseLease = guarded('lease/invalid-input', (board: LeaseBoard, release: { resource: string; owner: string }): LeaseOutcome<{ released: Lease }> => {
  const shape = refuseBoard(board) ?? refuseShape('lease/not-held', 'a release', release);
  if (shape) return shape;
  if (typeof release.resource !== 'string') return refuse('lease/not-held', `there is no lease on ${describeValue(release.resource)}`);
  const file = leaseFileName(release.resource);
  const lease = board.leases.find((l) => leaseFileName(l.resource) === file);
  if (!lease) return refuse('lease/not-held', `there is no lease on ${describeValue(release.resource)}`);
  if (lease.owner !== release.owner) return refuse('lease/not-owner', `${lease.resource} is leased by ${lease.owner}, not ${describeValue(release.owner)}`);
  return { ...accept({ ...board, leases: board.leases.filter((l) => l !== lease) }, [removalOf(lease)]), released: lease };
});

/** Removes every lease expired at `now` (garbage collection). Emits the removal of each one's file. */
export const collectExpiredLeases = guarded('lease/invalid-input', (board: LeaseBoard, now: Rfc3339): LeaseOutcome<{ collected: readonly Lease[] }> => {
  const bad = refuseBoard(board);
  if (bad) return bad;
  const at = readInstant(now);
  if (at === null) return refuseNow('lease/invalid-now', now);
  const collected = board.leases.filter((l) => !isLive(l, at));
  return { ...accept({ ...board, leases: board.leases.filter((l) => isLive(l, at)) }, collected.map(removalOf)), collected };
});

export const leaseMachine: MachineDescription = {
  name: 'lease',
  title: 'Leases and budgets (the oxygen protocol)',
  summary:
    'States are those of one resource. `claimLease` emits a `Lease` (file `.substrate/state/leases/<resource>.json`) with `expires_at` = `created_at` + `ttl_seconds`; ' +
    'a domain at its budget of live leases (default 2) is refused unless the claim overrides it with a reason, and only then is `override` true. ' +
    '`renewLease` (owner only, live leases only) moves `expires_at` to `now` + the ttl and keeps `created_at`; ' +
    '`releaseLease` (owner only) and `collectExpiredLeases` remove leases; a lease expires when `now >= expires_at`.',
  emits: ['Lease'],
  initial: 'free',
  transitions: leaseTransitions,
  refusals: leaseRefusals,
};
