import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Issue } from './issue.js';
import { pointerTokens } from './json-pointer.js';

export type { StandardSchemaV1 };

/** The vendor name this package reports in every `~standard` property. */
export const STANDARD_VENDOR = 'sourceos-contracts';

/**
 * The Standard Schema v1 properties of a contract: its `validate` succeeds when no issue is an
 * error (warnings do not fail), and reports each error with its message and its path. A document
 * valid with warnings returns its value: Standard Schema has no place for warnings, so they are
 * found with the contract's own `validate(doc).issues` (severity `warning`) or the top-level
 * `validate(doc)`, which list every issue, warnings included.
 */
export function standardProps<Output>(
  run: (value: unknown) => { readonly ok: boolean; readonly issues: readonly Issue[] },
): StandardSchemaV1.Props<unknown, Output> {
  return {
    version: 1,
    vendor: STANDARD_VENDOR,
    validate(value: unknown): StandardSchemaV1.Result<Output> {
      const result = run(value);
      if (result.ok) return { value: value as Output };
      return {
        issues: result.issues
          .filter((i) => i.severity === 'error')
          .map((i) => ({ message: `${i.code}: ${i.message}`, path: pointerTokens(i.pointer) })),
      };
    },
  };
}
