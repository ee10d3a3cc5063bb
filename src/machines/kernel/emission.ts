/**
 * Documents a transition emits. Every emitted document is validated with its contract (schema and
 * rules, with its file name for signals) before the transition is accepted (see `emission-check.ts`),
 * so a machine can only emit documents that `validate` accepts.
 */
import type { ContractName, ContractTypes } from '../../../generated/types/index.js';

/** One emitted document of a contract, with its file name and path where the estate keeps it in a file. */
export interface EmissionOf<Name extends ContractName> {
  readonly contract: Name;
  readonly document: ContractTypes[Name];
  /** The file's base name (leases and signals). */
  readonly filename?: string;
  /** The file's path relative to a repository root (leases and signals). */
  readonly path?: string;
}

/** An emitted document of any contract. */
export type Emission = { readonly [Name in ContractName]: EmissionOf<Name> }[ContractName];
