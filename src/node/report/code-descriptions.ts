/**
 * What each issue code means, in one sentence, for SARIF rules and `--list-codes`-style help.
 * Rule codes are described by the core's rule registry and the schemas' rule annotations; the
 * codes of the CLI itself and the schema keywords are described here.
 */
import { contractNames, contracts, ruleAnnotations } from '../../validation.js';

export const CLI_CODES: Readonly<Record<string, string>> = {
  'parse/syntax': 'The file is not valid JSON (RFC 8259) and is meant to be a contract document (its place, its name on the command line, .contracts.json, --contract or its own text say so); the issue says what was expected where.',
  'parse/duplicate-key':
    'An object repeats a key. JSON.parse keeps the last value and other parsers may keep the first, so the document can mean two things (this is how a `revocable: false` hides).',
  'parse/too-deep': 'The document nests deeper than any contract allows; it is refused before validation.',
  'parse/empty': 'A .json file meant to be a contract document holds no JSON value (a JSON Lines file with no line holds zero documents and is fine).',
  'parse/encoding': 'The file is not valid UTF-8.',
  'file/too-large': 'The file is larger than --max-file-size; it was refused without being read.',
  'file/line-too-large': 'A line of a JSON Lines log is longer than --max-file-size (the limit of one document); that line is not checked, the lines after it are.',
  'file/unreadable': 'The file or folder could not be read (permissions or an I/O error).',
  'file/is-directory': 'A folder was given where a file was expected.',
  'file/not-regular': 'The path is not a regular file (a device, a FIFO or a socket); an ignore file or a budgets file like that is not read, and the scan goes on without it.',
  'file/outside': 'An ignore file or a budgets file is a symbolic link to outside the scanned folder: it is not followed, and the scan goes on without it.',
  'scan/more-issues': 'A document has more issues than a report lists (100): the rest are counted in the summary and in this issue.',
  'contract/unknown': 'validate() was asked for a contract this package does not have, or given a document whose `type` names none of its contracts. A scan never reports it: a SourceOS document of another family is skipped.',
  'contract/near-miss':
    'The document is meant to be a contract but is broken where it says which: its `type` is a near miss of a contract name (case, spacing, plural, a typo), or its `id` has one of this package\'s URN prefixes under another or no `type` (`specVersion` and a `urn:srcos:` id of another family are no evidence). The message says which contract it looks like.',
  'contract/partial-shape':
    'A document without `type` has much of the shape of a Lease or a Signal but not enough to be taken for one: if it is one, map it to that contract in .contracts.json (or move it to its place); if not, map it to "none".',
  'scan/duplicate-id': 'Two SourceOS documents of the scan carry the same `id` with different content.',
  'scan/repeated-signal-id': 'Two signals of the scan carry the same header id.',
  'scan/expired-lease': 'A lease that has expired (at --now) is still on disk: lease hoarding.',
  'scan/lease-budget': 'A domain holds more unexpired leases than `max_leases_per_domain` in .substrate/constants/budgets.yaml (default 2).',
  'scan/unknown-ledger': 'A `capabilityLedgerRef` names no CapabilityLedger of the scan, while the scan holds ledgers.',
};

const SCHEMA_KEYWORDS: Readonly<Record<string, string>> = {
  required: 'A required property is missing.',
  additionalProperties: 'A property the contract does not define is present.',
  type: 'A value has the wrong JSON type.',
  enum: 'A value is not one of the allowed values.',
  const: 'A value differs from the one value the contract allows.',
  pattern: 'A string does not have the required form (a typed urn:srcos: URN, a sha256: digest, ...).',
  format: 'A string is not in the required format (an RFC 3339 date-time).',
  minItems: 'A list has fewer items than required.',
  maxItems: 'A list has more items than allowed.',
  minLength: 'A string is shorter than allowed (usually: it must not be empty).',
  maxLength: 'A string is longer than allowed.',
  minimum: 'A number is below the minimum.',
  maximum: 'A number is above the maximum.',
  uniqueItems: 'A list repeats an item.',
  contains: 'A list lacks an item it must contain.',
  not: 'A value is one the contract forbids.',
  dependentRequired: 'A property requires another one that is missing.',
};

let ruleTable: Map<string, string> | undefined;

function rules(): Map<string, string> {
  if (ruleTable) return ruleTable;
  ruleTable = new Map();
  for (const name of contractNames) {
    const contract = contracts[name];
    for (const rule of contract.rules) ruleTable.set(rule.code, `${name}: ${rule.statement} ${rule.why}`.trim());
    for (const a of ruleAnnotations(contract.schema)) if (!ruleTable.has(a.code)) ruleTable.set(a.code, `${name}: ${a.statement} ${a.why}`.trim());
  }
  return ruleTable;
}

/** One sentence (or two) on what an issue code means. */
export function describeCode(code: string): string {
  const own = CLI_CODES[code];
  if (own) return own;
  if (code.startsWith('schema/')) {
    const keyword = code.slice('schema/'.length);
    return SCHEMA_KEYWORDS[keyword] ?? `The document fails the JSON Schema keyword \`${keyword}\` of its contract.`;
  }
  if (code.startsWith('rule/')) return rules().get(code) ?? `The document breaks the contract rule ${code}.`;
  return `Issue ${code}.`;
}

/** Where each family of codes is documented: a file under docs/ and the anchor of its section. */
const DOCS_SECTION: Readonly<Record<string, string>> = {
  parse: 'cli.md#bad-input-gets-a-clear-error-never-a-crash',
  file: 'cli.md#bad-input-gets-a-clear-error-never-a-crash',
  schema: 'cli.md#bad-input-gets-a-clear-error-never-a-crash',
  contract: 'cli.md#what-it-reads',
  scan: 'cli.md#checks-across-documents',
};

/** The repository host of the docs (package.json's `repository`; a test keeps the two equal). */
export const REPOSITORY = 'https://github.com/SourceOS-Linux/sourceos-contracts';

/**
 * The documentation of a code, at the tag of this version on the repository host: a rule's own
 * section of docs/rules.md (GitHub's anchor of the heading `rule/name`), else its family's section.
 */
export function helpUriOf(code: string, version: string): string | undefined {
  const family = code.split('/')[0] as string;
  const page = family === 'rule' ? `rules.md#${code.replace('/', '')}` : DOCS_SECTION[family];
  return page ? `${REPOSITORY}/blob/v${version}/docs/${page}` : undefined;
}
