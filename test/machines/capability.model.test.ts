// Model-based test of capability negotiation: random declarations, requests, reports, enables,
// disables and renegotiations against a model with its own evaluation; after every step: never
// `enabled` while any plane refuses or a required plane is unheard, conflictRefs empty unless the negotiation ended in an exit,
// the verdict's plane in negotiatedBy, and every emitted CapabilityLedger valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapabilityLedger } from '../../generated/types/index.js';
import {
  capabilityTransitions,
  declareCapability,
  disableCapability,
  enableCapability,
  openNegotiation,
  renegotiateCapability,
  reportPlane,
  requestCapability,
  type CapabilityOutcome,
  type CapabilityPlane,
  type CapabilityState,
  type PlaneVerdict,
} from '../../src/index.js';
import { NUM_RUNS, accepted, at, counterMinter, deepFreeze, expectRow, expectValidEmissions, refusalCode } from './support.js';

type State = CapabilityLedger['effectiveState'];
const PLANES: CapabilityPlane[] = ['config', 'ui', 'runtime', 'server', 'plugin', 'policy', 'schema', 'transport', 'user'];
const VERDICTS: PlaneVerdict[] = ['supported', 'supported', 'pending', 'degraded', 'failed', 'unsupported', 'blocked_by_policy', 'unsupported_by_runtime', 'unsupported_by_server', 'missing_plugin', 'missing_schema'];
const OWN_REFUSAL: Partial<Record<CapabilityPlane, State>> = { policy: 'blocked_by_policy', runtime: 'unsupported_by_runtime', server: 'unsupported_by_server', plugin: 'missing_plugin', schema: 'missing_schema' };
const PRECEDENCE: State[] = ['blocked_by_policy', 'unsupported_by_runtime', 'unsupported_by_server', 'missing_plugin', 'missing_schema', 'failed', 'degraded'];
const EXITS = new Set<State>(PRECEDENCE);

/** The model's reading of one report: its state, or 'invalid' for another plane's verdict. */
function own(plane: CapabilityPlane, verdict: PlaneVerdict): State | 'agreed' | 'invalid' {
  if (verdict === 'supported') return 'agreed';
  if (verdict === 'pending') return 'negotiating';
  if (verdict === 'degraded' || verdict === 'failed') return verdict;
  if (verdict === 'unsupported') return OWN_REFUSAL[plane] ?? 'failed';
  return OWN_REFUSAL[plane] === verdict ? verdict : 'invalid';
}

/** Agreement needs every required plane heard: until then, negotiating. */
function evaluate(reports: Map<CapabilityPlane, PlaneVerdict>, required: readonly CapabilityPlane[]): State | 'agreed' {
  const states = [...reports].map(([p, v]) => own(p, v));
  const missing = required.some((p) => !reports.has(p));
  return PRECEDENCE.find((s) => states.includes(s)) ?? (states.includes('negotiating') || states.length === 0 || missing ? 'negotiating' : 'agreed');
}

interface Model { state: State | null; reports: Map<CapabilityPlane, PlaneVerdict>; required: readonly CapabilityPlane[]; lastLedger: string | null; now: number }
interface Real { cap: CapabilityState | null; mint: ReturnType<typeof counterMinter> }

function checkLedger(m: Model, r: Real, ledger: CapabilityLedger, from: State | null, event: string): void {
  expect(ledger.effectiveState).toBe(m.state);
  expect(r.cap?.effectiveState).toBe(m.state);
  expectRow(capabilityTransitions, from, event, m.state);
  // never enabled while a plane refuses
  if (ledger.effectiveState === 'enabled' || ledger.effectiveState === 'available') {
    expect([...m.reports.values()].every((v) => v === 'supported')).toBe(true);
    expect(m.required.every((p) => m.reports.has(p)), 'every required plane heard').toBe(true);
    expect(ledger.conflictRefs).toEqual([]);
  }
  if (EXITS.has(ledger.effectiveState)) {
    expect(ledger.conflictRefs).toEqual(PLANES.filter((p) => m.reports.has(p) && m.reports.get(p) !== 'pending'));
  } else expect(ledger.conflictRefs).toEqual([]);
  if (m.reports.size) expect(ledger.negotiatedBy).toEqual(PLANES.filter((p) => m.reports.has(p)));
  expect(ledger.causalRefs).toEqual(m.lastLedger ? [m.lastLedger] : []);
  expect(ledger.capturedAt).toBe(at(m.now));
  m.lastLedger = ledger.id;
  reached.add(ledger.effectiveState);
}

/** Every state some run reached: the sequences must get everywhere for the test to mean anything. */
const reached = new Set<State>();

