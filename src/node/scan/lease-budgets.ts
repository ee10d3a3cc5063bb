/**
 * The lease budget of a repository: `max_leases_per_domain` from its
 * `.substrate/constants/budgets.yaml` (2 when the file or the setting is missing), under
 * `budgets:` or at the top level. The file is read with the guarded read (a regular file of at most
 * 256 KiB, never a FIFO or a device). The YAML parser is loaded only when a scan holds leases
 * (required where it can be: module-loader.ts).
 */
import path from 'node:path';
import { syncLoader } from '../module-loader.js';
import { readSideFile, realFolder } from '../walk/read-side-file.js';

export const DEFAULT_MAX_LEASES_PER_DOMAIN = 2;
export const BUDGETS_FILE = '.substrate/constants/budgets.yaml';
const MAX_BUDGETS_FILE_BYTES = 256 * 1024;

export interface LeaseBudget {
  max: number;
  /** Where the number came from, for messages. */
  origin: string;
  /** Set when the budgets file was refused unread (not a regular file, too large, a link out of the repository). */
  refused?: { code: string; message: string };
}

type ParseYaml = (text: string) => unknown;
let loadedParse: ParseYaml | undefined;

/** YAML's parser, when it can be had without waiting (a synchronous loader, or loaded before). */
function parserNow(): ParseYaml | undefined {
  if (loadedParse) return loadedParse;
  const load = syncLoader();
  try {
    if (load) loadedParse = (load('yaml') as typeof import('yaml')).parse;
  } catch {
    // not loadable this way: readLeaseBudget imports it
  }
  return loadedParse;
}

/** The budget a budgets file's text sets. */
function budgetOfText(text: string, shown: string, parse: ParseYaml): LeaseBudget {
  try {
    const data = parse(text) as { budgets?: { max_leases_per_domain?: unknown }; max_leases_per_domain?: unknown } | null;
    const max = data?.budgets?.max_leases_per_domain ?? data?.max_leases_per_domain;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 0) return { max, origin: `max_leases_per_domain in ${shown}` };
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} sets no max_leases_per_domain` };
  } catch {
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} is not valid YAML` };
  }
}

type Read = { budget: LeaseBudget } | { text: string };

function readBudgetsFile(root: string, shown: string): Read {
  const read = readSideFile(path.join(root, BUDGETS_FILE), realFolder(root), MAX_BUDGETS_FILE_BYTES);
  if (read.kind === 'missing') return { budget: { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} was not found` } };
  if (read.kind === 'refused') {
    const message = `${shown} not read: ${read.message}; the default budget of ${DEFAULT_MAX_LEASES_PER_DOMAIN} applies`;
    return { budget: { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} was not read`, refused: { code: read.code, message } } };
  }
  return { text: read.text };
}

/**
 * The budget of the repository at `root` now, or undefined when its budgets file needs the YAML
 * parser and that can only be loaded asynchronously (the ESM library entry, the first time).
 */
export function readLeaseBudgetNow(root: string, shown: string = BUDGETS_FILE): LeaseBudget | undefined {
  const read = readBudgetsFile(root, shown);
  if ('budget' in read) return read.budget;
  const parse = parserNow();
  return parse && budgetOfText(read.text, shown, parse);
}

/** The budget of the repository at `root`; `shown` is how the budgets file is named in messages. */
export async function readLeaseBudget(root: string, shown: string = BUDGETS_FILE): Promise<LeaseBudget> {
  const read = readBudgetsFile(root, shown);
  if ('budget' in read) return read.budget;
  try {
    loadedParse ??= parserNow() ?? ((await import('yaml')) as typeof import('yaml')).parse;
  } catch {
    // no parser to be had: the answer for a text the parser refuses
    return budgetOfText(read.text, shown, () => {
      throw new Error('no YAML parser');
    });
  }
  return budgetOfText(read.text, shown, loadedParse);
}
