// The conformance corpus: documents the estate really emits, written elsewhere (../shared/conformance).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../support/valid-examples.js';

export const corpusRoot = resolve(repoRoot, '../shared/conformance');

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

/** Every JSON file of the corpus (its README and YAML files are not contract documents). */
export const corpusFiles = (): string[] => walk(corpusRoot).filter((f) => f.endsWith('.json')).sort();
