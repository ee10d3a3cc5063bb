// Model-based test of the orphan-event registry: random sessions, events (duplicates, named
// sessions, correlation keys, parents), time and reconciliations against a model that decides every
// event's place on its own; after every step: conservation (each reception in exactly one of
// attached, queued, quarantined, discarded), no ambiguous recovery, and every receipt valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrphanEventReceipt } from '../../generated/types/index.js';
import {
  createOrphanRegistry,
  orphanConservation,
  orphanTransitions,
  receiveSessionEvent,
  reconcileOrphans,
  registerSession,
  sha256Digest,
  type CorrelationKeys,
  type OrphanOutcome,
  type OrphanRegistry,
} from '../../src/index.js';
import { NUM_RUNS, accepted, at, counterMinter, deepFreeze, epoch, expectValidEmissions, refusalCode } from './support.js';

const TTL = 300;
const session = (i: number) => `urn:srcos:session:s${i}`;
const event = (i: number) => `urn:srcos:event:e${i}`;
const workspace = (i: number) => `urn:srcos:workspace:w${i}`;
const digest = (i: number) => sha256Digest(`raw event ${i}`);

interface MSession { ref: string; conv: string | null; ws: string | null; task: string | null }
type Status = 'attached' | 'queued' | 'quarantined' | 'discarded';
interface MEvent { seq: number; ref: string; digest: string | null; claimed: string | null; keys: CorrelationKeys; status: Status; session: string | null; expires: number; candidates: string[] }
interface Model { now: number; sessions: MSession[]; events: MEvent[] }
interface Real { registry: OrphanRegistry; mint: ReturnType<typeof counterMinter> }

/** The model's own matching: every key the event carries agrees or is unknown to the session, and one agrees. */
function candidates(m: Model, e: MEvent): string[] {
  return m.sessions
    .filter((s) => {
      const verdicts: string[] = [];
      if (e.claimed !== null) verdicts.push(s.ref === e.claimed ? 'match' : 'no');
      for (const [known, offered] of [[s.conv, e.keys.conversationId], [s.ws, e.keys.workspaceRef], [s.task, e.keys.taskRef]] as const) {
        if (offered != null) verdicts.push(known === null ? 'unknown' : known === offered ? 'match' : 'no');
      }
      if (e.keys.parentId != null) {
        const owner = m.events.find((p) => p.status === 'attached' && p.ref === e.keys.parentId)?.session;
        verdicts.push(owner === undefined ? 'unknown' : owner === s.ref ? 'match' : 'no');
      }
      return !verdicts.includes('no') && verdicts.includes('match');
    })
    .map((s) => s.ref);
}

/** What the model expects a command to emit, by receipt state. */
type Tally = Record<OrphanEventReceipt['sessionResolution']['state'], number>;
const tally = (): Tally => ({ queued: 0, recovered: 0, quarantined: 0, discarded_duplicate: 0 });

function sweep(m: Model, t: Tally): void {
  for (const e of m.events) if (e.status === 'queued' && m.now >= e.expires) [e.status, t.quarantined] = ['quarantined', t.quarantined + 1];
}

function reconcile(m: Model, t: Tally): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of m.events.filter((x) => x.status === 'queued')) {
      const c = candidates(m, e);
      if (c.length === 1) [e.status, e.session, e.candidates, changed, t.recovered] = ['attached', c[0] ?? null, c, true, t.recovered + 1];
      else if (c.join() !== e.candidates.join()) [e.candidates, t.queued] = [c, t.queued + 1];
    }
  }
}

