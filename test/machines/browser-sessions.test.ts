// Example-based tests of browser automation sessions: the estate's receipt, denied starts and
// what they name, revocation, finished sessions, and every refusal.
import { describe, expect, it } from 'vitest';
import { specExample } from '../support/conformance.js';
import type { BrowserAutomationReceipt } from '../../generated/types/index.js';
import { completeBrowserSession, emptyBrowserSessions, revokeBrowserSession, startBrowserSession, type BrowserSessionStart } from '../../src/index.js';
import { accepted, counterMinter, expectValidEmissions, refusalCode } from './support.js';

const estate = specExample<BrowserAutomationReceipt>('browserautomationreceipt.json');
const start: BrowserSessionStart = {
  sessionRef: estate.sessionRef,
  capabilityLedgerRef: estate.capabilityLedgerRef,
  ownerRef: estate.ownerRef,
  policyDecision: { ref: estate.policyDecisionRef, outcome: 'allow' },
  transport: estate.transport,
  permissionScope: estate.permissionScope,
  origin: estate.origin,
  controlledScope: estate.controlledScope,
  evidenceRefs: estate.evidenceRefs,
  causalRefs: estate.causalRefs,
};
const mint = counterMinter();
const receiptOf = (outcome: { emitted?: readonly { document: unknown }[] }) => outcome.emitted?.[0]?.document as BrowserAutomationReceipt;

describe('browser automation sessions', () => {
  const started = accepted(startBrowserSession(emptyBrowserSessions, start, '2026-05-06T04:31:00Z', mint));

  it('starts an owned, allowed session: the estate receipt', () => {
    expectValidEmissions(started.emitted);
    const { id: _id, capturedAt: _c, ...rest } = estate;
    expect(receiptOf(started)).toMatchObject(rest);
    expect(receiptOf(started).capturedAt).toBe('2026-05-06T04:31:00Z');
  });

  it('refuses a start without an owner, naming the requester, and records a denied receipt', () => {
    const outcome = startBrowserSession(emptyBrowserSessions, { ...start, ownerRef: null, requestedBy: 'urn:srcos:person:ada' }, '2026-05-06T04:31:00Z', mint);
    expect(refusalCode(outcome)).toBe('browser/owner-required');
    if (outcome.ok || !('emitted' in outcome)) return expect.fail('a denied receipt was expected');
    expectValidEmissions(outcome.emitted);
    expect(receiptOf(outcome)).toMatchObject({ terminalState: 'denied', ownerRef: 'urn:srcos:person:ada', revokedAt: null, policyDecisionRef: estate.policyDecisionRef });
    expect(outcome.state.sessions.map((s) => s.terminalState)).toEqual(['denied']);
    expect(refusalCode(startBrowserSession(outcome.state, start, '2026-05-06T04:32:00Z', mint))).toBe('browser/session-finished');
  });

  it('refuses a start without a policy decision under a decision minted for the denial', () => {
    const outcome = startBrowserSession(emptyBrowserSessions, { ...start, policyDecision: null, evidenceRefs: [] }, '2026-05-06T04:31:00Z', mint);
    expect(refusalCode(outcome)).toBe('browser/policy-decision-required');
    const receipt = receiptOf(outcome as never);
    expect(receipt.policyDecisionRef).toMatch(/^urn:srcos:decision:\S+$/);
    expect(receipt.evidenceRefs).toEqual([receipt.policyDecisionRef]);
    const denied = startBrowserSession(emptyBrowserSessions, { ...start, ownerRef: 'ada', policyDecision: { ref: estate.policyDecisionRef, outcome: 'deny' } }, '2026-05-06T04:31:00Z', mint);
    expect(refusalCode(denied)).toBe('browser/owner-required');
    expect(receiptOf(denied as never).ownerRef).toBe(estate.sessionRef);
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, { ...start, policyDecision: { ref: estate.policyDecisionRef, outcome: 'deny' } }, '2026-05-06T04:31:00Z', mint))).toBe('browser/policy-denied');
  });

  it('revokes at now, once, and never after the session finished', () => {
    expect(refusalCode(revokeBrowserSession(started.state, { sessionRef: estate.sessionRef }, '2026-05-06T04:30:59Z', mint))).toBe('browser/time-before-start');
    const revoked = accepted(revokeBrowserSession(started.state, { sessionRef: estate.sessionRef, evidenceRefs: ['urn:srcos:evidence:user-clicked-stop'] }, '2026-05-06T04:31:00Z', mint));
    expectValidEmissions(revoked.emitted);
    expect(receiptOf(revoked)).toMatchObject({ terminalState: 'revoked', revokedAt: '2026-05-06T04:31:00Z' });
    expect(receiptOf(revoked).causalRefs?.at(-1)).toBe(receiptOf(started).id);
    expect(receiptOf(revoked).evidenceRefs).toContain('urn:srcos:evidence:user-clicked-stop');
    expect(refusalCode(revokeBrowserSession(revoked.state, { sessionRef: estate.sessionRef }, '2026-05-06T04:40:00Z', mint))).toBe('browser/session-finished');
    expect(refusalCode(completeBrowserSession(revoked.state, { sessionRef: estate.sessionRef }, '2026-05-06T04:40:00Z', mint))).toBe('browser/session-finished');
    expect(refusalCode(startBrowserSession(revoked.state, start, '2026-05-06T04:40:00Z', mint))).toBe('browser/session-finished');
    expect(refusalCode(startBrowserSession(started.state, start, '2026-05-06T04:40:00Z', mint))).toBe('browser/session-active');
    expect(receiptOf(accepted(completeBrowserSession(started.state, { sessionRef: estate.sessionRef }, '2026-05-06T04:40:00Z', mint))).revokedAt).toBeNull();
  });

  it('refuses bad input with stable codes', () => {
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, start, 'now', mint))).toBe('browser/invalid-now');
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, { ...start, transport: 'telnet' as never }, '2026-05-06T04:31:00Z', mint))).toBe('browser/invalid-input');
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, { ...start, permissionScope: [] }, '2026-05-06T04:31:00Z', mint))).toBe('browser/invalid-input');
    expect(refusalCode(revokeBrowserSession(emptyBrowserSessions, { sessionRef: estate.sessionRef }, '2026-05-06T04:31:00Z', mint))).toBe('browser/unknown-session');
  });
});
