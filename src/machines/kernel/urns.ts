/**
 * Typed URN checks, with the patterns read from the schemas: the shared definitions
 * (`schemas/defs.schema.json`) and, for owners, the BrowserAutomationReceipt's `rule/browser-owner-is-urn`.
 */
import defs from '../../../schemas/defs.schema.json' with { type: 'json' };
import { BrowserAutomationReceipt } from '../../contracts.js';

const patterns = (defs as { $defs: Record<string, { pattern?: string }> }).$defs;

/** The `$defs` entry of each checked URN kind. */
const defOf = { session: 'sessionUrn', workspace: 'workspaceUrn', event: 'eventUrn', decision: 'decisionUrn' } as const;

const compiled = new Map<string, RegExp>();

/** True when `value` is a URN of the kind, as the schemas say (`urn:srcos:session:…`, ...). */
export function isUrnOf(kind: keyof typeof defOf, value: unknown): value is string {
  const name = defOf[kind];
  let re = compiled.get(name);
  if (!re) {
    re = new RegExp(patterns[name]?.pattern ?? '(?!)', 'u');
    compiled.set(name, re);
  }
  return typeof value === 'string' && re.test(value);
}

interface RuleBranch {
  readonly 'x-sourceos-rule'?: { readonly code: string };
  readonly properties?: { readonly ownerRef?: { readonly pattern?: string } };
}

/** The owner pattern as the schema's `rule/browser-owner-is-urn` states it; throws at load time if the rule is gone. */
function ownerPattern(): RegExp {
  const branch = (BrowserAutomationReceipt.schema.allOf as readonly RuleBranch[]).find((b) => b['x-sourceos-rule']?.code === 'rule/browser-owner-is-urn');
  const pattern = branch?.properties?.ownerRef?.pattern;
  if (!pattern) throw new Error('schemas/browser-automation-receipt.schema.json has no rule/browser-owner-is-urn pattern');
  return new RegExp(pattern, 'u');
}
/** True for any `urn:srcos:<kind>:<id>` URN (the form of owners and other references). Compiled on first use. */
export function isSrcosUrn(value: unknown): value is string {
  let re = compiled.get('ownerRef');
  if (!re) {
    re = ownerPattern();
    compiled.set('ownerRef', re);
  }
  return typeof value === 'string' && re.test(value);
}
