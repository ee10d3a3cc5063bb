// The specification repository's five schemas, validated as a JavaScript user of that repository would: ajv's draft 2020-12 validator with ajv-formats, so that
// `format: date-time` is asserted (ajv-formats' full `date-time`). Strict mode is off: it judges a schema's style
// (union types), not the documents.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ContractName } from '../../../src/index.js';
import { besideRepository } from '../../support/conformance.js';
import { repoRoot } from '../../support/valid-examples.js';

export const UPSTREAM_CONTRACTS = ['CapabilityLedger', 'BrowserAutomationReceipt', 'GitWorkspaceState', 'OrphanEventReceipt', 'RuntimeInstallReceipt'] as const satisfies readonly ContractName[];
export type UpstreamContract = (typeof UPSTREAM_CONTRACTS)[number];

export type Schema = Record<string, unknown>;

/**
 * Where the upstream schema files are (`<Name>.json`, as the specification repository names them):
 * `SOURCEOS_SPEC_SCHEMAS`, else `../shared/upstream/sourceos-spec/schemas` beside the repository.
 * They are not part of this repository: without them the comparison is skipped with a message (and
 * the pinned documents are checked on this package's side alone), except under CI, where they are
 * required.
 */
export const upstreamFolder = resolve(process.env.SOURCEOS_SPEC_SCHEMAS ?? join(repoRoot, '..', 'shared', 'upstream', 'sourceos-spec', 'schemas'));

let available: boolean | undefined;

/** Whether the upstream schemas are at hand; under CI their absence throws (see `besideRepository`). */
export function upstreamAvailable(): boolean {
  available ??= besideRepository(
    upstreamFolder,
    'the upstream schema folder (sourceos-spec)',
    `folder ${upstreamFolder} (../shared/upstream/sourceos-spec/schemas beside the repository, or a folder of them named by SOURCEOS_SPEC_SCHEMAS)`,
  );
  if (available) {
    const missing = UPSTREAM_CONTRACTS.filter((c) => !existsSync(join(upstreamFolder, `${c}.json`)));
    if (missing.length > 0) throw new Error(`the upstream schema folder ${upstreamFolder} lacks ${missing.map((c) => `${c}.json`).join(', ')}`);
  }
  return available;
}

/** The upstream schema of a contract, as the specification repository holds it. */
export const upstreamSchema = (contract: UpstreamContract): Schema => JSON.parse(readFileSync(join(upstreamFolder, `${contract}.json`), 'utf8')) as Schema;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<UpstreamContract, ValidateFunction>();

/** Whether the upstream schema accepts the document (the schemas must be at hand). */
export function upstreamAccepts(contract: UpstreamContract, doc: unknown): boolean {
  let validator = validators.get(contract);
  if (!validator) validators.set(contract, (validator = ajv.compile(upstreamSchema(contract))));
  return validator(doc) === true;
}

const dateTime = ajv.compile({ type: 'string', format: 'date-time' });

/** Whether upstream's `date-time` format (ajv-formats, full) accepts a string. */
export const upstreamDateTime = (text: string): boolean => dateTime(text) === true;
