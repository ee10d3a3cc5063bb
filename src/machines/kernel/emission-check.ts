/**
 * The check every emission passes before a transition is accepted: an input that would make an invalid
 * document is refused with `<machine>/invalid-input` and the document's issues.
 */
import type { ContractName } from '../../../generated/types/index.js';
import type { Contract } from '../../contract.js';
import type { Issue } from '../../issue.js';
import type { EmissionOf } from './emission.js';
import { refuse, type Refused } from './outcome.js';

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
