/**
 * The repository's word on what is a contract: a `.contracts.json` mapping globs to a contract or
 * to "none" (not a contract), which outranks every other way of deciding. Found as linters find
 * theirs: from each path given, the nearest one in its folder or a folder above. Read once, on
 * the main thread; its plain data goes to the scan workers as is. A broken one stops the scan
 * with a clear message (exit 2), never a guess.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { contractNames, nearestName, type ContractName } from '../../validation.js';
import { InputError } from '../walk/inputs.js';
import { configGlobSource } from '../scan/glob.js';

export const CONFIG_FILE = '.contracts.json';
/** What a glob maps to when its files are not contract documents. */
export const NOT_A_CONTRACT_VALUE = 'none';

export interface ConfigEntry {
  glob: string;
  /** A regular-expression source over paths relative to the config's folder, `/`-separated. */
  source: string;
  contract: ContractName | null;
}

export interface RepoConfig {
  /** The configuration file, absolute. */
  file: string;
  /** The file as shown in reports (relative to the working folder). */
  display: string;
  /** Its folder, absolute: globs are relative to it. */
  base: string;
  entries: ConfigEntry[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** The nearest configuration file in `folder` or a folder above it. */
export function findConfigFile(folder: string): string | undefined {
  for (let dir = path.resolve(folder); ; ) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function contractOf(value: unknown, glob: string, file: string): ContractName | null {
  if (value === NOT_A_CONTRACT_VALUE) return null;
  if (typeof value === 'string' && (contractNames as readonly string[]).includes(value)) return value as ContractName;
  const near = typeof value === 'string' ? nearestName(value, [...contractNames, NOT_A_CONTRACT_VALUE]) : undefined;
  const hint = near ? `did you mean ${JSON.stringify(near.name)}?` : `expected one of ${[...contractNames, NOT_A_CONTRACT_VALUE].map((n) => JSON.stringify(n)).join(', ')}`;
  throw new InputError(`${file}: "contracts" maps ${JSON.stringify(glob)} to ${JSON.stringify(value)}, not a contract: ${hint}`);
}

/** Reads and checks a configuration file; throws an InputError that says what is wrong. */
export function loadConfig(file: string, display: string = file): RepoConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${display}: cannot read the configuration: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new InputError(`${display}: the configuration must be a JSON object`);
  for (const key of Object.keys(value)) {
    if (key !== '$schema' && key !== 'contracts') throw new InputError(`${display}: unknown key ${JSON.stringify(key)} (expected "$schema" and "contracts")`);
  }
  const contracts = value.contracts ?? {};
  if (!isRecord(contracts)) throw new InputError(`${display}: "contracts" must be an object mapping globs to a contract name or "none"`);
  const entries = Object.entries(contracts).map(([glob, target]): ConfigEntry => {
    if (glob.trim() === '') throw new InputError(`${display}: "contracts" has an empty glob`);
    return { glob, source: configGlobSource(glob), contract: contractOf(target, glob, display) };
  });
  return { file, display, base: path.dirname(file), entries };
}

/** The configurations that govern the given absolute paths, one per file found (the nearest to each). */
export function configsFor(paths: readonly string[], display: (file: string) => string): RepoConfig[] {
  const files = new Set<string>();
  for (const p of paths) {
    const folder = isFile(p) ? path.dirname(p) : p;
    const found = findConfigFile(folder);
    if (found) files.add(found);
  }
  return [...files].map((file) => loadConfig(file, display(file)));
}
