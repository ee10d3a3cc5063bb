/**
 * The lease budget of a repository: `max_leases_per_domain` from its
 * `.substrate/constants/budgets.yaml` (2 when the file or the setting is missing). The YAML
 * parser is loaded only when a scan holds leases.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULT_MAX_LEASES_PER_DOMAIN = 2;
export const BUDGETS_FILE = '.substrate/constants/budgets.yaml';

export interface LeaseBudget {
  max: number;
  /** Where the number came from, for messages. */
  origin: string;
}

/** The budget of the repository at `root`; `shown` is how the budgets file is named in messages. */
export async function readLeaseBudget(root: string, shown: string = BUDGETS_FILE): Promise<LeaseBudget> {
  const file = path.join(root, BUDGETS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} was not found` };
  }
  try {
    const { parse } = await import('yaml');
    const data = parse(text) as { budgets?: { max_leases_per_domain?: unknown } } | null;
    const max = data?.budgets?.max_leases_per_domain;
    if (typeof max === 'number' && Number.isInteger(max) && max >= 0) return { max, origin: `max_leases_per_domain in ${shown}` };
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} sets no max_leases_per_domain` };
  } catch {
    return { max: DEFAULT_MAX_LEASES_PER_DOMAIN, origin: `the default, as ${shown} is not valid YAML` };
  }
}
