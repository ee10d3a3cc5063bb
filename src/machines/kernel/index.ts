// What every machine shares: outcomes and refusals, emissions, ids, time, transition tables, conventions.
export type { Accepted, Outcome, Refusal, Refused, RefusalTable } from './outcome.js';
export type { Emission, EmissionOf, RemovalOf, WriteOf } from './emission.js';
export type { IdKind, MintId } from './ids.js';
export type { Rfc3339 } from './time.js';
export type { MachineDescription, TransitionRow } from './transition-table.js';
export { SPEC_VERSION, DEFAULT_LEASE_TTL_SECONDS, DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN, DEFAULT_MAX_LEASES_PER_DOMAIN, DEFAULT_ORPHAN_TTL_SECONDS, LEASE_DIR, SIGNAL_DIR } from './conventions.js';
export { sha256, sha256Digest, sha256Hex } from './sha256.js';
