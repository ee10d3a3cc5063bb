/**
 * Documents a transition emits. Every emitted document is validated with its contract (schema and
 * rules, with its file name for signals) before the transition is accepted, so a machine can only
 * emit documents that `validate` accepts; an input that would make an invalid one is refused with
 * `<machine>/invalid-input` and the document's issues.
 */
import type { ContractName, ContractTypes } from '../../generated/types/index.js';
import type { Contract } from '../contract.js';
import type { Issue } from '../issue.js';
import { refuse, type Refused } from './outcome.js';

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

/**
 * The issues the contract reports for an emitted document (with its file name, when it has one).
 * Each machine passes the one contract it emits, so an app bundles only the validators it uses.
 */
export function emissionIssues<Name extends ContractName>(contract: Contract<Name>, emission: EmissionOf<Name>): readonly Issue[] {
  return contract.validate(emission.document, { filename: emission.filename }).issues;
}

/**
 * Null when every document is valid; otherwise the refusal `<machine>/invalid-input` naming the
 * first invalid document's contract and carrying its errors.
 */
export function refuseInvalid<Code extends string, Name extends ContractName>(code: Code, contract: Contract<Name>, emissions: readonly EmissionOf<Name>[]): Refused<Code> | null {
  for (const emission of emissions) {
    const errors = emissionIssues(contract, emission).filter((i) => i.severity === 'error');
    if (errors.length) {
      const summary = errors.map((i) => `${i.pointer || '/'} ${i.code}`).join('; ');
      return refuse(code, `the ${emission.contract} this transition would emit is invalid: ${summary}`, errors);
    }
  }
  return null;
}
