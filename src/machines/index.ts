/**
 * Pure state machines that can only produce valid documents. Conventions shared by all:
 * - `now` is an RFC 3339 date-time string (see `time.ts`); emitted timestamps are `YYYY-MM-DDTHH:MM:SSZ`.
 * - New ids come from the caller's `mintId(kind)` (see `ids.ts`); nothing reads a clock or randomness.
 * - A transition returns `{ ok: true, state, emitted }` or `{ ok: false, refusal: { code, message } }`
 *   (see `outcome.ts`); every emitted document has been validated with its contract.
 * - Each machine exports its transition table and refusal table as data; `stateMachines` lists them.
 */
import { browserSessionMachine } from './browser-sessions.js';
import { capabilityMachine } from './capability.js';
import { gitWorkspaceMachine } from './git-workspace.js';
import { leaseMachine } from './lease.js';
import { orphanMachine } from './orphan-events.js';
import { runtimeInstallMachine } from './runtime-install.js';
import { machineFunctions } from './machine-functions.js';
import type { MachineDescription } from './transition-table.js';
import { workItemMachine } from './work-items.js';

export type { Accepted, Outcome, Refusal, Refused, RefusalTable } from './outcome.js';
export type { Emission, EmissionOf } from './emission.js';
export type { IdKind, MintId } from './ids.js';
export type { Rfc3339 } from './time.js';
export type { MachineDescription, TransitionRow } from './transition-table.js';
export { SPEC_VERSION, DEFAULT_LEASE_TTL_SECONDS, DEFAULT_MAX_IN_PROGRESS_PER_DOMAIN, DEFAULT_MAX_LEASES_PER_DOMAIN, DEFAULT_ORPHAN_TTL_SECONDS, LEASE_DIR, SIGNAL_DIR } from './conventions.js';
export { sha256, sha256Digest, sha256Hex } from './sha256.js';

export * from './capability-verdicts.js';
export * from './capability.js';
export * from './lease.js';
export * from './signal.js';
export * from './work-items.js';
export { handOffWorkItem, type Handoff } from './work-handoff.js';
export * from './orphan-events.js';
export * from './browser-sessions.js';
export * from './runtime-install.js';
export * from './git-workspace.js';
export { pathEvidenceOf, pathDigest, isAbsolutePath, type WorkspaceAlias } from './path-evidence.js';

/** Every machine, in the order the docs show them, with its functions. */
export const stateMachines: readonly MachineDescription[] = [
  capabilityMachine,
  orphanMachine,
  leaseMachine,
  workItemMachine,
  browserSessionMachine,
  runtimeInstallMachine,
  gitWorkspaceMachine,
].map((machine) => ({ ...machine, functions: machineFunctions[machine.name] ?? [] }));
