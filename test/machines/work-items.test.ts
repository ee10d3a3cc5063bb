// Example-based tests of work items and signals: the estate's own signals reproduced byte for
// byte, the capsule and budget rules, handoffs, and every refusal of the signal builder.
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../generated/types/index.js';
import {
  addWorkItem,
  assignWorkItem,
  blockWorkItem,
  buildSignal,
  completeWorkItem,
  createWorkBoard,
  handOffWorkItem,
  type SignalInput,
  type WorkBoard,
} from '../../src/index.js';
import { corpusJson, corpusPresent } from '../support/conformance.js';
import { accepted, deepFreeze, expectValidEmissions, refusalCode } from './support.js';

/** One of the estate's signals, from the conformance corpus beside the repository (its tests skip without it). */
const estateSignal = (name: string): Signal => corpusJson<Signal>('nosos-protocol', '.bridges', 'signals', name) as Signal;

const board = (...items: [string, string][]): WorkBoard => {
  let b = accepted(createWorkBoard()).state;
  for (const [id, domain] of items) b = accepted(addWorkItem(b, { id, domain })).state;
  return deepFreeze(b);
};

describe.runIf(corpusPresent())('the estate\'s signals, reproduced', () => {
  it('an assignment missive whose evidence is the capsule', () => {
    const capsulePath = 'artifacts/contexts/ISSUE-001_choose-ionos-iso-build-path.md';
    const ok = accepted(assignWorkItem(board(['ISSUE-001', 'builder']), { id: 'ISSUE-001', owner: 'builder', from: 'builder', to: 'council', capsulePath }, '2026-01-30T04:02:19Z'));
    expectValidEmissions(ok.emitted);
    expect(ok.emitted.map((e) => e.filename)).toEqual(['20260130-040219_missive_assignment.json']);
    expect(ok.emitted[0]?.document).toEqual(estateSignal('20260130-040219_missive_assignment.json'));
    expect(ok.state.items[0]).toMatchObject({ status: 'in_progress', owner: 'builder', capsulePath });
  });

  it('a proclamation when an item is done', () => {
    let b = board(['P1-002', 'scribe']);
    b = accepted(assignWorkItem(b, { id: 'P1-002', owner: 'scribe', capsulePath: 'artifacts/contexts/P1-002.md' }, '2026-01-30T04:00:00Z')).state;
    const ok = accepted(completeWorkItem(b, { id: 'P1-002' }, '2026-01-30T04:05:31Z'));
    expect(ok.emitted[0]?.filename).toBe('20260130-040531_proclamation_plan.json');
    expect(ok.emitted[0]?.document).toEqual(estateSignal('20260130-040531_proclamation_plan.json'));
  });

  it('a council call built directly', () => {
    const call = estateSignal('20260130-034638_council_call_deploy.json');
    const input: SignalInput = {
      kind: 'council_call',
      from: 'builder',
      to: 'council',
      topic: 'deploy',
      claim: call.body.claim,
      evidence: call.body.evidence,
      asks: call.body.asks,
      expectsResponse: true,
    };
    const built = buildSignal(input, '2026-01-30T03:46:38Z');
    if (!built.ok) expect.fail(built.refusal.message);
    expect(built.signal).toEqual(call);
    expect([built.filename, built.path]).toEqual(['20260130-034638_council_call_deploy.json', '.bridges/signals/20260130-034638_council_call_deploy.json']);
  });
});

