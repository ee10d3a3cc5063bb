import type { ContractName, ContractTypes } from '../../generated/types/index.js';
import type { Severity } from '../issue.js';

/** What a rule may know beyond the document itself. */
export interface RuleContext {
  /** The document's file name (base name), when validating a file. */
  readonly filename?: string | undefined;
}

/** One violation a rule found: where, and what is wrong there. */
export interface RuleFinding {
  readonly pointer: string;
  readonly message: string;
}

/**
 * A rule JSON Schema cannot say (comparing timestamps, membership of one field's value in
 * another list, file names): one pure function, keyed by a stable code `rule/<name>`.
 * It runs only on documents whose structure is already valid.
 */
export interface Rule<Name extends ContractName = ContractName> {
  readonly code: `rule/${string}`;
  readonly contract: Name;
  readonly severity: Severity;
  /** One line: what must hold. */
  readonly statement: string;
  /** Why it matters. */
  readonly why: string;
  readonly check: (doc: ContractTypes[Name], context: RuleContext) => readonly RuleFinding[];
}

/** Declares a rule with its contract's document type inferred for `check`. */
export const defineRule = <Name extends ContractName>(rule: Rule<Name>): Rule<Name> => rule;
