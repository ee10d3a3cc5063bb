import { capabilityLedgerDefinition } from '../../generated/definitions/capability-ledger.js';
import type { CapabilityLedger } from '../../generated/types/capability-ledger.js';
import { defineRule, type Rule } from './rule.js';
import { schemaEnum } from './schema-values.js';

type EffectiveState = CapabilityLedger['effectiveState'];

/** The states that say something did not work: degraded, failed, and every blocked/unsupported/missing state of the schema's enum. */
export const statesNeedingReason: readonly EffectiveState[] = schemaEnum<EffectiveState>(capabilityLedgerDefinition.schema, '/properties/effectiveState/enum').filter(
  (state) => state === 'degraded' || state === 'failed' || /^(blocked|unsupported|missing)_/.test(state),
);

/** Warning: a degraded, failed, blocked, unsupported or missing capability without a stateReason. */
export const capabilityStateHasReason = defineRule({
  code: 'rule/capability-state-has-reason',
  contract: 'CapabilityLedger',
  severity: 'warning',
  statement: `A capability that is ${statesNeedingReason.join(', ')} has a stateReason (absent, null and "" count as none).`,
  why: 'People see the state in every app; without a reason they cannot tell a policy decision from a bug, or know what would fix it.',
  check: (doc) => {
    if (!statesNeedingReason.includes(doc.effectiveState) || (typeof doc.stateReason === 'string' && doc.stateReason !== '')) return [];
    return [{ pointer: '/stateReason', message: `effectiveState is ${doc.effectiveState} but no stateReason says why` }];
  },
});

/** The rules of CapabilityLedger that JSON Schema cannot say (the others are in its schema). */
export const capabilityLedgerRules: readonly Rule<'CapabilityLedger'>[] = [capabilityStateHasReason];
