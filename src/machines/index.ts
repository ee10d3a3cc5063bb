/**
 * Pure state machines that can only produce valid documents, one folder a machine (its machine, its
 * refusals, its helpers, its document builders) and `kernel/` for what they share. Conventions:
 * - `now` is an RFC 3339 date-time string (see `kernel/time.ts`); emitted timestamps are `YYYY-MM-DDTHH:MM:SSZ`.
 * - New ids come from the caller's `mintId(kind)` (see `kernel/ids.ts`); nothing reads a clock or randomness.
 * - A transition returns `{ ok: true, state, emitted }` or `{ ok: false, refusal: { code, message } }`
 *   (see `kernel/outcome.ts`); every emitted document has been validated with its contract.
 * - Each machine exports its transition table and refusal table as data; `stateMachines` lists them.
 */
import { browserSessionMachine } from './browser-sessions/index.js';
import { capabilityMachine } from './capability/index.js';
import { gitWorkspaceMachine } from './git-workspace/index.js';
import type { MachineDescription } from './kernel/index.js';
import { leaseMachine } from './lease/index.js';
import { machineFunctions } from './machine-functions.js';
import { orphanMachine } from './orphan-events/index.js';
import { runtimeInstallMachine } from './runtime-install/index.js';
import { workItemMachine } from './work-items/index.js';

export * from './kernel/index.js';
export * from './capability/index.js';
export * from './lease/index.js';
export * from './signal/index.js';
export * from './work-items/index.js';
export * from './orphan-events/index.js';
export * from './browser-sessions/index.js';
export * from './runtime-install/index.js';
export * from './git-workspace/index.js';

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