function compare(m: Model, r: Real, outcome: OrphanOutcome, t: Tally): void {
  const ok = accepted(outcome);
  r.registry = deepFreeze(ok.state);
  expectValidEmissions(ok.emitted);
  const receipts = ok.emitted.map((e) => e.document as OrphanEventReceipt);
  const seen = tally();
  for (const receipt of receipts) {
    const res = receipt.sessionResolution;
    seen[res.state] += 1;
    if (res.state === 'recovered') expect(res.candidateSessionRefs).toEqual([res.recoveredSessionRef]);
    if (res.state === 'quarantined') expect(epoch(res.quarantinedAt ?? '')).toBeGreaterThanOrEqual(epoch(receipt.ttl.expiresAt));
    expect(receipt.ttl.expired).toBe(res.state === 'quarantined');
    expect(epoch(receipt.ttl.expiresAt) - epoch(receipt.observedAt)).toBe(TTL);
  }
  expect(seen).toEqual(t);
  for (const receipt of receipts) {
    const res = receipt.sessionResolution;
    coverage.add(`${res.state}${res.candidateSessionRefs.length > 1 ? ' ambiguous' : ''}${receipt.causalRefs?.length ? ' after queued' : ''}`);
  }
  const conservation = orphanConservation(r.registry);
  if (!('holds' in conservation)) expect.fail(`orphanConservation refused: ${conservation.refusal.message}`);
  expect(conservation.holds).toBe(true);
  expect(conservation.received).toBe(m.events.length);
  const places = { attached: r.registry.attached, queued: r.registry.queued, quarantined: r.registry.quarantined, discarded: r.registry.discarded };
  for (const e of m.events) {
    const found = Object.entries(places).filter(([, list]) => list.some((x) => x.seq === e.seq));
    expect(found.map(([place]) => place), `event #${e.seq}`).toEqual([e.status]);
  }
  for (const a of r.registry.attached) {
    expect(a.attachedTo).toBe(m.events[a.seq]?.session);
    const node = r.registry.dag.find((n) => n.nodeRef === a.dagNodeRef);
    expect(node?.sessionRef).toBe(a.attachedTo);
  }
  for (const q of [...r.registry.queued, ...r.registry.quarantined]) {
    expect(q.candidates).toEqual(m.events[q.seq]?.candidates);
    expect(q.candidates.length).not.toBe(1);
  }
  for (const q of r.registry.queued) expect(epoch(q.expiresAt)).toBeGreaterThan(epoch(at(m.now)));
}

/** What some run reached: the sequences must get everywhere for the test to mean anything. */
const coverage = new Set<string>();

class Advance implements fc.Command<Model, Real> {
  constructor(readonly seconds: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += this.seconds;
    const t = tally();
    sweep(m, t);
    reconcile(m, t);
    compare(m, r, reconcileOrphans(r.registry, at(m.now), r.mint), t);
  }
  toString = () => `advance+reconcile(${this.seconds})`;
}

class Register implements fc.Command<Model, Real> {
  constructor(readonly s: MSession) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const outcome = registerSession(r.registry, { sessionRef: this.s.ref, conversationId: this.s.conv, workspaceRef: this.s.ws, taskRef: this.s.task }, at(m.now), r.mint);
    if (m.sessions.some((s) => s.ref === this.s.ref)) {
      expect(refusalCode(outcome)).toBe('orphans/session-exists');
      return;
    }
    const t = tally();
    sweep(m, t);
    m.sessions.push(this.s);
    reconcile(m, t);
    compare(m, r, outcome, t);
  }
  toString = () => `register(${JSON.stringify(this.s)})`;
}

