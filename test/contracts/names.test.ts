// Each contract name is both a value (the contract) and a type (its documents), from the main entry.
import { expect, expectTypeOf, test } from 'vitest';
import { CapabilityLedger, contracts, Lease, Signal, type ContractTypes } from '../../src/index.js';
import type * as Entry from '../../src/index.js';

test('a contract name imports as its document type and as its contract', () => {
  expectTypeOf<Entry.CapabilityLedger>().toEqualTypeOf<ContractTypes['CapabilityLedger']>();
  expectTypeOf<Entry.BrowserAutomationReceipt>().toEqualTypeOf<ContractTypes['BrowserAutomationReceipt']>();
  expectTypeOf<Entry.GitWorkspaceState>().toEqualTypeOf<ContractTypes['GitWorkspaceState']>();
  expectTypeOf<Entry.OrphanEventReceipt>().toEqualTypeOf<ContractTypes['OrphanEventReceipt']>();
  expectTypeOf<Entry.RuntimeInstallReceipt>().toEqualTypeOf<ContractTypes['RuntimeInstallReceipt']>();
  expectTypeOf<Entry.Lease>().toEqualTypeOf<ContractTypes['Lease']>();
  expectTypeOf<Entry.Signal>().toEqualTypeOf<ContractTypes['Signal']>();
  expectTypeOf<Entry.SignalHeader>().toHaveProperty('kind');
  expectTypeOf(CapabilityLedger.validate).toBeFunction();
  expectTypeOf(Lease.is).guards.toEqualTypeOf<Lease>();
  expectTypeOf(Signal.name).toEqualTypeOf<'Signal'>();
});

test('assert narrows through the registry too', () => {
  const doc: unknown = { resource: 'r' };
  expect(() => contracts.Lease.assert(doc)).toThrow();
  const typed = (value: unknown): Lease => {
    contracts.Lease.assert(value);
    return value;
  };
  expectTypeOf(typed).returns.toEqualTypeOf<Lease>();
});
