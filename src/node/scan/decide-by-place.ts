/**
 * What decides a file's contract before it is read, in order of authority: `--contract` (for every
 * document scanned), the repository's configuration (`.contracts.json`: the last glob that matches
 * wins), and the place the estate keeps a contract's documents (`.substrate/state/leases/*.json`).
 * The document itself (its `type`, its shape) decides only when none of them does.
 */
import path from 'node:path';
import { detectionOf, type ContractName } from '../../validation.js';
import { CONFIG_FILE, NOT_A_CONTRACT_VALUE, type RepoConfig } from '../config/config-file.js';
import { contractAtLocation } from './contract-locations.js';
import type { Detection } from './types.js';

export interface PlaceOptions {
  /** `--contract`: every document scanned is this contract. */
  contract?: ContractName | undefined;
  /** The configuration files found from the paths given. */
  configs?: readonly RepoConfig[] | undefined;
}

export interface PlaceDecision {
  /** The contract, or null: not a contract (skip the file unread). */
  contract: ContractName | null;
  detection: Detection;
  /** For a place: the folder that holds it (a lease's budgets are read there). */
  root?: string;
}

const toPosix = (p: string): string => (path.sep === '/' ? p : p.split(path.sep).join('/'));
const patterns = new Map<string, RegExp>();
const compiled = (source: string): RegExp => {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source)));
  return re;
};

/** The configuration that governs a file: the one whose folder holds it, the deepest first. */
function governing(configs: readonly RepoConfig[], file: string): { config: RepoConfig; relative: string } | undefined {
  let best: { config: RepoConfig; relative: string } | undefined;
  for (const config of configs) {
    const base = toPosix(config.base).replace(/\/?$/, '/');
    if (!file.startsWith(base)) continue;
    if (!best || config.base.length > best.config.base.length) best = { config, relative: file.slice(base.length) };
  }
  return best;
}

function byConfig(configs: readonly RepoConfig[], file: string): PlaceDecision | undefined {
  const found = governing(configs, file);
  if (!found) return undefined;
  const { config, relative } = found;
  for (let i = config.entries.length - 1; i >= 0; i--) {
    const entry = config.entries[i]!;
    if (!compiled(entry.source).test(relative)) continue;
    const target = entry.contract ?? JSON.stringify(NOT_A_CONTRACT_VALUE);
    return { contract: entry.contract, detection: { by: 'config', reason: `${config.display} maps ${JSON.stringify(entry.glob)} to ${target}` } };
  }
  return undefined;
}

const optionDetections = new Map<ContractName, Detection>();
const locationDetections = new Map<ContractName, Detection>();

/**
 * The contract a file is by the command line, the configuration or its place; undefined when the
 * document must decide. `file` is the absolute path (`/`-separated) or the name standard input stands for.
 */
export function decideByPlace(file: string, isJson: boolean, options: PlaceOptions): PlaceDecision | undefined {
  if (options.contract) {
    const contract = options.contract;
    let detection = optionDetections.get(contract);
    if (!detection) optionDetections.set(contract, (detection = { by: 'option', reason: `--contract ${contract}` }));
    return { contract, detection };
  }
  if (options.configs && options.configs.length > 0) {
    const configured = byConfig(options.configs, file);
    if (configured) return configured;
  }
  if (!isJson) return undefined;
  const location = contractAtLocation(file);
  if (!location) return undefined;
  let detection = locationDetections.get(location.contract);
  if (!detection) {
    detection = { by: 'location', reason: `its place: ${location.contract} documents are kept at ${detectionOf(location.contract).location ?? ''}` };
    locationDetections.set(location.contract, detection);
  }
  return { contract: location.contract, detection, root: location.root };
}

/** The configuration file itself, met on a walk: never a document. */
export const isConfigFile = (file: string): boolean => file === CONFIG_FILE || file.endsWith(`/${CONFIG_FILE}`);