describe('buildSignal refusals', () => {
  const base: SignalInput = { kind: 'proclamation', from: 'scribe', to: 'all', topic: 'plan', claim: 'x' };
  const code = (input: Partial<SignalInput>, now = '2026-01-30T03:46:38Z') => {
    const built = buildSignal({ ...base, ...input }, now);
    return built.ok ? 'ok' : built.refusal.code;
  };
  it('refuses what the estate could not file or read', () => {
    expect(code({ kind: 'missive' })).toBe('signal/handoff-without-evidence');
    expect(code({ kind: 'council_call', evidence: ['  '] })).toBe('signal/handoff-without-evidence');
    expect(code({ topic: 'two words' })).toBe('signal/topic-not-file-safe');
    expect(code({ topic: '../x' })).toBe('signal/topic-not-file-safe');
    expect(code({ topic: '' })).toBe('signal/topic-not-file-safe');
    expect(code({ responseBy: '2026-02-01T00:00:00Z' })).toBe('signal/deadline-without-response');
    expect(code({}, '30 Jan 2026')).toBe('signal/invalid-now');
    expect(code({ urgency: 'asap' as never })).toBe('signal/invalid-input');
    expect(code({ from: '' })).toBe('signal/invalid-input');
    expect(code({ responseBy: 'tomorrow', expectsResponse: true })).toBe('signal/invalid-input');
    expect(code({ responseBy: '2026-02-01T00:00:00Z', expectsResponse: true, topic: 'budget_override.v2' })).toBe('ok');
  });
});

