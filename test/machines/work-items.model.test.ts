// Model-based test of work items and their signals: random adds, assignments (with and without
// capsules and overrides), completions, blocks and handoffs against a model; after every step:
// never over a domain's in_progress budget without an override, assignments carry their capsule
// as evidence, handoffs their capsule and files, overrides are called to the council, every signal
// validates under its file name, and no two signals of a board share a path or header.id (even in one second).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../generated/types/index.js';
import {
  addWorkItem,
  assignWorkItem,
  blockWorkItem,
  completeWorkItem,
  createWorkBoard,
  handOffWorkItem,
  workItemTransitions,
  type WorkBoard,
  type WorkOutcome,
  type WorkStatus,
} from '../../src/index.js';
import { NUM_RUNS, accepted, at, deepFreeze, expectRow, expectValidEmissions, refusalCode } from './support.js';

const BUDGET = 2;
const IDS = ['P0-001', 'P1-002', 'ISSUE-001', 'DEPLOY-001', 'OXYGEN-001', 'LIFE-001'];
const DOMAINS = ['builder', 'scribe'];
const OWNERS = ['builder', 'scribe', 'guardian', ''];
const capsule = (id: string) => `artifacts/contexts/${id}_context.md`;

interface MItem { domain: string; status: WorkStatus; owner: string | null; capsule: string | null; override: boolean }
/** `stamp`: the second (from T0) that named the last signal; `files`: every signal path and header.id emitted so far. */
interface Model { now: number; items: Map<string, MItem>; stamp: number | null; files: Set<string> }
interface Real { board: WorkBoard }

const inProgress = (m: Model, domain: string) => [...m.items.values()].filter((i) => i.domain === domain && i.status === 'in_progress').length;
const allowed = (status: WorkStatus | null, event: string) => workItemTransitions.some((r) => r.from === status && r.event === event);
/** Every event of the table some run took, and every refusal some run met. */
const coverage = new Set<string>();

function checkInvariants(m: Model, r: Real): void {
  for (const domain of DOMAINS) {
    const plain = r.board.items.filter((i) => i.domain === domain && i.status === 'in_progress' && i.overrideReason === null);
    expect(plain.length, `${domain} over its in_progress budget without an override`).toBeLessThanOrEqual(BUDGET);
  }
  expect(r.board.items.map((i) => i.id).sort()).toEqual([...m.items.keys()].sort());
  for (const item of r.board.items) {
    const mi = m.items.get(item.id);
    expect([item.status, item.domain, item.owner, item.capsulePath, item.overrideReason !== null]).toEqual([mi?.status, mi?.domain, mi?.owner, mi?.capsule, mi?.override]);
  }
}

/** Applies an outcome: a refusal must be the expected code; an accepted one must emit exactly these signals. */
function settle(m: Model, r: Real, outcome: WorkOutcome, expected: string, kinds: string[], apply: () => void, label: string): Signal[] {
  if (expected !== 'ok') {
    expect(refusalCode(outcome)).toBe(expected);
    coverage.add(expected);
    checkInvariants(m, r);
    return [];
  }
  const ok = accepted(outcome);
  expectValidEmissions(ok.emitted);
  const signals = ok.emitted.map((e) => e.document as Signal);
  expect(signals.map((s) => s.header.kind)).toEqual(kinds);
  for (const e of ok.emitted) expect(e.path).toBe(`.bridges/signals/${e.filename}`);
  // each signal is named by the next free second from now on: no two signals of a board share a file or an id
  for (const [i, s] of signals.entries()) {
    m.stamp = m.stamp !== null && m.stamp >= m.now ? m.stamp + 1 : m.now;
    expect([s.header.id, s.header.timestamp]).toEqual([at(m.stamp).replace(/[-:]/g, '').replace('T', '-').slice(0, 15), at(m.now)]);
    for (const key of [ok.emitted[i]!.path!, s.header.id]) {
      expect(m.files.has(key), `${key} emitted twice`).toBe(false);
      m.files.add(key);
    }
  }
  apply();
  r.board = deepFreeze(ok.state);
  coverage.add(label);
  checkInvariants(m, r);
  return signals;
}

class Add implements fc.Command<Model, Real> {
  constructor(readonly id: string, readonly domain: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const expected = m.items.has(this.id) ? 'work/item-exists' : 'ok';
    settle(m, r, addWorkItem(r.board, { id: this.id, domain: this.domain }), expected, [], () => m.items.set(this.id, { domain: this.domain, status: 'pending', owner: null, capsule: null, override: false }), 'add');
  }
  toString = () => `add(${this.id}, ${this.domain})`;
}

