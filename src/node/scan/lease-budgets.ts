/**
 * The lease budget of a repository: `max_leases_per_domain` from its
 * `.substrate/constants/budgets.yaml` (2 when the file or the setting is missing), under
 * `budgets:` or at the top level. The file is read with the guarded read (a regular file of at most
 * 256 KiB, never a FIFO or a device). The YAML parser is loaded only when a scan holds leases.
 */
import path from 'node:path';
import { readDocumentFile } from './read-file.js';

export const DEFAULT_MAX_LEASES_PER_DOMAIN = 2;
export const BUDGETS_FILE = '.substrate/constants/budgets.yaml';
const MAX_BUDGETS_FILE_BYTES = 256 * 1024;

export interface LeaseBudget {
  max: number;
  /** Where the number came from, for messages. */
  origin: string;
}

/** The budget of the repository at `root`; `shown` is how the budgets file is named in messages. */
export async function readLeaseBudget(root: string, shown: string = BUDGETS_FILE): Promise<LeaseBudget> {
  const file = path.join(root, BUDGETS_FILE);
  const read = readDocumentFile(file, MAX_BUDGETS_FILE_BYTES);
  if (!read.ok) {
    const why = read.message.endsWith('ENOENT') ? 'was not found' : `could not be read (${read.message})`;
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} ${why}` };
  }
  try {
    const { parse } = await import('yaml');
    const data = parse(read.bytes.toString('utf8')) as { budgets?: { max_leases_per_domain?: unknown }; max_leases_per_domain?: unknown } | null;
    const max = data?.budgets?.max_leases_per_domain ?? data?.max_leases_per_domain;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 0) return { max, origin: `max_leases_per_domain in ${shown}` };
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} sets no max_leases_per_domain` };
  } catch {
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} is not valid YAML` };
  }
}