describe('work items', () => {
  it('needs an owner and a capsule to start, and reuses the capsule when a blocked item resumes', () => {
    const b = board(['A-1', 'builder']);
    expect(refusalCode(assignWorkItem(b, { id: 'A-1', owner: 'builder' }, '2026-01-30T04:00:00Z'))).toBe('work/capsule-required');
    expect(refusalCode(assignWorkItem(b, { id: 'A-1', owner: ' ', capsulePath: 'c.md' }, '2026-01-30T04:00:00Z'))).toBe('work/owner-required');
    expect(refusalCode(assignWorkItem(b, { id: 'B-1', owner: 'builder', capsulePath: 'c.md' }, '2026-01-30T04:00:00Z'))).toBe('work/unknown-item');
    const started = accepted(assignWorkItem(b, { id: 'A-1', owner: 'builder', capsulePath: 'c.md' }, '2026-01-30T04:00:00Z')).state;
    expect(refusalCode(assignWorkItem(started, { id: 'A-1', owner: 'builder' }, '2026-01-30T04:00:00Z'))).toBe('work/transition-not-allowed');
    const blocked = accepted(blockWorkItem(started, { id: 'A-1' }, '2026-01-30T04:10:00Z'));
    expectValidEmissions(blocked.emitted);
    const resumed = accepted(assignWorkItem(blocked.state, { id: 'A-1', owner: 'builder' }, '2026-01-30T04:20:00Z'));
    expect((resumed.emitted[0]?.document as Signal).body.evidence).toEqual(['c.md']);
    const done = accepted(completeWorkItem(resumed.state, { id: 'A-1' }, '2026-01-30T04:30:00Z')).state;
    expect(refusalCode(blockWorkItem(done, { id: 'A-1' }, '2026-01-30T04:30:00Z'))).toBe('work/transition-not-allowed');
    expect(refusalCode(assignWorkItem(done, { id: 'A-1', owner: 'builder' }, 'now'))).toBe('work/transition-not-allowed');
  });

  it('holds the in_progress budget of 2 a domain; an override needs a reason and calls the council', () => {
    let b = board(['A-1', 'builder'], ['A-2', 'builder'], ['A-3', 'builder'], ['S-1', 'scribe']);
    for (const id of ['A-1', 'A-2']) b = accepted(assignWorkItem(b, { id, owner: 'builder', capsulePath: `${id}.md` }, '2026-01-30T04:00:00Z')).state;
    expect(refusalCode(assignWorkItem(b, { id: 'A-3', owner: 'builder', capsulePath: 'a3.md' }, '2026-01-30T04:00:01Z'))).toBe('work/budget-exhausted');
    expect(refusalCode(assignWorkItem(b, { id: 'A-3', owner: 'builder', capsulePath: 'a3.md', override: true }, '2026-01-30T04:00:01Z'))).toBe('work/override-without-reason');
    accepted(assignWorkItem(b, { id: 'S-1', owner: 'scribe', capsulePath: 's1.md' }, '2026-01-30T04:00:01Z'));
    const over = accepted(assignWorkItem(b, { id: 'A-3', owner: 'builder', capsulePath: 'a3.md', override: true, overrideReason: 'prod down' }, '2026-01-30T04:00:01Z'));
    expectValidEmissions(over.emitted);
    expect(over.emitted.map((e) => e.filename)).toEqual(['20260130-040001_missive_assignment.json', '20260130-040001_council_call_budget_override.json']);
    expect((over.emitted[1]?.document as Signal).body.claim).toBe('Budget override used for domain=builder on A-3: prod down');
    expect(over.state.items.find((i) => i.id === 'A-3')?.overrideReason).toBe('prod down');
  });

  it('hands items over: across domains only as a missive or council call with evidence', () => {
    let b = board(['A-1', 'builder'], ['S-1', 'scribe'], ['S-2', 'scribe']);
    for (const [id, owner] of [['A-1', 'builder'], ['S-1', 'scribe'], ['S-2', 'scribe']] as const) b = accepted(assignWorkItem(b, { id, owner, capsulePath: `${id}.md` }, '2026-01-30T04:00:00Z')).state;
    const to = { id: 'A-1', toOwner: 'scribe', toDomain: 'scribe' };
    expect(refusalCode(handOffWorkItem(b, { ...to, kind: 'proclamation', evidence: ['x.md'] }, '2026-01-30T05:00:00Z'))).toBe('work/handoff-not-a-handoff-kind');
    expect(refusalCode(handOffWorkItem(b, { ...to, kind: 'missive', evidence: [] }, '2026-01-30T05:00:00Z'))).toBe('work/handoff-without-evidence');
    expect(refusalCode(handOffWorkItem(b, { ...to, kind: 'missive', evidence: ['A-1.md'] }, '2026-01-30T05:00:00Z'))).toBe('work/budget-exhausted');
    const ok = accepted(handOffWorkItem(b, { ...to, kind: 'missive', evidence: ['A-1.md'], override: true, overrideReason: 'only scribe can finish it' }, '2026-01-30T05:00:00Z'));
    expectValidEmissions(ok.emitted);
    expect(ok.emitted.map((e) => (e.document as Signal).header.kind)).toEqual(['missive', 'council_call']);
    expect(ok.state.items.find((i) => i.id === 'A-1')).toMatchObject({ owner: 'scribe', domain: 'scribe', status: 'in_progress', overrideReason: 'only scribe can finish it' });
    const clash = { ...to, kind: 'council_call' as const, evidence: ['A-1.md'], topic: 'budget_override', override: true, overrideReason: 'r' };
    expect(refusalCode(handOffWorkItem(b, clash, '2026-01-30T05:00:00Z'))).toBe('work/signal-name-collision');
    const within = accepted(handOffWorkItem(b, { id: 'S-1', toOwner: 'gems', kind: 'proclamation', evidence: [] }, '2026-01-30T05:00:00Z'));
    expect(within.state.items.find((i) => i.id === 'S-1')).toMatchObject({ owner: 'gems', domain: 'scribe' });
    expect(refusalCode(handOffWorkItem(b, { id: 'S-1', toOwner: 'gems', kind: 'council_call', evidence: ['e.md'], topic: 'budget_override' }, 'later'))).toBe('work/invalid-now');
  });

  it('refuses a board and items it cannot hold', () => {
    expect(refusalCode(createWorkBoard({ maxInProgressPerDomain: 1.5 }))).toBe('work/invalid-board');
    expect(refusalCode(addWorkItem(board(['A-1', 'builder']), { id: 'A-1', domain: 'builder' }))).toBe('work/item-exists');
    expect(refusalCode(addWorkItem(board(), { id: '', domain: 'builder' }))).toBe('work/invalid-item');
    expect(refusalCode(assignWorkItem(board(['A-1', 'builder']), { id: 'A-1', owner: 'builder', capsulePath: 'c.md', from: '' }, '2026-01-30T04:00:00Z'))).toBe('work/invalid-input');
  });
});
