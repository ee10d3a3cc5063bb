// Example-based tests of capability negotiation: the estate's ledger, who wins, conflictRefs,
// the lifecycle's edges, and every refusal.
import { describe, expect, it } from 'vitest';
import type { CapabilityLedger } from '../../generated/types/index.js';
import {
  declareCapability,
  missingPlanes,
  enableCapability,
  negotiateCapability,
  openNegotiation,
  renegotiateCapability,
  reportPlane,
  requestCapability,
  type CapabilityPlane,
  type PlaneReport,
  type PlaneVerdict,
} from '../../src/index.js';
import { accepted, counterMinter, expectValidEmissions, refusalCode } from './support.js';

const NOW = '2026-05-06T04:30:00Z';
const declaration = {
  capabilityRef: 'urn:srcos:capability:browser-automation@0.1.0',
  sessionRef: 'urn:srcos:session:runtime-observability-demo-0001',
  declaredBy: ['config', 'ui'] as CapabilityPlane[],
  policyDecisionRef: 'urn:srcos:decision:runtime-observability-policy-0001',
  evidenceRefs: ['urn:srcos:evidence:runtime-observability-capability-handshake-0001'],
};
const reports = (...pairs: [CapabilityPlane, PlaneVerdict][]): PlaneReport[] => pairs.map(([plane, verdict]) => ({ plane, verdict }));
const ledgerOf = (outcome: ReturnType<typeof negotiateCapability>): CapabilityLedger => {
  const ok = accepted(outcome);
  expectValidEmissions(ok.emitted);
  return ok.emitted[0]?.document as CapabilityLedger;
};
const negotiate = (...pairs: [CapabilityPlane, PlaneVerdict][]) => negotiateCapability({ ...declaration, reports: reports(...pairs) }, NOW, counterMinter());

describe('negotiateCapability (all planes at once)', () => {
  it('enables when every plane agrees, as the estate ledger shows', () => {
    const planes: CapabilityPlane[] = ['transport', 'schema', 'policy', 'plugin', 'server', 'runtime'];
    const ledger = ledgerOf(negotiate(...planes.map((p) => [p, 'supported'] as [CapabilityPlane, PlaneVerdict])));
    expect(ledger).toMatchObject({
      type: 'CapabilityLedger',
      specVersion: '0.1.0',
      declaredBy: ['config', 'ui'],
      negotiatedBy: ['runtime', 'server', 'plugin', 'policy', 'schema', 'transport'],
      effectiveState: 'enabled',
      conflictRefs: [],
      capturedAt: NOW,
    });
    expect(ledger.id).toMatch(/^urn:srcos:capability-ledger:\S+$/);
  });

  it('lets a runtime refusal outvote a UI and config "supported", naming both sides', () => {
    const ledger = ledgerOf(negotiate(['ui', 'supported'], ['config', 'supported'], ['runtime', 'unsupported']));
    expect(ledger.effectiveState).toBe('unsupported_by_runtime');
    expect(ledger.negotiatedBy).toContain('runtime');
    expect(ledger.conflictRefs).toEqual(['config', 'ui', 'runtime']);
    expect(ledger.stateReason).toBe('The runtime plane reported unsupported; it overrules config, ui.');
  });

  it('gives each plane its own refusal and ranks policy first', () => {
    expect(ledgerOf(negotiate(['server', 'unsupported'])).effectiveState).toBe('unsupported_by_server');
    expect(ledgerOf(negotiate(['plugin', 'unsupported'])).effectiveState).toBe('missing_plugin');
    expect(ledgerOf(negotiate(['schema', 'missing_schema'])).effectiveState).toBe('missing_schema');
    expect(ledgerOf(negotiate(['transport', 'unsupported'])).effectiveState).toBe('failed');
    const both = ledgerOf(negotiate(['runtime', 'unsupported'], ['policy', 'blocked_by_policy'], ['transport', 'degraded']));
    expect(both.effectiveState).toBe('blocked_by_policy');
    expect(both.negotiatedBy).toContain('policy');
  });

  it('keeps the reporting plane\'s reason and stays negotiating while a plane is pending', () => {
    const ledger = ledgerOf(negotiateCapability({ ...declaration, reports: [{ plane: 'policy', verdict: 'blocked_by_policy', reason: 'Org policy forbids it.' }] }, NOW, counterMinter()));
    expect(ledger.stateReason).toBe('Org policy forbids it.');
    expect(ledger.conflictRefs).toEqual(['policy']);
    const waiting = ledgerOf(negotiate(['runtime', 'supported'], ['server', 'pending']));
    expect(waiting).toMatchObject({ effectiveState: 'negotiating', conflictRefs: [], stateReason: 'Waiting for server to decide. Waiting for policy to report.' });
    expect(ledgerOf(negotiate(['runtime', 'degraded'], ['ui', 'supported'])).effectiveState).toBe('degraded');
  });

  it('refuses what it cannot negotiate', () => {
    expect(refusalCode(negotiate())).toBe('capability/no-reports');
    expect(refusalCode(negotiate(['runtime', 'supported'], ['runtime', 'pending']))).toBe('capability/duplicate-plane');
    expect(refusalCode(negotiate(['runtime', 'blocked_by_policy']))).toBe('capability/verdict-not-of-plane');
    expect(refusalCode(negotiate(['kernel' as CapabilityPlane, 'supported']))).toBe('capability/unknown-plane');
    expect(refusalCode(negotiate(['runtime', 'enabled' as PlaneVerdict]))).toBe('capability/unknown-verdict');
    expect(refusalCode(negotiateCapability({ ...declaration, reports: reports(['runtime', 'supported']) }, '2026-05-06 04:30', counterMinter()))).toBe('capability/invalid-now');
    const bad = negotiateCapability({ ...declaration, capabilityRef: 'browser', reports: reports(['runtime', 'supported']) }, NOW, counterMinter());
    expect(refusalCode(bad)).toBe('capability/invalid-input');
    expect(bad.ok ? [] : bad.refusal.issues?.map((i) => i.pointer)).toContain('/capabilityRef');
    expect(refusalCode(negotiateCapability({ ...declaration, evidenceRefs: [], reports: reports(['runtime', 'supported']) }, NOW, counterMinter()))).toBe('capability/invalid-input');
  });
});

