import type { ContractName } from '../generated/types/index.js';
import { contracts } from './contracts.js';
import { classifyDocument } from './detect.js';
import type { Issue, ValidationResult } from './issue.js';

/** Options of `validate`. */
export interface ValidateOptions {
  /** Validate against this contract instead of detecting it from the document. */
  readonly contract?: ContractName | undefined;
  /** The document's file name (base name), for rules about file names (signals). */
  readonly filename?: string | undefined;
}

function unknownContract(doc: unknown): Issue {
  const near = classifyDocument(doc).issue;
  if (near?.severity === 'error') return near;
  const type = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>).type : undefined;
  const message =
    typeof type === 'string'
      ? `"type" is ${JSON.stringify(type)}, which is not a contract of this package`
      : 'the document is not a contract of this package: it has no known "type" and does not have the shape of a Lease or a Signal';
  return { code: 'contract/unknown', severity: 'error', pointer: typeof type === 'string' ? '/type' : '', message };
}

/**
 * Validates a document against its contract, chosen by `options.contract`, by the document's
 * `type`, or by its shape (see classifyDocument); a document meant to be a contract but broken (a
 * misspelt `type`) gets `contract/near-miss`, any other `contract/unknown`. Returns every issue, not only the first; `ok` is true when none is an error.
 */
export function validate(doc: unknown, options: ValidateOptions = {}): ValidationResult<ContractName> {
  const name = options.contract ?? classifyDocument(doc).contract;
  if (!name) return { ok: false, contract: null, issues: [unknownContract(doc)] };
  const contract = contracts[name] as (typeof contracts)[ContractName] | undefined;
  if (!contract) {
    const issue: Issue = { code: 'contract/unknown', severity: 'error', pointer: '', message: `${JSON.stringify(name)} is not a contract of this package` };
    return { ok: false, contract: null, issues: [issue] };
  }
  return contract.validate(doc, { filename: options.filename });
}
