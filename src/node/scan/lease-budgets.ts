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

/** The budget of the repository at `root`; `shown` is how the budgets file is named in messages. */
export async function readLeaseBudget(root: string, shown: string = BUDGETS_FILE): Promise<LeaseBudget> {
  const file = path.join(root, BUDGETS_FILE);
  const read = readSideFile(file, realFolder(root), MAX_BUDGETS_FILE_BYTES);
  if (read.kind === 'missing') return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} was not found` };
  if (read.kind === 'refused') {
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} was not read`, refused: { code: read.code, message: `${shown} not read: ${read.message}; the default budget of ${DEFAULT_MAX_LEASES_PER_DOMAIN} applies` } };
  }
  const text = read.text;
  try {
    const load = syncLoader();
    const { parse } = (load ? load('yaml') : await import('yaml')) as typeof import('yaml');
    const data = parse(text) as { budgets?: { max_leases_per_domain?: unknown }; max_leases_per_domain?: unknown } | null;
    const max = data?.budgets?.max_leases_per_domain ?? data?.max_leases_per_domain;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 0) return { max, origin: `max_leases_per_domain in ${shown}` };
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} sets no max_leases_per_domain` };
  } catch {
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} is not valid YAML` };
  }
}