describe('capability lifecycle', () => {
  const mint = counterMinter();
  const declared = accepted(declareCapability(declaration, NOW, mint));
  const requested = accepted(requestCapability(declared.state, 'user', NOW, mint));
  const open = accepted(openNegotiation(requested.state, NOW, mint));

  it('emits a chained ledger at every step, negotiatedBy the participants before any report', () => {
    for (const step of [declared, requested, open]) expectValidEmissions(step.emitted);
    const [d, r, o] = [declared, requested, open].map((s) => s.emitted[0]?.document as CapabilityLedger);
    expect([d?.effectiveState, r?.effectiveState, o?.effectiveState]).toEqual(['declared', 'requested', 'negotiating']);
    expect(d?.negotiatedBy).toEqual(['config', 'ui']);
    expect(r?.negotiatedBy).toEqual(['config', 'ui', 'user']);
    expect(r?.causalRefs).toEqual([d?.id]);
    expect(o?.causalRefs).toEqual([r?.id]);
  });

  it('reaches enabled only through available, and leaves it on any refusal', () => {
    expect(refusalCode(enableCapability(open.state, NOW, mint))).toBe('capability/not-available');
    const heard = (['runtime', 'server'] as const).reduce((s, plane) => accepted(reportPlane(s, { plane, verdict: 'supported' }, NOW, mint)).state, open.state);
    expect(heard.effectiveState).toBe('negotiating');
    const a = accepted(reportPlane(heard, { plane: 'policy', verdict: 'supported' }, NOW, mint));
    expect(a.state.effectiveState).toBe('available');
    const enabled = accepted(enableCapability(a.state, NOW, mint));
    expect(enabled.state.effectiveState).toBe('enabled');
    const still = accepted(reportPlane(enabled.state, { plane: 'ui', verdict: 'supported' }, NOW, mint));
    expect(still.state.effectiveState).toBe('enabled');
    const refused = accepted(reportPlane(still.state, { plane: 'policy', verdict: 'unsupported' }, NOW, mint));
    expectValidEmissions(refused.emitted);
    expect(refused.state.effectiveState).toBe('blocked_by_policy');
    const again = accepted(renegotiateCapability(refused.state, NOW, mint));
    expect(again.state).toMatchObject({ effectiveState: 'negotiating', reports: [] });
  });

  it('refuses events out of order', () => {
    expect(refusalCode(openNegotiation(declared.state, NOW, mint))).toBe('capability/transition-not-allowed');
    expect(refusalCode(requestCapability(open.state, 'user', NOW, mint))).toBe('capability/transition-not-allowed');
    expect(refusalCode(reportPlane(declared.state, { plane: 'runtime', verdict: 'supported' }, NOW, mint))).toBe('capability/transition-not-allowed');
    expect(refusalCode(requestCapability(declared.state, 'nobody' as CapabilityPlane, NOW, mint))).toBe('capability/unknown-plane');
  });
});

