/** Picks out of a parsed document the few facts that checks across documents need. */
import { detectionOf, type ContractName } from '../../validation.js';
import { parseInstant } from '../../rules/instant.js';
import { contentFingerprint } from './content-fingerprint.js';
import type { DocumentFacts } from './types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `withContent`: take the content's fingerprint now (a document that cannot be read again: a log's line, standard input). */
export function documentFacts(value: unknown, contract: ContractName | null, leaseRoot: string, withContent: boolean): DocumentFacts | undefined {
  if (!isRecord(value)) return undefined;
  const facts: DocumentFacts = {};
  let any = false;
  const byType = contract === null || detectionOf(contract).detect === 'type';
  if (byType && typeof value.id === 'string') {
    facts.id = value.id;
    if (withContent) facts.content = contentFingerprint(value);
    if (contract === 'CapabilityLedger') facts.ledgerId = value.id;
    any = true;
  }
  if (byType && typeof value.capabilityLedgerRef === 'string' && contract !== 'CapabilityLedger') {
    facts.ledgerRef = value.capabilityLedgerRef;
    any = true;
  }
  if (contract === 'Signal' && isRecord(value.header) && typeof value.header.id === 'string') {
    facts.signalId = value.header.id;
    any = true;
  }
  if (contract === 'Lease' && typeof value.domain === 'string' && typeof value.expires_at === 'string') {
    const expiresAt = parseInstant(value.expires_at);
    if (expiresAt !== null) {
      facts.lease = { domain: value.domain, expiresAt, override: value.override === true, root: leaseRoot };
      any = true;
    }
  }
  return any ? facts : undefined;
}
