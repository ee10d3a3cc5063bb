/**
 * One side of a comparison: a schema file, or a folder searched recursively for `*.json`, parsed.
 * An unreadable path or a file that is not a JSON object or boolean is a `CompatInputError`
 * (exit 2 for the command), never a crash.
 */
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

export class CompatInputError extends Error {}

/** A parsed schema file: its path relative to the side's root (with `/`), and its JSON. */
export interface SchemaFile {
  readonly rel: string;
  readonly schema: unknown;
}

/** A side's files, as given on the command line or built in memory. */
export interface SchemaSet {
  readonly root: string;
  readonly files: readonly SchemaFile[];
}

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const link = lstatSync(abs).isSymbolicLink();
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      if (link) continue; // a linked folder may lead back up: not followed
      if (!SKIPPED_DIRS.has(name)) out.push(...listJson(abs));
    } else if (stat.isFile() && name.endsWith('.json')) out.push(abs);
  }
  return out;
}

function parseFile(abs: string, rel: string): SchemaFile {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (error) {
    throw new CompatInputError(`cannot read ${abs}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CompatInputError(`${abs} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof schema !== 'boolean' && (schema === null || typeof schema !== 'object' || Array.isArray(schema))) {
    throw new CompatInputError(`${abs} is not a JSON Schema (an object or a boolean)`);
  }
  return { rel, schema };
}

/** Reads a file or a folder of schemas. */
export function loadSchemaSet(path: string): SchemaSet {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new CompatInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (stat.isDirectory()) {
    let files: string[];
    try {
      files = listJson(path);
    } catch (error) {
      throw new CompatInputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return { root: path, files: files.map((abs) => parseFile(abs, relative(path, abs).split('\\').join('/'))) };
  }
  return { root: path, files: [parseFile(path, basename(path))] };
}
