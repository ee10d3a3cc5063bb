/**
 * The rule registry: every rule of every contract in one place, whether JSON Schema states it (an
 * `x-sourceos-rule` branch of the schema) or code checks it (a pure function in this folder), so
 * docs and tools see one list.
 */
import { contractNames, type ContractName } from '../../generated/types/index.js';
import { contracts } from '../contracts.js';
import type { Severity } from '../issue.js';
import { ruleAnnotations } from '../rule-annotations.js';
import type { Rule } from './rule.js';

/** A rule of any one contract. */
export type AnyRule = { [Name in ContractName]: Rule<Name> }[ContractName];

/** Where a rule is checked: in the schema (any JSON Schema validator gets it) or in code (to re-implement). */
export type RuleLocation = 'schema' | 'code';

/** What a reader or tool needs to know about one rule. */
export interface RuleInfo {
  readonly code: `rule/${string}`;
  readonly contract: ContractName;
  readonly severity: Severity;
  readonly statement: string;
  readonly why: string;
  readonly location: RuleLocation;
  /** For a schema rule: the JSON Pointer fragment of its annotated branch in the schema (`#/allOf/0`). */
  readonly schemaPath?: string;
}

const codeRuleList: readonly AnyRule[] = /* @__PURE__ */ contractNames.flatMap((name) => contracts[name].rules as readonly AnyRule[]);

/** Every code rule, keyed by its code. */
export const codeRules: Readonly<Record<string, AnyRule>> = /* @__PURE__ */ Object.fromEntries(codeRuleList.map((rule) => [rule.code, rule]));

/** The rules the schemas state themselves, read from their `x-sourceos-rule` annotations (always errors). */
export function schemaRules(): RuleInfo[] {
  return contractNames.flatMap((contract) =>
    ruleAnnotations(contracts[contract].schema).map(({ code, statement, why, schemaPath }) => ({ code, contract, severity: 'error' as const, statement, why, location: 'schema' as const, schemaPath })),
  );
}

/** Every rule, schema and code alike, ordered by contract and then code. */
export function ruleRegistry(): RuleInfo[] {
  const fromCode = codeRuleList.map(({ code, contract, severity, statement, why }): RuleInfo => ({ code, contract, severity, statement, why, location: 'code' }));
  return [...schemaRules(), ...fromCode].sort((a, b) => a.contract.localeCompare(b.contract) || a.code.localeCompare(b.code));
}
