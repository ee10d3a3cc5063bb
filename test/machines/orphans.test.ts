// Example-based tests of the orphan-event registry: the estate's recovered receipt, ambiguity
// quarantined at its ttl, parents and chains, duplicates, the ttl edge, and every refusal.
import { describe, expect, it } from 'vitest';
import type { OrphanEventReceipt } from '../../generated/types/index.js';
import {
  createOrphanRegistry,
  orphanConservation,
  receiveSessionEvent,
  reconcileOrphans,
  registerSession,
  type IncomingEvent,
  type OrphanRegistry,
} from '../../src/index.js';
import { accepted, counterMinter, deepFreeze, expectValidEmissions, refusalCode } from './support.js';

const mint = counterMinter();
const fresh = (ttlSeconds?: number): OrphanRegistry =>
  deepFreeze(accepted(createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:runtime-observability-policy-0001', ...(ttlSeconds ? { ttlSeconds } : {}) })).state);
const receipts = (outcome: { ok: boolean }): OrphanEventReceipt[] => {
  const ok = accepted(outcome as never) as { emitted: { document: unknown }[] };
  expectValidEmissions(ok.emitted as never);
  return ok.emitted.map((e) => e.document as OrphanEventReceipt);
};
const ev = (n: number, extra: Partial<IncomingEvent> = {}): IncomingEvent => ({ eventRef: `urn:srcos:event:e${n}`, eventClass: 'agent_lifecycle', ...extra });
const S1 = 'urn:srcos:session:s1';
const S2 = 'urn:srcos:session:s2';
const W = 'urn:srcos:workspace:runtime-observability-demo';

describe('orphan events', () => {
  it('queues a turn that starts before its session registers, then recovers it (the estate example)', () => {
    const keys = { conversationId: 'runtime-observability-demo-conversation', parentId: null, workspaceRef: W, taskRef: 'urn:srcos:task:runtime-observability-demo-0001' };
    const e = ev(1, { eventRef: 'urn:srcos:event:turn-started-before-session-registry-0001', rawEventDigest: `sha256:${'e'.repeat(64)}`, correlationKeys: keys });
    const queued = receiveSessionEvent(fresh(), e, '2026-05-06T04:33:00Z', mint);
    const [q] = receipts(queued);
    expect(q?.sessionResolution).toEqual({ state: 'queued', candidateSessionRefs: [], recoveredSessionRef: null, recoveredDagNodeRef: null, reconciledAt: null, quarantinedAt: null });
    expect(q?.ttl).toEqual({ expiresAt: '2026-05-06T04:38:00Z', expired: false });
    const session = { sessionRef: 'urn:srcos:session:runtime-observability-demo-0001', conversationId: keys.conversationId, workspaceRef: W, taskRef: keys.taskRef };
    const recovered = registerSession(accepted(queued).state, session, '2026-05-06T04:33:10Z', mint);
    const [r] = receipts(recovered);
    expect(r).toMatchObject({
      eventRef: e.eventRef,
      observedAt: '2026-05-06T04:33:00Z',
      rawEventDigest: e.rawEventDigest,
      sessionResolution: { state: 'recovered', candidateSessionRefs: [session.sessionRef], recoveredSessionRef: session.sessionRef, reconciledAt: '2026-05-06T04:33:10Z', quarantinedAt: null },
      ttl: { expiresAt: '2026-05-06T04:38:00Z', expired: false },
      correlationKeys: keys,
      causalRefs: [q?.id],
      capturedAt: '2026-05-06T04:33:10Z',
    });
    expect(r?.sessionResolution.recoveredDagNodeRef).toMatch(/^urn:srcos:session-dag-node:/);
    expect(orphanConservation(accepted(recovered).state)).toMatchObject({ attached: 1, queued: 0, received: 1, holds: true });
  });

  it('never picks between two matching sessions: queued with both, quarantined with both at its ttl', () => {
    let reg = fresh(60);
    for (const s of [S1, S2]) reg = accepted(registerSession(reg, { sessionRef: s, workspaceRef: W }, '2026-05-06T04:00:00Z', mint)).state;
    const received = receiveSessionEvent(reg, ev(1, { correlationKeys: { workspaceRef: W } }), '2026-05-06T04:00:00Z', mint);
    expect(receipts(received)[0]?.sessionResolution).toMatchObject({ state: 'queued', candidateSessionRefs: [S1, S2] });
    expect(receipts(reconcileOrphans(accepted(received).state, '2026-05-06T04:00:59Z', mint))).toEqual([]);
    const [quarantined] = receipts(reconcileOrphans(accepted(received).state, '2026-05-06T04:01:00Z', mint));
    expect(quarantined?.sessionResolution).toEqual({ state: 'quarantined', candidateSessionRefs: [S1, S2], recoveredSessionRef: null, recoveredDagNodeRef: null, reconciledAt: null, quarantinedAt: '2026-05-06T04:01:00Z' });
    expect(quarantined?.ttl.expired).toBe(true);
  });

  it('lets a key the session does not know stay silent, but a contradicting key exclude it', () => {
    let reg = fresh();
    reg = accepted(registerSession(reg, { sessionRef: S1, conversationId: 'c1', workspaceRef: W }, '2026-05-06T04:00:00Z', mint)).state;
    reg = accepted(registerSession(reg, { sessionRef: S2, conversationId: 'c2', workspaceRef: W }, '2026-05-06T04:00:00Z', mint)).state;
    const [r] = receipts(receiveSessionEvent(reg, ev(1, { correlationKeys: { conversationId: 'c2', workspaceRef: W, taskRef: 'urn:srcos:task:t9' } }), '2026-05-06T04:00:01Z', mint));
    expect(r?.sessionResolution).toMatchObject({ state: 'recovered', recoveredSessionRef: S2, candidateSessionRefs: [S2] });
  });

  it('attaches an event that names a registered session without a receipt, and follows parents', () => {
    let reg = accepted(registerSession(fresh(), { sessionRef: S1 }, '2026-05-06T04:00:00Z', mint)).state;
    reg = accepted(registerSession(reg, { sessionRef: S2 }, '2026-05-06T04:00:00Z', mint)).state;
    // the child arrives first, naming only its parent: it waits
    const child = receiveSessionEvent(reg, ev(2, { correlationKeys: { parentId: 'urn:srcos:event:e1' } }), '2026-05-06T04:00:01Z', mint);
    expect(receipts(child)[0]?.sessionResolution.state).toBe('queued');
    // the parent attaches to S2 directly, and the child is recovered in the same command
    const parent = receiveSessionEvent(accepted(child).state, ev(1, { sessionRef: S2 }), '2026-05-06T04:00:02Z', mint);
    const [recovered] = receipts(parent);
    expect(recovered?.sessionResolution).toMatchObject({ state: 'recovered', recoveredSessionRef: S2 });
    const state = accepted(parent).state;
    const parentNode = state.dag.find((n) => n.eventRef === 'urn:srcos:event:e1');
    expect(state.dag.find((n) => n.eventRef === 'urn:srcos:event:e2')?.parentNodeRef).toBe(parentNode?.nodeRef);
    expect(state.attached.map((a) => [a.seq, a.via])).toEqual([[1, 'session'], [0, 'reconciliation']]);
  });

  it('discards the same event twice, by ref or by raw digest', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const first = accepted(receiveSessionEvent(fresh(), ev(1, { rawEventDigest: digest }), '2026-05-06T04:00:00Z', mint));
    for (const again of [ev(1), ev(9, { rawEventDigest: digest })]) {
      const out = receiveSessionEvent(first.state, again, '2026-05-06T04:00:05Z', mint);
      const [d] = receipts(out);
      expect(d?.sessionResolution).toMatchObject({ state: 'discarded_duplicate', recoveredSessionRef: null });
      expect(d?.causalRefs).toEqual([(first.emitted[0]?.document as OrphanEventReceipt).id]);
      expect(orphanConservation(accepted(out).state)).toMatchObject({ queued: 1, discarded: 1, received: 2, holds: true });
    }
  });

  it('refuses with stable codes and leaves the registry as it was', () => {
    const reg = accepted(receiveSessionEvent(fresh(), ev(1), '2026-05-06T04:00:10Z', mint)).state;
    expect(refusalCode(receiveSessionEvent(reg, ev(2), '2026-05-06T04:00:09Z', mint))).toBe('orphans/time-went-backwards');
    expect(refusalCode(receiveSessionEvent(reg, ev(2), 'soon', mint))).toBe('orphans/invalid-now');
    expect(refusalCode(receiveSessionEvent(reg, 5 as never, '2026-05-06T04:00:10Z', mint))).toBe('orphans/invalid-input');
    expect(refusalCode(receiveSessionEvent({} as never, ev(2), '2026-05-06T04:00:10Z', mint))).toBe('orphans/invalid-input');
    expect(refusalCode(receiveSessionEvent(reg, ev(2), 10n as never, mint))).toBe('orphans/invalid-now');
    expect(refusalCode(registerSession(reg, { sessionRef: 'session-1' }, '2026-05-06T04:00:10Z', mint))).toBe('orphans/invalid-session');
    expect(refusalCode(registerSession(reg, { sessionRef: S1, workspaceRef: 'w' }, '2026-05-06T04:00:10Z', mint))).toBe('orphans/invalid-session');
    const withS1 = accepted(registerSession(reg, { sessionRef: S1 }, '2026-05-06T04:00:10Z', mint)).state;
    expect(refusalCode(registerSession(withS1, { sessionRef: S1 }, '2026-05-06T04:00:10Z', mint))).toBe('orphans/session-exists');
    expect(refusalCode(createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:p', ttlSeconds: 0 }))).toBe('orphans/invalid-ttl');
    expect(refusalCode(createOrphanRegistry({ policyDecisionRef: 'policy' }))).toBe('orphans/invalid-input');
    expect(orphanConservation(reg)).toMatchObject({ queued: 1, received: 1, holds: true });
  });

  it('uses a ttl of 300 s by default', () => {
    const [q] = receipts(receiveSessionEvent(fresh(), ev(1), '2026-05-06T04:00:00Z', mint));
    expect(q?.ttl.expiresAt).toBe('2026-05-06T04:05:00Z');
  });

  it('normalises raw ids into URNs and holds an event no receipt can describe, dropping none', () => {
    const reg = accepted(registerSession(fresh(), { sessionRef: S1 }, '2026-05-06T04:00:00Z', mint)).state;
    const raw = accepted(receiveSessionEvent(reg, { eventRef: 'event-2', eventClass: 'plugin', sessionRef: S1.slice('urn:srcos:session:'.length) }, '2026-05-06T04:00:10Z', mint));
    expect(raw.state.attached.at(-1)).toMatchObject({
      eventRef: 'urn:srcos:event:event-2',
      attachedTo: S1,
      normalisedFrom: [{ field: 'eventRef', raw: 'event-2' }, { field: 'sessionRef', raw: S1.slice('urn:srcos:session:'.length) }],
    });
    const queuedRaw = accepted(receiveSessionEvent(raw.state, { eventRef: 'event-3', eventClass: 'plugin', correlationKeys: { taskRef: 't9' } }, '2026-05-06T04:00:11Z', mint));
    expectValidEmissions(queuedRaw.emitted);
    expect(receipts(queuedRaw)[0]?.eventRef).toBe('urn:srcos:event:event-3');
    const odd = accepted(receiveSessionEvent(queuedRaw.state, { ...ev(4), eventClass: 'kernel' as never }, '2026-05-06T04:00:12Z', mint));
    expect(odd.emitted).toEqual([]);
    expect(odd.unreadable?.reason).toMatch(/eventClass/);
    const spaced = accepted(receiveSessionEvent(odd.state, { eventRef: 'two words', eventClass: 'plugin' }, '2026-05-06T04:00:13Z', mint));
    const listy = accepted(receiveSessionEvent(spaced.state, { ...ev(5), evidenceRefs: 'docs/x.md' as never }, '2026-05-06T04:00:14Z', mint));
    expect(listy.state.unreadable?.map((u) => u.seq)).toEqual([2, 3, 4]);
    expect(orphanConservation(listy.state)).toMatchObject({ received: 5, attached: 1, queued: 1, unreadable: 3, holds: true });
  });
});