// Model-based test of browser automation sessions: random starts (with and without an owner or a
// policy decision), revocations, completions and failures against a model; after every step: a
// denied start is accepted and wrote a denied receipt, a denied session may start again, a finished session never changes again, revokedAt is set
// exactly when revoked, and every receipt is valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrowserAutomationReceipt } from '../../generated/types/index.js';
import {
  browserSessionTransitions,
  completeBrowserSession,
  emptyBrowserSessions,
  failBrowserSession,
  revokeBrowserSession,
  startBrowserSession,
  type BrowserSessions,
  type BrowserSessionState,
} from '../../src/index.js';
import { NUM_RUNS, accepted, at, counterMinter, deepFreeze, epoch, expectRow, expectValidEmissions, refusalCode } from './support.js';

const session = (i: number) => `urn:srcos:session:browser-${i}`;
interface Model { now: number; sessions: Map<string, { state: BrowserSessionState; lastReceipt: string }> }
interface Real { sessions: BrowserSessions; mint: ReturnType<typeof counterMinter> }
const coverage = new Set<string>();

function checkReceipt(m: Model, receipt: BrowserAutomationReceipt, state: BrowserSessionState): void {
  expect(receipt.terminalState).toBe(state);
  expect(receipt.revokedAt !== null).toBe(state === 'revoked');
  if (receipt.revokedAt) expect(epoch(receipt.revokedAt)).toBeGreaterThanOrEqual(epoch(receipt.startedAt));
  expect(receipt.capturedAt).toBe(at(m.now));
  expect(receipt.ownerRef).toMatch(/^urn:srcos:[a-z][a-z0-9-]*:\S+$/);
}

class Start implements fc.Command<Model, Real> {
  constructor(readonly i: number, readonly owner: string | null, readonly decision: 'allow' | 'deny' | 'none' | 'malformed') {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 11;
    const ref = session(this.i);
    const existing = m.sessions.get(ref);
    const policyDecision = this.decision === 'none' ? null : { ref: this.decision === 'malformed' ? 'decision-1' : 'urn:srcos:decision:d1', outcome: this.decision === 'deny' ? ('deny' as const) : ('allow' as const) };
    const start = { sessionRef: ref, capabilityLedgerRef: 'urn:srcos:capability-ledger:c1', ownerRef: this.owner, policyDecision, transport: 'cdp' as const, permissionScope: ['read_page' as const], origin: 'local' as const, evidenceRefs: ['urn:srcos:evidence:visible'] };
    const outcome = startBrowserSession(r.sessions, start, at(m.now), r.mint);
    if (existing && existing.state !== 'denied') {
      expect(refusalCode(outcome)).toBe(existing.state === 'active' ? 'browser/session-active' : 'browser/session-finished');
      expect(outcome).not.toHaveProperty('emitted');
      expect(outcome).not.toHaveProperty('state');
      return;
    }
    const denial =
      this.owner === null || !this.owner.startsWith('urn:srcos:') ? 'browser/owner-required'
      : this.decision === 'none' || this.decision === 'malformed' ? 'browser/policy-decision-required'
      : this.decision === 'deny' ? 'browser/policy-denied'
      : null;
    const state: BrowserSessionState = denial ? 'denied' : 'active';
    const ok = accepted(outcome);
    expect(ok.started).toBe(denial === null);
    expect(ok.denial?.code ?? null).toBe(denial);
    expectValidEmissions(ok.emitted);
    const receipt = ok.emitted[0]!.document;
    checkReceipt(m, receipt, state);
    if (existing) expect(receipt.causalRefs).toContain(existing.lastReceipt);
    expectRow(browserSessionTransitions, existing ? 'denied' : null, denial ? 'start_refused' : 'start', state);
    r.sessions = deepFreeze(ok.state);
    m.sessions.set(ref, { state, lastReceipt: receipt.id });
    coverage.add(denial ?? (existing ? 'start after denial' : 'start'));
  }
  toString = () => `start(${this.i}, ${this.owner}, ${this.decision})`;
}

class Finish implements fc.Command<Model, Real> {
  constructor(readonly i: number, readonly event: 'revoke' | 'complete' | 'fail') {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 13;
    const ref = session(this.i);
    const existing = m.sessions.get(ref);
    const fn = { revoke: revokeBrowserSession, complete: completeBrowserSession, fail: failBrowserSession }[this.event];
    const outcome = fn(r.sessions, { sessionRef: ref }, at(m.now), r.mint);
    if (!existing) return void expect(refusalCode(outcome)).toBe('browser/unknown-session');
    if (existing.state !== 'active') return void (expect(refusalCode(outcome)).toBe('browser/session-finished'), coverage.add(`${this.event} finished`));
    const ok = accepted(outcome);
    expectValidEmissions(ok.emitted);
    const to = ({ revoke: 'revoked', complete: 'completed', fail: 'failed' } as const)[this.event];
    const receipt = ok.emitted[0]!.document as BrowserAutomationReceipt;
    checkReceipt(m, receipt, to);
    expect(receipt.causalRefs?.at(-1)).toBe(existing.lastReceipt);
    expectRow(browserSessionTransitions, 'active', this.event, to);
    r.sessions = deepFreeze(ok.state);
    m.sessions.set(ref, { state: to, lastReceipt: receipt.id });
    coverage.add(this.event);
  }
  toString = () => `${this.event}(${this.i})`;
}

const commands = [
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('urn:srcos:agent:bearbrowser', 'urn:srcos:person:ada', 'ada', null), fc.constantFrom('allow', 'allow', 'deny', 'none', 'malformed'))
    .map(([i, o, d]) => new Start(i, o, d as 'allow')),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('revoke', 'complete', 'fail')).map(([i, e]) => new Finish(i, e as 'revoke')),
];

// Runs first, whatever the seed, so every label below is reached in every run of the suite;
// the random sequences then explore around them.
const examples: [Iterable<fc.Command<Model, Real>>][] = [
  [[new Start(1, 'urn:srcos:agent:bearbrowser', 'allow'), new Finish(1, 'revoke'), new Finish(1, 'revoke')]],
  [[new Start(1, 'urn:srcos:person:ada', 'allow'), new Finish(1, 'complete'), new Start(2, 'urn:srcos:person:ada', 'allow'), new Finish(2, 'fail')]],
  [[new Start(1, null, 'allow'), new Start(2, 'urn:srcos:person:ada', 'none'), new Start(3, 'urn:srcos:person:ada', 'deny'), new Start(1, 'urn:srcos:person:ada', 'allow')]],
];

describe('browser automation sessions, model-based', () => {
  it('writes a denied receipt for every denied start, lets a denied session start again, and never changes a finished session', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 30 }), (cmds) => {
        fc.modelRun(() => ({ model: { now: 0, sessions: new Map() }, real: { sessions: emptyBrowserSessions, mint: counterMinter() } }), cmds);
      }),
      { numRuns: NUM_RUNS, examples },
    );
    for (const label of ['start', 'start after denial', 'browser/owner-required', 'browser/policy-decision-required', 'browser/policy-denied', 'revoke', 'complete', 'fail', 'revoke finished']) expect(coverage, label).toContain(label);
  });
});
