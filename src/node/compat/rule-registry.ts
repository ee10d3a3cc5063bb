/**
 * Issue codes and rules are part of the contract: a registry of every code (`generated/
 * rule-registry.json`: each rule with its contract, severity and where it is checked, and the other
 * issue codes) compared between two versions. A new error rule, a warning that becomes an error, a
 * removed or renamed code is major; a new warning rule or issue code minor.
 */
import { escapeToken } from '../../json-pointer.js';
import { changeCodes, maxClass, type ChangeCode, type CompatChange, type CompatClass, type SchemaCompat } from './classes.js';
import { CompatInputError } from './load.js';
import { isRecord } from './resolve.js';

export const RULE_REGISTRY_ID = 'rule-registry';

/** One code of the registry: a rule (with its contract, severity, location) or another issue code. */
export interface RegistryEntry {
  readonly kind: 'rule' | 'issue';
  readonly contract?: string;
  readonly severity?: 'error' | 'warning';
  readonly location?: 'schema' | 'code';
  readonly statement?: string;
  readonly why?: string;
}

export interface RuleRegistryFile {
  readonly version: 1;
  readonly codes: Readonly<Record<string, RegistryEntry>>;
}

/** Checks the shape of a parsed registry file. */
export function readRuleRegistry(value: unknown, name: string): RuleRegistryFile {
  if (!isRecord(value) || value.version !== 1 || !isRecord(value.codes) || !Object.values(value.codes).every((e) => isRecord(e) && (e.kind === 'rule' || e.kind === 'issue'))) {
    throw new CompatInputError(`${name} is not a rule registry (version 1, with "codes")`);
  }
  return value as unknown as RuleRegistryFile;
}

/** The changes from one registry to the next, as one report entry. */
export function compareRuleRegistries(before: RuleRegistryFile, after: RuleRegistryFile, paths: { old: string; new: string }): SchemaCompat {
  const changes: CompatChange[] = [];
  const add = (code: string, change: ChangeCode, message: string): void => {
    const cls = changeCodes[change].class as CompatClass;
    changes.push({ pointer: `/codes/${escapeToken(code)}`, class: cls, code: change, message });
  };
  for (const [code, was] of Object.entries(before.codes)) {
    const now = after.codes[code];
    if (!now) {
      add(code, 'issue-code-removed', `the issue code ${code} is gone: users who match on it break`);
      continue;
    }
    if (was.kind === 'rule' && now.kind === 'rule') {
      if (was.contract !== now.contract) add(code, 'rule-contract-changed', `${code} belongs to ${now.contract}, was ${was.contract}`);
      if (was.severity !== now.severity) add(code, now.severity === 'error' ? 'rule-severity-raised' : 'rule-severity-lowered', `${code} reports ${now.severity}s, was ${was.severity}s`);
      if (was.location !== now.location) add(code, now.location === 'schema' ? 'rule-moved-to-schema' : 'rule-moved-to-code', `${code} is checked in the ${now.location}, was in the ${was.location}`);
      if (was.statement !== now.statement || was.why !== now.why) add(code, 'rule-text-changed', `${code}: its statement or reason changed`);
    } else if (was.kind !== now.kind) {
      add(code, now.kind === 'rule' && now.severity === 'error' ? 'error-rule-added' : 'warning-rule-added', `${code} is a ${now.kind === 'rule' ? `rule (${now.severity})` : 'plain issue code'} now, was a ${was.kind === 'rule' ? 'rule' : 'plain issue code'}`);
    }
  }
  for (const [code, now] of Object.entries(after.codes)) {
    if (before.codes[code]) continue;
    if (now.kind === 'rule') add(code, now.severity === 'error' ? 'error-rule-added' : 'warning-rule-added', `a new ${now.severity} rule ${code}${now.contract ? ` of ${now.contract}` : ''}`);
    else add(code, 'issue-code-added', `a new issue code ${code}`);
  }
  return { id: RULE_REGISTRY_ID, old: paths.old, new: paths.new, class: maxClass(changes.map((c) => c.class)), changes };
}