class Assign implements fc.Command<Model, Real> {
  constructor(readonly id: string, readonly owner: string, readonly withCapsule: boolean, readonly override: boolean, readonly reason: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 7;
    const item = m.items.get(this.id);
    const cap = this.withCapsule ? capsule(this.id) : (item?.capsule ?? null);
    const over = item ? inProgress(m, item.domain) >= BUDGET : false;
    const expected =
      !item ? 'work/unknown-item'
      : !allowed(item.status, 'assign') ? 'work/transition-not-allowed'
      : this.owner === '' ? 'work/owner-required'
      : cap === null ? 'work/capsule-required'
      : this.override && this.reason.trim() === '' ? 'work/override-without-reason'
      : over && !this.override ? 'work/budget-exhausted'
      : 'ok';
    const outcome = assignWorkItem(r.board, { id: this.id, owner: this.owner, ...(this.withCapsule ? { capsulePath: capsule(this.id) } : {}), override: this.override, overrideReason: this.reason }, at(m.now));
    const from = item?.status ?? null;
    const signals = settle(m, r, outcome, expected, over ? ['missive', 'council_call'] : ['missive'], () => m.items.set(this.id, { ...item!, status: 'in_progress', owner: this.owner, capsule: cap, override: over }), over ? 'assign over budget' : 'assign');
    if (signals.length) {
      expectRow(workItemTransitions, from, 'assign', 'in_progress');
      expect(signals[0]?.body.evidence).toEqual([cap]);
      expect(signals[0]?.body.topic).toBe('assignment');
      if (over) expect(signals[1]?.body).toMatchObject({ topic: 'budget_override', evidence: [cap] });
    }
  }
  toString = () => `assign(${this.id}, ${JSON.stringify(this.owner)}, capsule=${this.withCapsule}, override=${this.override}, ${JSON.stringify(this.reason)})`;
}

class SetStatus implements fc.Command<Model, Real> {
  constructor(readonly id: string, readonly event: 'complete' | 'block') {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 3;
    const item = m.items.get(this.id);
    const to: WorkStatus = this.event === 'complete' ? 'done' : 'blocked';
    const expected = !item ? 'work/unknown-item' : !allowed(item.status, this.event) ? 'work/transition-not-allowed' : 'ok';
    const run = this.event === 'complete' ? completeWorkItem : blockWorkItem;
    const signals = settle(m, r, run(r.board, { id: this.id }, at(m.now)), expected, ['proclamation'], () => m.items.set(this.id, { ...item!, status: to, override: false }), this.event);
    if (signals.length) {
      expectRow(workItemTransitions, item?.status ?? null, this.event, to);
      expect(signals[0]?.body.claim).toBe(`Set ${this.id} status=${to} owner=${item?.owner ?? 'unassigned'}`);
    }
  }
  toString = () => `${this.event}(${this.id})`;
}

class HandOff implements fc.Command<Model, Real> {
  constructor(readonly id: string, readonly toOwner: string, readonly toDomain: string, readonly kind: Signal['header']['kind'], readonly withEvidence: boolean, readonly override: boolean) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 5;
    const item = m.items.get(this.id);
    const cross = item !== undefined && item.domain !== this.toDomain;
    const moving = cross && item?.status === 'in_progress';
    const over = moving && inProgress(m, this.toDomain) >= BUDGET;
    const expected =
      !item ? 'work/unknown-item'
      : !allowed(item.status, 'hand_off') ? 'work/transition-not-allowed'
      : this.toOwner === '' ? 'work/owner-required'
      : item.capsule === null ? 'work/handoff-without-capsule'
      : cross && this.kind === 'proclamation' ? 'work/handoff-not-a-handoff-kind'
      : this.kind !== 'proclamation' && !this.withEvidence ? 'work/handoff-without-evidence'
      : over && !this.override ? 'work/budget-exhausted'
      : 'ok';
    const evidence = this.withEvidence ? [`docs/handoff/${this.id}.md`] : [];
    const outcome = handOffWorkItem(r.board, { id: this.id, toOwner: this.toOwner, toDomain: this.toDomain, kind: this.kind, evidence, override: this.override, overrideReason: 'deadline' }, at(m.now));
    const kinds = over ? [this.kind, 'council_call'] : [this.kind];
    const keepsOverride = !cross && (item?.override ?? false);
    const signals = settle(m, r, outcome, expected, kinds, () => m.items.set(this.id, { ...item!, owner: this.toOwner, domain: this.toDomain, override: over || keepsOverride }), cross ? 'hand off across domains' : 'hand off');
    // the handoff carries the item's capsule and the exact files
    if (signals[0]) expect(signals[0].body.evidence).toEqual([item!.capsule, ...evidence]);
  }
  toString = () => `handOff(${this.id}, ${JSON.stringify(this.toOwner)}, ${this.toDomain}, ${this.kind}, evidence=${this.withEvidence}, override=${this.override})`;
}

