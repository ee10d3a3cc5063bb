// The valid examples of each contract, read from examples/valid/<contract>/ (the suite's source of valid documents).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: plain .mjs generator module, no types
import { readExampleFolders } from '../../scripts/generate/examples-manifest.mjs';
// @ts-expect-error: plain .mjs generator module, no types
import { loadSchemas } from '../../scripts/lib/contract-schemas.mjs';
import type { ContractName } from '../../src/index.js';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface ValidExample {
  readonly path: string;
  readonly contract: ContractName;
  readonly doc: unknown;
}

export function validExamples(): ValidExample[] {
  const entries: { path: string; contract: ContractName; valid: boolean }[] = readExampleFolders(repoRoot, loadSchemas(repoRoot).contracts);
  return entries
    .filter((e) => e.valid)
    .map((e) => ({ path: e.path, contract: e.contract, doc: JSON.parse(readFileSync(join(repoRoot, e.path), 'utf8')) as unknown }));
}

export const listJson = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json'));
