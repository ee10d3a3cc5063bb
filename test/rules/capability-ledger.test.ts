// CapabilityLedger: each rule broken in random ways is reported, alone, at the broken field.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contracts } from '../../src/index.js';
import { assertBreaks, copy } from './support/break-rule.js';
import { enumAt, schemaAt } from './support/schema-arbitrary.js';

type Doc = Record<string, unknown>;
/** The words: a verdict names the plane that gave it. */
const VERDICT_PLANE: Record<string, string> = {
  blocked_by_policy: 'policy',
  unsupported_by_runtime: 'runtime',
  unsupported_by_server: 'server',
  missing_plugin: 'plugin',
  missing_schema: 'schema',
};
const states = enumAt('CapabilityLedger', '/effectiveState');
const planes = (schemaAt('CapabilityLedger', '/negotiatedBy/items').enum ?? []) as string[];
const needReason = states.filter((s) => /^(degraded|failed|blocked_|unsupported_|missing_)/.test(s));
const reasonArb = fc.string({ minLength: 1 });
const noReason = fc.constantFrom<'absent' | null | ''>('absent', null, '');

describe('CapabilityLedger rules', () => {
  test('the schema names the same plane for each verdict as the issue, and warns for seven states', () => {
    const branch = (contracts.CapabilityLedger.schema.allOf as Doc[]).find((b) => (b['x-sourceos-rule'] as Doc).code === 'rule/capability-verdict-names-plane') as Doc;
    const fromSchema = Object.fromEntries(
      (branch.allOf as Doc[]).map((b) => [
        (((b.if as Doc).properties as Doc).effectiveState as Doc).const,
        (((((b.then as Doc).properties as Doc).negotiatedBy as Doc).contains as Doc).const),
      ]),
    );
    expect(fromSchema).toEqual(VERDICT_PLANE);
    expect(needReason).toHaveLength(7);
  });

  test('rule/capability-enabled-without-conflicts: enabled with conflictRefs', () => {
    assertBreaks('rule/capability-enabled-without-conflicts', (v) =>
      fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }).map((conflictRefs) => ({ doc: { ...copy(v.doc), effectiveState: 'enabled', conflictRefs }, pointers: ['/conflictRefs'] })),
    );
  });

  test('rule/capability-verdict-names-plane: a refusal whose plane is not in negotiatedBy', () => {
    assertBreaks('rule/capability-verdict-names-plane', (v) =>
      fc.constantFrom(...Object.keys(VERDICT_PLANE)).chain((state) =>
        fc
          .record({ negotiatedBy: fc.shuffledSubarray(planes.filter((p) => p !== VERDICT_PLANE[state]), { minLength: 1 }), stateReason: reasonArb })
          .map(({ negotiatedBy, stateReason }) => ({ doc: { ...copy(v.doc), effectiveState: state, negotiatedBy, stateReason }, pointers: ['/negotiatedBy'] })),
      ),
    );
  });

  test('rule/capability-state-has-reason: a state that needs a reason, with none (absent, null or "")', () => {
    assertBreaks('rule/capability-state-has-reason', (v) =>
      fc.record({ state: fc.constantFrom(...needReason), reason: noReason }).map(({ state, reason }) => {
        const doc: Doc = { ...copy(v.doc), effectiveState: state, stateReason: reason };
        const plane = VERDICT_PLANE[state];
        if (plane && !(doc.negotiatedBy as string[]).includes(plane)) doc.negotiatedBy = [...(doc.negotiatedBy as string[]), plane];
        if (reason === 'absent') delete doc.stateReason;
        return { doc, pointers: ['/stateReason'] };
      }),
    );
  });
});