describe('required planes: no split-brain by omission', () => {
  it('does not enable on ui and config alone: runtime, server and policy were never heard', () => {
    const ledger = ledgerOf(negotiate(['ui', 'supported'], ['config', 'supported']));
    expect(ledger.effectiveState).toBe('negotiating');
    expect(ledger.stateReason).toBe('Waiting for runtime, server, policy to report.');
    const mint = counterMinter();
    let state = accepted(openNegotiation(accepted(requestCapability(accepted(declareCapability(declaration, NOW, mint)).state, 'user', NOW, mint)).state, NOW, mint)).state;
    for (const plane of ['ui', 'config'] as const) state = accepted(reportPlane(state, { plane, verdict: 'supported' }, NOW, mint)).state;
    expect(state.effectiveState).toBe('negotiating');
    expect(missingPlanes(state)).toEqual(['runtime', 'server', 'policy']);
    expect(refusalCode(enableCapability(state, NOW, mint))).toBe('capability/not-available');
  });

  it('needs all eight negotiating planes when the caller says so, and takes a list', () => {
    const six = reports(...(['runtime', 'server', 'plugin', 'policy', 'schema', 'transport'] as const).map((p) => [p, 'supported'] as [CapabilityPlane, PlaneVerdict]));
    const all = ledgerOf(negotiateCapability({ ...declaration, requiredPlanes: 'all', reports: six }, NOW, counterMinter()));
    expect(all).toMatchObject({ effectiveState: 'negotiating', stateReason: 'Waiting for config, ui to report.' });
    const eight = [...six, ...reports(['config', 'supported'], ['ui', 'supported'])];
    expect(ledgerOf(negotiateCapability({ ...declaration, requiredPlanes: 'all', reports: eight }, NOW, counterMinter())).effectiveState).toBe('enabled');
    expect(ledgerOf(negotiateCapability({ ...declaration, requiredPlanes: ['runtime'], reports: reports(['runtime', 'supported']) }, NOW, counterMinter())).effectiveState).toBe('enabled');
    expect(refusalCode(negotiateCapability({ ...declaration, requiredPlanes: ['kernel' as CapabilityPlane], reports: six }, NOW, counterMinter()))).toBe('capability/unknown-plane');
  });

  it('lets one plane report again after a refusal, keeping the others\' reports', () => {
    const mint = counterMinter();
    const down = negotiateCapability({ ...declaration, reports: reports(['runtime', 'supported'], ['server', 'unsupported'], ['policy', 'supported']) }, NOW, mint);
    expect(accepted(down).state.effectiveState).toBe('unsupported_by_server');
    const back = accepted(reportPlane(accepted(down).state, { plane: 'server', verdict: 'supported' }, NOW, mint));
    expect(back.state.effectiveState).toBe('available');
    expect(back.state.reports.map((r) => r.plane)).toEqual(['runtime', 'server', 'policy']);
    expectValidEmissions(back.emitted);
  });
});
