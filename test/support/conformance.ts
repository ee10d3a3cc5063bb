// The conformance corpus: documents the estate really emits, written elsewhere. It lives beside the
// repository (../shared/conformance), not in it, because part of it carries no licence; the upstream
// schemas (../shared/upstream, test/upstream/support/upstream.ts) are beside it too, being another
// project's. Tests that read them run when they are there, are required under CI (a clear failure,
// never an ENOENT), and otherwise skip with a message naming the folder. The sourceos-spec canonical examples (MIT) are
// also copied into test/fixtures/sourceos-spec/, so every clone has them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from './valid-examples.js';

export const corpusRoot = resolve(repoRoot, '../shared/conformance');
/** The five canonical examples of the spec repository, with their licence (always present). */
export const specFixturesRoot = join(repoRoot, 'test', 'fixtures', 'sourceos-spec', 'examples');

const warned = new Set<string>();

/**
 * Whether something the tests read beside the repository is there (`path`, described as `what`,
 * `where` saying how to provide it). Under CI its absence throws (the test file fails with this
 * message); elsewhere it is reported once and the tests that need it skip.
 */
export function besideRepository(path: string, what: string, where: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${what} is required under CI and is missing: ${where}`);
  if (!warned.has(path)) console.warn(`[conformance] tests of ${what} skipped: no ${where}`);
  warned.add(path);
  return false;
}

/** Whether the corpus is beside the repository (see `besideRepository`). */
export const corpusPresent = (): boolean =>
  besideRepository(corpusRoot, 'the conformance corpus', `folder ${corpusRoot} (../shared/conformance beside the repository)`);

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

/** Every JSON file of the corpus (its README and YAML files are not contract documents); none when it is absent. */
export const corpusFiles = (): string[] => (corpusPresent() ? walk(corpusRoot).filter((f) => f.endsWith('.json')).sort() : []);

/** The spec repository's canonical examples copied into the repository. */
export const specFixtureFiles = (): string[] => walk(specFixturesRoot).filter((f) => f.endsWith('.json')).sort();

/** A JSON file of the corpus (path segments under it), parsed; undefined when the corpus is absent. */
export function corpusJson<T>(...segments: string[]): T | undefined {
  return corpusPresent() ? (JSON.parse(readFileSync(join(corpusRoot, ...segments), 'utf8')) as T) : undefined;
}

/** One of the spec repository's canonical examples (copied into the repository), parsed. */
export const specExample = <T>(file: string): T => JSON.parse(readFileSync(join(specFixturesRoot, file), 'utf8')) as T;