const id = fc.constantFrom(...IDS);
const commands = [
  fc.tuple(id, fc.constantFrom(...DOMAINS)).map(([i, d]) => new Add(i, d)),
  fc.tuple(id, fc.constantFrom(...OWNERS), fc.boolean(), fc.boolean(), fc.constantFrom('', 'release train')).map(([i, o, c, ov, re]) => new Assign(i, o, c, ov, re)),
  fc.tuple(id, fc.constantFrom('complete', 'block')).map(([i, e]) => new SetStatus(i, e as 'complete' | 'block')),
  fc
    .tuple(id, fc.constantFrom(...OWNERS), fc.constantFrom(...DOMAINS), fc.constantFrom('missive', 'council_call', 'proclamation'), fc.boolean(), fc.boolean())
    .map(([i, o, d, k, ev, ov]) => new HandOff(i, o, d, k as Signal['header']['kind'], ev, ov)),
];

// Runs first, whatever the seed, so every label below is reached in every run of the suite;
// the random sequences then explore around them. Each: [starts busy, commands]. Busy: builder
// holds P0-001 and P1-002 (its budget); DEPLOY-001 is builder's, ISSUE-001 scribe's.
const examples: [boolean, Iterable<fc.Command<Model, Real>>][] = [
  [false, [new Add('P0-001', 'builder'), new Assign('P0-001', 'builder', true, false, ''), new SetStatus('P0-001', 'complete')]],
  [
    true,
    [
      new Assign('DEPLOY-001', 'builder', false, false, ''), // capsule required
      new Assign('DEPLOY-001', 'builder', true, true, ''), // override without a reason
      new Assign('DEPLOY-001', 'builder', true, false, ''), // budget exhausted
      new Assign('DEPLOY-001', 'builder', true, true, 'release train'), // assign over budget
      new Assign('ISSUE-001', 'scribe', true, false, ''),
      new HandOff('ISSUE-001', 'guardian', 'scribe', 'missive', true, false), // hand off
      new HandOff('ISSUE-001', 'guardian', 'builder', 'proclamation', true, false), // not a handoff kind
      new HandOff('ISSUE-001', 'guardian', 'builder', 'missive', false, false), // without evidence
      new HandOff('ISSUE-001', 'guardian', 'builder', 'council_call', true, true), // across domains
      new HandOff('OXYGEN-001', 'guardian', 'builder', 'missive', true, false), // without capsule
      new SetStatus('P1-002', 'block'),
    ],
  ],
];

describe('work items, model-based', () => {
  it('never exceeds the in_progress budget without an override, and signals validate', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.commands(commands, { maxCommands: 60, size: 'large' }), (busy, cmds) => {
        const model: Model = { now: 0, items: new Map(), stamp: null, files: new Set() };
        const real: Real = { board: accepted(createWorkBoard({ maxInProgressPerDomain: BUDGET })).state };
        // half the runs start with every item on the board and builder at its budget, so overrides and handoffs happen often
        if (busy) {
          IDS.forEach((i, n) => new Add(i, DOMAINS[n % 3 === 2 ? 1 : 0]!).run(model, real));
          for (const i of ['P0-001', 'P1-002']) new Assign(i, 'builder', true, false, '').run(model, real);
        }
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: NUM_RUNS, examples },
    );
    const needed = ['add', 'assign', 'assign over budget', 'complete', 'block', 'hand off', 'hand off across domains', 'work/budget-exhausted', 'work/capsule-required', 'work/handoff-not-a-handoff-kind', 'work/handoff-without-evidence', 'work/handoff-without-capsule', 'work/override-without-reason'];
    for (const label of needed) expect(coverage, label).toContain(label);
  });
});