/** Runs one lifecycle command against the real machine and the model's expectation. */
function step(m: Model, r: Real, event: string, expected: State | string, run: (cap: CapabilityState) => CapabilityOutcome, apply: () => void): void {
  const from = m.state;
  if (r.cap === null) return;
  const outcome = run(r.cap);
  if (expected.includes('/')) {
    expect(refusalCode(outcome)).toBe(expected);
    return;
  }
  const ok = accepted(outcome);
  expectValidEmissions(ok.emitted);
  r.cap = deepFreeze(ok.state);
  apply();
  m.state = expected as State;
  checkLedger(m, r, ok.emitted[0]?.document as CapabilityLedger, from, event);
}

const allowedFrom = (event: string, from: State | null) => capabilityTransitions.some((row) => row.event === event && row.from === from);

class Report implements fc.Command<Model, Real> {
  constructor(readonly plane: CapabilityPlane, readonly verdict: PlaneVerdict) {}
  check = (m: Readonly<Model>) => m.state !== null;
  run(m: Model, r: Real): void {
    m.now += 1;
    const next = new Map(m.reports).set(this.plane, this.verdict);
    const outcome = evaluate(next, m.required);
    const expected =
      own(this.plane, this.verdict) === 'invalid' ? 'capability/verdict-not-of-plane'
      : !allowedFrom('report', m.state) ? 'capability/transition-not-allowed'
      : outcome === 'agreed' ? (m.state === 'enabled' ? 'enabled' : 'available')
      : outcome;
    step(m, r, 'report', expected, (cap) => reportPlane(cap, { plane: this.plane, verdict: this.verdict }, at(m.now), r.mint), () => (m.reports = next));
  }
  toString = () => `report(${this.plane}, ${this.verdict})`;
}

class Lifecycle implements fc.Command<Model, Real> {
  constructor(readonly event: 'request' | 'negotiate' | 'enable' | 'disable' | 'renegotiate') {}
  check = (m: Readonly<Model>) => m.state !== null;
  run(m: Model, r: Real): void {
    m.now += 1;
    const to: Record<typeof this.event, State> = { request: 'requested', negotiate: 'negotiating', enable: 'enabled', disable: 'available', renegotiate: 'negotiating' };
    const allowed = allowedFrom(this.event, m.state);
    const expected = allowed ? to[this.event] : this.event === 'enable' ? 'capability/not-available' : 'capability/transition-not-allowed';
    const now = at(m.now);
    const run = {
      request: (c: CapabilityState) => requestCapability(c, 'user', now, r.mint),
      negotiate: (c: CapabilityState) => openNegotiation(c, now, r.mint),
      enable: (c: CapabilityState) => enableCapability(c, now, r.mint),
      disable: (c: CapabilityState) => disableCapability(c, now, r.mint),
      renegotiate: (c: CapabilityState) => renegotiateCapability(c, now, r.mint),
    }[this.event];
    step(m, r, this.event, expected, run, () => {
      if (this.event === 'renegotiate') m.reports = new Map();
    });
  }
  toString = () => this.event;
}

const commands = [
  fc.tuple(fc.constantFrom(...PLANES), fc.constantFrom(...VERDICTS)).map(([p, v]) => new Report(p, v)),
  fc.constantFrom('request', 'negotiate', 'enable', 'disable', 'renegotiate').map((e) => new Lifecycle(e as never)),
];

describe('capability machine, model-based', () => {
  it('is never enabled while a plane refuses, and emits only valid ledgers', () => {
    fc.assert(
      fc.property(fc.subarray(['config', 'ui', 'user', 'agent'] as CapabilityPlane[], { minLength: 1 }), fc.option(fc.subarray(['runtime', 'server', 'policy', 'ui'] as CapabilityPlane[]), { nil: undefined }), fc.boolean(), fc.commands(commands, { maxCommands: 60, size: 'large' }), (declaredBy, requiredPlanes, opened, cmds) => {
        const mint = counterMinter();
        const declared = accepted(
          declareCapability(
            { capabilityRef: 'urn:srcos:capability:browser-automation@0.1.0', declaredBy, ...(requiredPlanes ? { requiredPlanes } : {}), policyDecisionRef: 'urn:srcos:decision:p1', evidenceRefs: ['urn:srcos:evidence:e1'], sessionRef: 'urn:srcos:session:s1' },
            at(0),
            mint,
          ),
        );
        expectValidEmissions(declared.emitted);
        reached.add('declared');
        const required = requiredPlanes ?? (['runtime', 'server', 'policy'] as CapabilityPlane[]);
        const model: Model = { state: 'declared', reports: new Map(), required, lastLedger: declared.state.ledgerRef, now: 0 };
        const real: Real = { cap: declared.state, mint };
        // half the runs start with the negotiation open, so the sequences spend their length on reports
        if (opened) for (const event of ['request', 'negotiate'] as const) new Lifecycle(event).run(model, real);
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: NUM_RUNS },
    );
    expect([...reached].sort()).toEqual([...new Set(capabilityTransitions.map((row) => row.to))].sort());
  });
});
