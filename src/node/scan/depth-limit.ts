/**
 * The nesting limit of a document, derived from the schemas: the deepest nesting any contract
 * allows (computed when the package is generated, by contract-nesting.ts), plus slack so that
 * ordinary JSON files that are not contracts still parse. Past this limit a document cannot be a
 * contract and is refused as `parse/too-deep`.
 */
import { DEEPEST_CONTRACT_NESTING } from '../../../generated/contract-nesting.js';

/** Levels of nesting allowed beyond the deepest contract, for JSON that is not a contract. */
export const DEPTH_SLACK = 32;

/** The depth past which a document is refused: the deepest contract nesting plus the slack. */
export function maxDocumentDepth(): number {
  return (Number.isFinite(DEEPEST_CONTRACT_NESTING) ? DEEPEST_CONTRACT_NESTING : 64) + DEPTH_SLACK;
}
