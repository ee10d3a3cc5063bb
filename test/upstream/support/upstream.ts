// The specification repository's five schemas, validated as a JavaScript user of that repository would: ajv's draft 2020-12 validator with ajv-formats, so that
// `format: date-time` is asserted (ajv-formats' full `date-time`). Strict mode is off: it judges a schema's style
// (union types), not the documents.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ContractName } from '../../../src/index.js';

export const UPSTREAM_CONTRACTS = ['CapabilityLedger', 'BrowserAutomationReceipt', 'GitWorkspaceState', 'OrphanEventReceipt', 'RuntimeInstallReceipt'] as const satisfies readonly ContractName[];
export type UpstreamContract = (typeof UPSTREAM_CONTRACTS)[number];

export type Schema = Record<string, unknown>;

/**
 * Where the upstream schema files are (`<Name>.json`, as the specification repository names them):
 * `SOURCEOS_SPEC_SCHEMAS`, else `../shared/conformance/sourceos-spec/schemas` beside the repository.
 * They are not part of this repository; without them the comparison is skipped, and the pinned
 * documents are checked on this package's side alone.
 */
const folder = process.env.SOURCEOS_SPEC_SCHEMAS ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'conformance', 'sourceos-spec', 'schemas');

/** Whether the five upstream schema files are there. */
export const upstreamAvailable = existsSync(join(folder, 'CapabilityLedger.json'));

/** Why the comparison did not run, for the skip message. */
export const upstreamMissing = `the specification repository's schemas are not at ${folder} (set SOURCEOS_SPEC_SCHEMAS to a folder of them to compare)`;

/** The upstream schema of a contract, as the specification repository holds it. */
export const upstreamSchema = (contract: UpstreamContract): Schema => JSON.parse(readFileSync(join(folder, `${contract}.json`), 'utf8')) as Schema;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<UpstreamContract, ValidateFunction>(upstreamAvailable ? UPSTREAM_CONTRACTS.map((c) => [c, ajv.compile(upstreamSchema(c))]) : []);

/** Whether the upstream schema accepts the document. */
export const upstreamAccepts = (contract: UpstreamContract, doc: unknown): boolean => (validators.get(contract) as ValidateFunction)(doc) === true;

const dateTime = ajv.compile({ type: 'string', format: 'date-time' });

/** Whether upstream's `date-time` format (ajv-formats, full) accepts a string. */
export const upstreamDateTime = (text: string): boolean => dateTime(text) === true;
