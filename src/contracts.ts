import {
  browserAutomationReceiptDefinition,
  capabilityLedgerDefinition,
  gitWorkspaceStateDefinition,
  leaseDefinition,
  orphanEventReceiptDefinition,
  runtimeInstallReceiptDefinition,
  signalDefinition,
} from '../generated/definitions/index.js';
import type * as Documents from '../generated/types/index.js';
import type { ContractName } from '../generated/types/index.js';
import { defineContract, type Contract } from './contract.js';
import { browserAutomationReceiptRules } from './rules/browser-automation-receipt.js';
import { capabilityLedgerRules } from './rules/capability-ledger.js';
import { gitWorkspaceStateRules } from './rules/git-workspace-state.js';
import { leaseRules } from './rules/lease.js';
import { orphanEventReceiptRules } from './rules/orphan-event-receipt.js';
import { runtimeInstallReceiptRules } from './rules/runtime-install-receipt.js';
import { signalRules } from './rules/signal.js';

// One export a contract, so an app that imports one contract bundles that contract alone. Each name
// is both the contract (a value: validate, is, assert, ~standard) and its document type.
export type CapabilityLedger = Documents.CapabilityLedger;
export type BrowserAutomationReceipt = Documents.BrowserAutomationReceipt;
export type GitWorkspaceState = Documents.GitWorkspaceState;
export type OrphanEventReceipt = Documents.OrphanEventReceipt;
export type RuntimeInstallReceipt = Documents.RuntimeInstallReceipt;
export type Lease = Documents.Lease;
export type Signal = Documents.Signal;

export const CapabilityLedger: Contract<'CapabilityLedger'> = /* @__PURE__ */ defineContract(capabilityLedgerDefinition, capabilityLedgerRules);
export const BrowserAutomationReceipt: Contract<'BrowserAutomationReceipt'> = /* @__PURE__ */ defineContract(browserAutomationReceiptDefinition, browserAutomationReceiptRules);
export const GitWorkspaceState: Contract<'GitWorkspaceState'> = /* @__PURE__ */ defineContract(gitWorkspaceStateDefinition, gitWorkspaceStateRules);
export const OrphanEventReceipt: Contract<'OrphanEventReceipt'> = /* @__PURE__ */ defineContract(orphanEventReceiptDefinition, orphanEventReceiptRules);
export const RuntimeInstallReceipt: Contract<'RuntimeInstallReceipt'> = /* @__PURE__ */ defineContract(runtimeInstallReceiptDefinition, runtimeInstallReceiptRules);
export const Lease: Contract<'Lease'> = /* @__PURE__ */ defineContract(leaseDefinition, leaseRules);
export const Signal: Contract<'Signal'> = /* @__PURE__ */ defineContract(signalDefinition, signalRules);

/**
 * Every contract, keyed by name. An interface with one declared property a contract, so that
 * `contracts.Lease.assert(doc)` narrows (TypeScript asserts only through declared names).
 */
export interface Contracts {
  readonly BrowserAutomationReceipt: Contract<'BrowserAutomationReceipt'>;
  readonly CapabilityLedger: Contract<'CapabilityLedger'>;
  readonly GitWorkspaceState: Contract<'GitWorkspaceState'>;
  readonly Lease: Contract<'Lease'>;
  readonly OrphanEventReceipt: Contract<'OrphanEventReceipt'>;
  readonly RuntimeInstallReceipt: Contract<'RuntimeInstallReceipt'>;
  readonly Signal: Contract<'Signal'>;
}

/** True when the entry named `Name` is the contract of that name. */
type SameContract<Name extends ContractName> = Name extends keyof Contracts
  ? Contracts[Name] extends Contract<Name>
    ? Contract<Name> extends Contracts[Name]
      ? true
      : false
    : false
  : false;
/** Compiles only while Contracts has exactly one entry a schema, each the contract of its own name. */
type Complete = [keyof Contracts] extends [ContractName]
  ? false extends { [Name in ContractName]: SameContract<Name> }[ContractName]
    ? never
    : true
  : never;
const complete: Complete = true;
void complete;

export const contracts: Contracts = {
  BrowserAutomationReceipt,
  CapabilityLedger,
  GitWorkspaceState,
  Lease,
  OrphanEventReceipt,
  RuntimeInstallReceipt,
  Signal,
};
