// Example-based tests of browser automation sessions: the estate's receipt, denied starts and
// what they name, revocation, finished sessions, and every refusal.
import { describe, expect, it } from 'vitest';
import { specExample } from '../support/conformance.js';
import type { BrowserAutomationReceipt } from '../../generated/types/index.js';
import { completeBrowserSession, emptyBrowserSessions, maySessionAct, revokeBrowserSession, startBrowserSession, type BrowserSessionStart } from '../../src/index.js';
import { accepted, counterMinter, deepFreeze, expectValidEmissions, refusalCode } from './support.js';

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

  /** The denial of an accepted start_refused (fails the test when the start was refused or began). */
  const denialOf = (outcome: ReturnType<typeof startBrowserSession>) => {
    const ok = accepted(outcome);
    if (ok.started) return expect.fail('a denied start was expected');
    expectValidEmissions(ok.emitted);
    return ok;
  };

  it('denies a start without an owner, naming the requester, and a retry with an owner starts the session', () => {
    const denied = denialOf(startBrowserSession(emptyBrowserSessions, { ...start, ownerRef: null, requestedBy: 'urn:srcos:person:ada' }, '2026-05-06T04:31:00Z', mint));
    expect(denied.denial.code).toBe('browser/owner-required');
    expect(receiptOf(denied)).toMatchObject({ terminalState: 'denied', ownerRef: 'urn:srcos:person:ada', revokedAt: null, policyDecisionRef: estate.policyDecisionRef });
    expect(denied.state.sessions.map((s) => s.terminalState)).toEqual(['denied']);
    const retry = accepted(startBrowserSession(deepFreeze(denied.state), start, '2026-05-06T04:32:00Z', mint));
    expect(retry.started).toBe(true);
    expect(receiptOf(retry)).toMatchObject({ terminalState: 'active', ownerRef: estate.ownerRef });
    expect(receiptOf(retry).causalRefs).toContain(receiptOf(denied).id);
    expect(retry.state.sessions.map((s) => s.terminalState)).toEqual(['active']);
  });

  it('denies a start without a policy decision under a decision minted for the denial', () => {
    const outcome = denialOf(startBrowserSession(emptyBrowserSessions, { ...start, policyDecision: null, evidenceRefs: [] }, '2026-05-06T04:31:00Z', mint));
    expect(outcome.denial.code).toBe('browser/policy-decision-required');
    const receipt = receiptOf(outcome);
    expect(receipt.policyDecisionRef).toMatch(/^urn:srcos:decision:\S+$/);
    expect(receipt.evidenceRefs).toEqual([receipt.policyDecisionRef]);
    const denied = denialOf(startBrowserSession(emptyBrowserSessions, { ...start, ownerRef: 'ada', policyDecision: { ref: estate.policyDecisionRef, outcome: 'deny' } }, '2026-05-06T04:31:00Z', mint));
    expect(denied.denial.code).toBe('browser/owner-required');
    expect(receiptOf(denied).ownerRef).toBe(estate.sessionRef);
    expect(denialOf(startBrowserSession(emptyBrowserSessions, { ...start, policyDecision: { ref: estate.policyDecisionRef, outcome: 'deny' } }, '2026-05-06T04:31:00Z', mint)).denial.code).toBe('browser/policy-denied');
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
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, { ...start, evidenceRefs: 'urn:srcos:evidence:x' as never }, '2026-05-06T04:31:00Z', mint))).toBe('browser/invalid-input');
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, start, 5n as never, mint))).toBe('browser/invalid-now');
    expect(refusalCode(startBrowserSession(emptyBrowserSessions, { ...start, evidenceRefs: [] }, '2026-05-06T04:31:00Z', mint))).toBe('browser/invalid-input');
  });
});

describe('maySessionAct', () => {
  const t = (minute: number) => `2026-05-06T04:${String(minute).padStart(2, '0')}:00Z`;
  const session = accepted(startBrowserSession(emptyBrowserSessions, { ...start, ttlSeconds: 600 }, t(31), mint)).state;
  const ask = (state: typeof session, permission: string, now: string) => maySessionAct(state, { sessionRef: estate.sessionRef, permission: permission as never }, now);
  const code = (answer: ReturnType<typeof maySessionAct>) => (answer.may ? 'may' : answer.code);

  it('says yes for an active session within its time and scope, with its expiry', () => {
    expect(ask(session, estate.permissionScope[0]!, t(35))).toEqual({ may: true, sessionRef: estate.sessionRef, permission: estate.permissionScope[0], ownerRef: estate.ownerRef, expiresAt: t(41) });
  });

  it('says no, with the reason, for every other case', () => {
    expect(code(ask(session, 'download_files', t(35)))).toBe(estate.permissionScope.includes('download_files' as never) ? 'may' : 'browser/permission-out-of-scope');
    expect(code(ask(session, estate.permissionScope[0]!, t(41)))).toBe('browser/session-expired');
    expect(code(ask(session, estate.permissionScope[0]!, t(30)))).toBe('browser/time-before-start');
    expect(code(ask(session, estate.permissionScope[0]!, 'soon'))).toBe('browser/invalid-now');
    expect(code(ask(emptyBrowserSessions, estate.permissionScope[0]!, t(35)))).toBe('browser/unknown-session');
    const revoked = accepted(revokeBrowserSession(session, { sessionRef: estate.sessionRef }, t(36), mint)).state;
    expect(code(ask(revoked, estate.permissionScope[0]!, t(37)))).toBe('browser/session-revoked');
    const done = accepted(completeBrowserSession(session, { sessionRef: estate.sessionRef }, t(36), mint)).state;
    expect(code(ask(done, estate.permissionScope[0]!, t(37)))).toBe('browser/session-finished');
    const denied = accepted(startBrowserSession(emptyBrowserSessions, { ...start, ownerRef: null }, t(31), mint)).state;
    expect(code(ask(denied, estate.permissionScope[0]!, t(32)))).toBe('browser/session-denied');
    expect(code(maySessionAct(session, 5 as never, t(35)))).toBe('browser/invalid-input');
  });
});
