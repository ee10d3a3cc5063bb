/** Conventions every machine shares, as the estate's documents show them. */

/** The SourceOS spec version the machines write their documents against. */
export const SPEC_VERSION = '0.1.0';

/** Where the estate keeps lease files and signal files, relative to a repository root. */
export const LEASE_DIR = '.substrate/state/leases';
export const SIGNAL_DIR = '.bridges/signals';

/** The estate's default budgets (`.substrate/constants/budgets.yaml`). */
export const DEFAULT_MAX_LEASES_PER_DOMAIN = 2;
export const DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN = 2;

/** The oxygen protocol's default lease length (`oxygen claim --ttl`), in seconds. */
export const DEFAULT_LEASE_TTL_SECONDS = 1800;

/** How long an orphan event waits for its session before it is quarantined, in seconds. */
export const DEFAULT_ORPHAN_TTL_SECONDS = 300;

/** Unique values in first-seen order. */
export const unique = <T>(values: Iterable<T>): T[] => [...new Set(values)];

/** True for a string with something other than white space in it. */
export const isFilled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** True for a whole number of at least `min`. */
export const isWholeAtLeast = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
