import type { ContractDefinition } from '../generated/contract-definition.js';
import type { ContractName, ContractTypes } from '../generated/types/index.js';
import { hasError, type Issue, type ValidationResult } from './issue.js';
import type { Rule, RuleContext } from './rules/rule.js';
import { schemaIssues } from './schema-issues.js';
import { standardProps, type StandardSchemaV1 } from './standard-schema.js';
import { unreadableValue } from './unreadable-value.js';

/** Options of a contract's own `validate`. */
export interface ContractValidateOptions {
  /** The file name of the document (its base name), for rules about file names. */
  readonly filename?: string | undefined;
}

/** The error `assert` throws: it carries every issue of the document. */
export class ContractValidationError extends Error {
  override readonly name = 'ContractValidationError';
  constructor(
    readonly contract: ContractName,
    readonly issues: readonly Issue[],
  ) {
    const errors = issues.filter((i) => i.severity === 'error');
    super(`${contract} is invalid: ${errors.map((i) => `${i.pointer || '/'} ${i.code} ${i.message}`).join('; ')}`);
  }
}

/** One contract: its raw schema, its rules, and every way to check a document against it. */
export interface Contract<Name extends ContractName = ContractName> extends StandardSchemaV1<unknown, ContractTypes[Name]> {
  readonly name: Name;
  /** The raw JSON Schema (draft 2020-12) of the contract. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The rules JSON Schema cannot say, run after the structure passes. */
  readonly rules: readonly Rule<Name>[];
  /** Every issue of the document: structure first, then (if the structure holds) the rules. */
  validate(doc: unknown, options?: ContractValidateOptions): ValidationResult<Name>;
  /** A type guard: true when the document has no error. */
  is(doc: unknown): doc is ContractTypes[Name];
  /** Throws a ContractValidationError carrying the issues when the document has an error. */
  assert(doc: unknown, options?: ContractValidateOptions): asserts doc is ContractTypes[Name];
  /**
   * The document as its type, when it has no error (warnings allowed; `validate` lists them); throws
   * a ContractValidationError carrying every issue otherwise. The same value is returned, not a copy.
   */
  parse(doc: unknown, options?: ContractValidateOptions): ContractTypes[Name];
}

/** Adds the findings of the code rules to `issues`. */
function runRules<Name extends ContractName>(rules: readonly Rule<Name>[], doc: ContractTypes[Name], context: RuleContext, issues: Issue[]): void {
  for (const rule of rules) {
    for (const finding of rule.check(doc, context)) {
      issues.push({ code: rule.code, severity: rule.severity, pointer: finding.pointer, message: finding.message });
    }
  }
}

/** Builds a contract from its generated definition and its code rules. */
export function defineContract<Name extends ContractName>(
  definition: ContractDefinition<Name, ContractTypes[Name]>,
  rules: readonly Rule<Name>[],
): Contract<Name> {
  const validate = (doc: unknown, options: ContractValidateOptions = {}): ValidationResult<Name> => {
    // one array literal grown by push, whatever is found: one shape for the engine's optimizer
    const issues: Issue[] = [];
    try {
      if (!definition.validate(doc)) for (const issue of schemaIssues(definition.validate.errors ?? [], doc, definition.schema)) issues.push(issue);
      // Rules JSON Schema cannot say run once the structure holds (rules the schema states may still fail).
      const filename = options?.filename;
      if (issues.every((i) => !i.code.startsWith('schema/'))) runRules(rules, doc as ContractTypes[Name], { filename: typeof filename === 'string' ? filename : undefined }, issues);
    } catch (error) {
      // a getter or proxy that throws, a cycle deeper than the stack: the value's issue, never an exception
      return { ok: false, contract: definition.name, issues: [unreadableValue(error)] };
    }
    return { ok: !hasError(issues), contract: definition.name, issues };
  };
  const contract: Contract<Name> = {
    name: definition.name,
    schema: definition.schema,
    rules,
    validate,
    is: (doc: unknown): doc is ContractTypes[Name] => validate(doc).ok,
    assert(doc: unknown, options?: ContractValidateOptions): asserts doc is ContractTypes[Name] {
      const result = validate(doc, options);
      if (!result.ok) throw new ContractValidationError(definition.name, result.issues);
    },
    parse(doc: unknown, options?: ContractValidateOptions): ContractTypes[Name] {
      contract.assert(doc, options);
      return doc;
    },
    '~standard': standardProps<ContractTypes[Name]>((value) => validate(value)),
  };
  return contract;
}
