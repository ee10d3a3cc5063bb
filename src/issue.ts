/** How much an issue matters: an `error` makes a document invalid, a `warning` does not. */
export type Severity = 'error' | 'warning';

/**
 * One finding about a document. Errors are data: every issue has a stable `code`
 * (`schema/<keyword>`, `rule/<name>`, `contract/unknown`, ...), a severity, an RFC 6901 JSON
 * pointer to the offending value (for a missing property, the property itself) and a plain message.
 */
export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly pointer: string;
  readonly message: string;
  /** For schema issues: the JSON Schema keyword that failed (`required`, `enum`, ...). */
  readonly keyword?: string;
}

/** The outcome of validating one document. `ok` is true when no issue has severity `error`. */
export interface ValidationResult<Name extends string = string> {
  readonly ok: boolean;
  readonly contract: Name | null;
  readonly issues: readonly Issue[];
}

export const hasError = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');
