// The generator's steps, in order. Each step takes the loaded schemas (and the repository root)
// and returns the files it owns as { path, content }; nothing else writes them.
import { loadSchemas } from './contract-schemas.mjs';
import types from '../generate/types.mjs';
import validators from '../generate/validators.mjs';
import definitions from '../generate/definitions.mjs';
import examplesManifest from '../generate/examples-manifest.mjs';
import rulesDoc from '../generate/rules-doc.mjs';
import stateMachinesDoc from '../generate/state-machines-doc.mjs';
import configSchema from '../generate/config-schema.mjs';
import python, { PYTHON_GENERATED } from '../generate/python.mjs';
import ruleRegistry from '../generate/rule-registry.mjs';
import contractNesting from '../generate/contract-nesting.mjs';

export const STEPS = [types, validators, definitions, examplesManifest, rulesDoc, stateMachinesDoc, configSchema, ruleRegistry, contractNesting, python];

/** Folders wholly owned by the generator: a file there that no step writes is stale. */
export const OWNED_DIRS = ['generated', PYTHON_GENERATED];

export async function runSteps(root) {
  // `generated` holds what the steps so far produced, for steps that bundle src/ (see import-ts.mjs).
  const ctx = { root, ...loadSchemas(root), generated: new Map() };
  const files = [];
  for (const step of STEPS) {
    for (const file of await step(ctx)) {
      files.push(file);
      ctx.generated.set(file.path, file.content);
    }
  }
  return files;
}
