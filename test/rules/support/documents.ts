// Valid documents to start from: every valid example (with the warnings its expected.json names and
// its file name), the spec repository's canonical examples (test/fixtures/sourceos-spec), and every
// contract document of the conformance corpus when it is beside the repository (with its real file name).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
// @ts-expect-error: plain .mjs generator module, no types
import { readExampleFolders } from '../../../scripts/generate/examples-manifest.mjs';
// @ts-expect-error: plain .mjs generator module, no types
import { loadSchemas } from '../../../scripts/lib/contract-schemas.mjs';
import { detectContract, type ContractName } from '../../../src/index.js';
import { repoRoot } from '../../support/valid-examples.js';
import { corpusFiles, specFixtureFiles } from '../../support/conformance.js';

export interface ExpectedIssue {
  readonly code: string;
  readonly pointer: string;
  readonly severity: 'error' | 'warning';
}

/** A valid document, where it comes from, and what `validate` must say about it. */
export interface Base {
  readonly source: string;
  readonly contract: ContractName;
  readonly doc: Record<string, unknown>;
  readonly filename?: string;
  /** The warnings it carries (never an error). */
  readonly warnings: readonly ExpectedIssue[];
}

interface Entry {
  path: string;
  contract: ContractName;
  valid: boolean;
  filename?: string;
  issues: ExpectedIssue[];
}

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** A leap second cannot be shifted by arbitrary seconds; such documents are left to the instant tests. */
const hasLeapSecond = (doc: unknown) => /T\d\d:\d\d:60/i.test(JSON.stringify(doc));

function allBases(): Base[] {
  const entries: Entry[] = readExampleFolders(repoRoot, loadSchemas(repoRoot).contracts);
  const examples = entries
    .filter((e) => e.valid)
    .map((e): Base => ({ source: e.path, contract: e.contract, doc: read(join(repoRoot, e.path)), ...(e.filename ? { filename: e.filename } : {}), warnings: e.issues }));
  const copied = new Set(specFixtureFiles().map((f) => basename(f)));
  const outside = corpusFiles().filter((f) => !(f.includes('/sourceos-spec/') && copied.has(basename(f))));
  const corpus = [...specFixtureFiles(), ...outside].flatMap((file): Base[] => {
    const doc = read(file);
    const contract = detectContract(doc);
    return contract ? [{ source: file, contract, doc, filename: basename(file), warnings: [] }] : [];
  });
  return [...examples, ...corpus].filter((b) => !hasLeapSecond(b.doc));
}

let cache: Base[] | undefined;

/** The valid documents of a contract (none with a leap second). */
export function basesOf(contract: ContractName): Base[] {
  cache ??= allBases();
  const found = cache.filter((b) => b.contract === contract);
  if (found.length === 0) throw new Error(`no valid document of ${contract} to start from`);
  return found;
}
