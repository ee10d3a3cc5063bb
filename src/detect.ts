import { contractNames, type ContractName } from '../generated/types/index.js';
import { contracts } from './contracts.js';

/** How a contract's documents are recognised, as its schema's `x-sourceos-contract` annotation says. */
export interface ContractDetection {
  /** `type`: by the document's `type` field; `shape`: by which properties it has. */
  readonly detect: 'type' | 'shape';
  /** Where the estate keeps these documents (a glob relative to a repository root), if anywhere. */
  readonly location?: string;
}

export const detectionOf = (name: ContractName): ContractDetection =>
  contracts[name].schema['x-sourceos-contract'] as ContractDetection;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const requiredOf = (name: ContractName): readonly string[] => (contracts[name].schema.required as string[] | undefined) ?? [];

/**
 * The contract a document claims to be: by its `type` for the contracts detected by type, otherwise
 * by shape: a document without a `type` that has at least half of a contract's required properties.
 * Returns null when it is none of them.
 */
export function detectContract(doc: unknown): ContractName | null {
  if (!isRecord(doc)) return null;
  const type = doc.type;
  if (typeof type === 'string') {
    const byType = contractNames.find((n) => n === type && detectionOf(n).detect === 'type');
    return byType ?? null;
  }
  let best: ContractName | null = null;
  let bestShare = 0;
  for (const name of contractNames) {
    if (detectionOf(name).detect !== 'shape') continue;
    const required = requiredOf(name);
    const share = required.filter((k) => k in doc).length / Math.max(1, required.length);
    if (share >= 0.5 && share > bestShare) [best, bestShare] = [name, share];
  }
  return best;
}
