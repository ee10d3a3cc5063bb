/**
 * The comparison from paths, as the command and the release gate run it: OLD and NEW (files or
 * folders of schemas), and the two rule registries when given.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CompatReport } from './classes.js';
import { compareSchemaSets, withEntries } from './compare-sets.js';
import { CompatInputError, loadSchemaSet } from './load.js';
import { compareRuleRegistries, readRuleRegistry } from './rule-registry.js';

export interface CompatPaths {
  readonly old: string;
  readonly new: string;
  /** The rule registries (generated/rule-registry.json) of OLD and NEW. */
  readonly rules?: { readonly old: string; readonly new: string };
}

function readJson(path: string): unknown {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CompatInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CompatInputError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Compares OLD and NEW (paths resolved against `cwd`), with the rule registries when given. */
export function compatReport(args: CompatPaths, cwd: string = process.cwd()): CompatReport {
  const report = compareSchemaSets(loadSchemaSet(resolve(cwd, args.old)), loadSchemaSet(resolve(cwd, args.new)));
  if (!args.rules) return report;
  const before = readRuleRegistry(readJson(resolve(cwd, args.rules.old)), args.rules.old);
  const after = readRuleRegistry(readJson(resolve(cwd, args.rules.new)), args.rules.new);
  return withEntries(report, [compareRuleRegistries(before, after, args.rules)]);
}

