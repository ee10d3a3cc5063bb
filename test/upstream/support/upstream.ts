// The specification repository's five schemas (test/upstream/schemas/, MIT), validated as a
// JavaScript user of that repository would: ajv's draft 2020-12 validator with ajv-formats, so that
// `format: date-time` is asserted (ajv-formats' full `date-time`). Strict mode is off: it judges a schema's style
// (union types), not the documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ContractName } from '../../../src/index.js';

export const UPSTREAM_CONTRACTS = ['CapabilityLedger', 'BrowserAutomationReceipt', 'GitWorkspaceState', 'OrphanEventReceipt', 'RuntimeInstallReceipt'] as const satisfies readonly ContractName[];
export type UpstreamContract = (typeof UPSTREAM_CONTRACTS)[number];

export type Schema = Record<string, unknown>;

const folder = join(import.meta.dirname, '..', 'schemas');

/** The upstream schema of a contract, as the specification repository holds it. */
export const upstreamSchema = (contract: UpstreamContract): Schema => JSON.parse(readFileSync(join(folder, `${contract}.json`), 'utf8')) as Schema;

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validators = new Map<UpstreamContract, ValidateFunction>(UPSTREAM_CONTRACTS.map((c) => [c, ajv.compile(upstreamSchema(c))]));

/** Whether the upstream schema accepts the document. */
export const upstreamAccepts = (contract: UpstreamContract, doc: unknown): boolean => (validators.get(contract) as ValidateFunction)(doc) === true;

const dateTime = ajv.compile({ type: 'string', format: 'date-time' });

/** Whether upstream's `date-time` format (ajv-formats, full) accepts a string. */
export const upstreamDateTime = (text: string): boolean => dateTime(text) === true;