class Receive implements fc.Command<Model, Real> {
  constructor(readonly ref: string, readonly digest: string | null, readonly claimed: string | null, readonly keys: CorrelationKeys) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const incoming = { eventRef: this.ref, eventClass: 'agent_lifecycle' as const, sessionRef: this.claimed, rawEventDigest: this.digest, correlationKeys: this.keys };
    const outcome = receiveSessionEvent(r.registry, incoming, at(m.now), r.mint);
    const t = tally();
    sweep(m, t);
    const e: MEvent = { seq: m.events.length, ref: this.ref, digest: this.digest, claimed: this.claimed, keys: this.keys, status: 'queued', session: null, expires: m.now + TTL, candidates: [] };
    const duplicate = m.events.some((x) => x.status !== 'discarded' && (x.ref === e.ref || (e.digest !== null && x.digest === e.digest)));
    const c = candidates(m, e);
    if (duplicate) [e.status, t.discarded_duplicate] = ['discarded', 1];
    else if (e.claimed !== null && m.sessions.some((s) => s.ref === e.claimed)) [e.status, e.session] = ['attached', e.claimed];
    else if (c.length === 1) [e.status, e.session, e.candidates, t.recovered] = ['attached', c[0] ?? null, c, t.recovered + 1];
    else [e.candidates, t.queued] = [c, t.queued + 1];
    m.events.push(e);
    reconcile(m, t);
    compare(m, r, outcome, t);
  }
  toString = () => `receive(${this.ref}, ${this.digest?.slice(7, 12) ?? null}, ${this.claimed}, ${JSON.stringify(this.keys)})`;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const sessionArb = fc
  .record({ i: fc.integer({ min: 1, max: 4 }), conv: maybe(fc.constantFrom('c1', 'c2')), ws: maybe(fc.integer({ min: 1, max: 2 }).map(workspace)), task: maybe(fc.constantFrom('urn:srcos:task:t1', 'urn:srcos:task:t2')) })
  .map(({ i, ...keys }) => new Register({ ref: session(i), ...keys }));
const keysArb: fc.Arbitrary<CorrelationKeys> = fc.record(
  {
    conversationId: maybe(fc.constantFrom('c1', 'c2')),
    workspaceRef: maybe(fc.integer({ min: 1, max: 2 }).map(workspace)),
    taskRef: maybe(fc.constantFrom('urn:srcos:task:t1', 'urn:srcos:task:t2')),
    parentId: maybe(fc.integer({ min: 1, max: 8 }).map(event)),
  },
  { requiredKeys: [] },
);
const receiveArb = fc
  .tuple(fc.integer({ min: 1, max: 8 }).map(event), maybe(fc.integer({ min: 1, max: 3 }).map(digest)), fc.option(fc.integer({ min: 1, max: 5 }).map(session), { nil: null, freq: 4 }), keysArb)
  .map(([ref, d, claimed, keys]) => new Receive(ref, d, claimed, keys));
const commands = [fc.integer({ min: 0, max: 400 }).map((s) => new Advance(s)), sessionArb, receiveArb, receiveArb];

// Runs first, whatever the seed, so every place below is reached in every run of the suite;
// the random sequences then explore around them.
const sessionInConversation = (i: number, conv: string) => new Register({ ref: session(i), conv, ws: null, task: null });
const examples: [Iterable<fc.Command<Model, Real>>][] = [
  [
    [
      new Receive(event(1), digest(1), null, { conversationId: 'c1' }), // queued: no session yet
      sessionInConversation(1, 'c1'), // recovered after queued
      new Receive(event(6), digest(2), session(1), {}), // attached to the session it names: no receipt
      new Receive(event(2), digest(2), null, {}), // discarded_duplicate of it
      new Receive(event(3), null, null, { conversationId: 'c1' }), // recovered at once
      sessionInConversation(2, 'c2'),
      sessionInConversation(3, 'c2'),
      new Receive(event(4), null, null, { conversationId: 'c2' }), // queued ambiguous
      new Receive(event(5), null, null, { taskRef: 'urn:srcos:task:t1' }), // queued
      new Advance(TTL), // both quarantined after queued
    ],
  ],
];

describe('orphan events, model-based', () => {
  it('conserves every event, never recovers ambiguously, quarantines at ttl, and emits valid receipts', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 50, size: 'large' }), (cmds) => {
        const registry = accepted(createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:orphans', ttlSeconds: TTL })).state;
        fc.modelRun(() => ({ model: { now: 0, sessions: [], events: [] }, real: { registry, mint: counterMinter() } }), cmds);
      }),
      { numRuns: NUM_RUNS, examples },
    );
    for (const reached of ['queued', 'queued ambiguous', 'recovered', 'recovered after queued', 'quarantined after queued', 'quarantined ambiguous after queued', 'discarded_duplicate']) {
      expect(coverage, reached).toContain(reached);
    }
    expect(orphanTransitions.map((r) => r.to)).toEqual(['attached', 'attached', 'queued', 'discarded', 'unreadable', 'attached', 'queued', 'quarantined']);
  });
});
