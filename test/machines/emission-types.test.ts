// Each machine's `emitted` is typed with the documents it can emit, so a caller reads a field of the
// document without narrowing by contract; removals are told apart by `action`.
import { describe, expectTypeOf, test } from 'vitest';
import type { BrowserAutomationReceipt, CapabilityLedger, GitWorkspaceState, Lease, OrphanEventReceipt, RuntimeInstallReceipt, Signal } from '../../generated/types/index.js';
import {
  assignWorkItem,
  buildGitWorkspaceState,
  claimLease,
  collectExpiredLeases,
  declareCapability,
  receiveSessionEvent,
  releaseLease,
  requestRuntimeInstall,
  startBrowserSession,
} from '../../src/index.js';

type EmittedDocument<F extends (...args: never[]) => unknown> = Extract<ReturnType<F>, { ok: true }> extends { emitted: readonly (infer E)[] } ? (E extends { document: infer D } ? D : never) : never;

describe('emission types', () => {
  test('one contract a machine', () => {
    expectTypeOf<EmittedDocument<typeof claimLease>>().toEqualTypeOf<Lease>();
    expectTypeOf<EmittedDocument<typeof releaseLease>>().toEqualTypeOf<Lease>();
    expectTypeOf<EmittedDocument<typeof collectExpiredLeases>>().toEqualTypeOf<Lease>();
    expectTypeOf<EmittedDocument<typeof assignWorkItem>>().toEqualTypeOf<Signal>();
    expectTypeOf<EmittedDocument<typeof declareCapability>>().toEqualTypeOf<CapabilityLedger>();
    expectTypeOf<EmittedDocument<typeof receiveSessionEvent>>().toEqualTypeOf<OrphanEventReceipt>();
    expectTypeOf<EmittedDocument<typeof startBrowserSession>>().toEqualTypeOf<BrowserAutomationReceipt>();
    expectTypeOf<EmittedDocument<typeof requestRuntimeInstall>>().toEqualTypeOf<RuntimeInstallReceipt>();
    expectTypeOf<EmittedDocument<typeof buildGitWorkspaceState>>().toEqualTypeOf<GitWorkspaceState>();
  });

  test('a removal has a path; a write may not', () => {
    type E = Extract<ReturnType<typeof releaseLease>, { ok: true }>['emitted'][number];
    expectTypeOf<Extract<E, { action: 'remove' }>['path']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<E, { action: 'write' }>['path']>().toEqualTypeOf<string | undefined>();
  });
});
