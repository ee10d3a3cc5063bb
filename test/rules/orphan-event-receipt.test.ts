// OrphanEventReceipt: each rule broken in random ways is reported, alone, at the broken fields.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { assertBreaks, copy, someOf } from './support/break-rule.js';
import type { Variant } from './support/variations.js';
import { durationArb, stampArb, toNs } from './support/instants.js';
import { arbitraryAt } from './support/schema-arbitrary.js';

type Doc = Record<string, unknown>;
type Resolution = Record<string, unknown>;

const session = arbitraryAt('OrphanEventReceipt', '/sessionResolution/candidateSessionRefs/items') as fc.Arbitrary<string>;
const dagNode = (arbitraryAt('OrphanEventReceipt', '/sessionResolution/recoveredDagNodeRef') as fc.Arbitrary<string | null>).filter((n): n is string => n !== null);
const sessions = (min: number) => fc.uniqueArray(session, { minLength: min, maxLength: 4 });
const NOTHING = { recoveredSessionRef: null, recoveredDagNodeRef: null, reconciledAt: null, quarantinedAt: null };

const observedOf = (v: Variant) => toNs(v.doc.observedAt as string);
/** A time at or after the event was observed. */
const notBefore = (v: Variant) => fc.oneof(fc.constant(0n), durationArb).chain((d) => stampArb(observedOf(v) + d));
/** A time before the event was observed. */
const before = (v: Variant) => durationArb.chain((d) => stampArb(observedOf(v) - d));

/** The document with a new resolution and a ttl that has not run out. */
function resolved(v: Variant, resolution: Resolution, expired = false): Doc {
  const doc = copy(v.doc);
  return { ...doc, sessionResolution: resolution, ttl: { ...(doc.ttl as Doc), expired } };
}

/** A valid recovered resolution: one of the candidates, a DAG node, reconciled, not quarantined. */
const recovered = (v: Variant) =>
  fc.record({ candidates: sessions(1), node: dagNode, at: notBefore(v), pick: fc.nat() }).map(({ candidates, node, at, pick }) => ({
    state: 'recovered',
    candidateSessionRefs: candidates,
    recoveredSessionRef: candidates[pick % candidates.length] as string,
    recoveredDagNodeRef: node,
    reconciledAt: at,
    quarantinedAt: null,
  }));

/** Sets each chosen field of a resolution to a value from its arbitrary; the pointers of those fields. */
function breakFields(base: Resolution, ways: Record<string, fc.Arbitrary<unknown>>) {
  return someOf(Object.keys(ways)).chain((fields) =>
    fc.tuple(...fields.map((f) => ways[f] as fc.Arbitrary<unknown>)).map((values) => {
      const out = { ...base };
      fields.forEach((f, i) => (out[f] = values[i]));
      return { resolution: out, pointers: fields.map((f) => `/sessionResolution/${f}`) };
    }),
  );
}

describe('OrphanEventReceipt rules', () => {
  test('rule/orphan-recovered-single-owner: recovered without an owner, or also quarantined', () => {
    assertBreaks('rule/orphan-recovered-single-owner', (v) =>
      recovered(v)
        .chain((r) => breakFields(r, { recoveredSessionRef: fc.constant(null), recoveredDagNodeRef: fc.constant(null), reconciledAt: fc.constant(null), quarantinedAt: notBefore(v) }))
        .map(({ resolution, pointers }) => ({ doc: resolved(v, resolution), pointers })),
    );
  });

  test('rule/orphan-quarantined-unowned: quarantined without a time, or naming a session or node', () => {
    assertBreaks('rule/orphan-quarantined-unowned', (v) =>
      fc
        .record({ candidates: sessions(0), at: notBefore(v), expired: fc.boolean() })
        .chain(({ candidates, at, expired }) =>
          breakFields({ state: 'quarantined', candidateSessionRefs: candidates, ...NOTHING, quarantinedAt: at }, { quarantinedAt: fc.constant(null), recoveredSessionRef: session, recoveredDagNodeRef: dagNode }).map(
            ({ resolution, pointers }) => ({ doc: resolved(v, resolution, expired), pointers }),
          ),
        ),
    );
  });

  test('rule/orphan-queued-unresolved: queued, yet recovered, reconciled or quarantined', () => {
    assertBreaks('rule/orphan-queued-unresolved', (v) =>
      sessions(0)
        .chain((candidates) =>
          breakFields({ state: 'queued', candidateSessionRefs: candidates, ...NOTHING }, { recoveredSessionRef: session, recoveredDagNodeRef: dagNode, reconciledAt: notBefore(v), quarantinedAt: notBefore(v) }),
        )
        .map(({ resolution, pointers }) => ({ doc: resolved(v, resolution), pointers })),
    );
  });

  test('rule/orphan-queued-not-expired: still queued after the ttl ran out', () => {
    assertBreaks('rule/orphan-queued-not-expired', (v) =>
      sessions(0).map((candidates) => ({ doc: resolved(v, { state: 'queued', candidateSessionRefs: candidates, ...NOTHING }, true), pointers: ['/ttl/expired'] })),
    );
  });

  test('rule/orphan-duplicate-unowned: a duplicate that names a recovered session', () => {
    assertBreaks('rule/orphan-duplicate-unowned', (v) =>
      fc
        .record({ candidates: sessions(0), owner: session, node: fc.option(dagNode, { nil: null }), reconciledAt: fc.option(notBefore(v), { nil: null }), quarantinedAt: fc.option(notBefore(v), { nil: null }) })
        .map(({ candidates, owner, node, reconciledAt, quarantinedAt }) => ({
          doc: resolved(v, { state: 'discarded_duplicate', candidateSessionRefs: candidates, recoveredSessionRef: owner, recoveredDagNodeRef: node, reconciledAt, quarantinedAt }),
          pointers: ['/sessionResolution/recoveredSessionRef'],
        })),
    );
  });

  test('rule/orphan-time-order: reconciled or quarantined before it was observed', () => {
    assertBreaks('rule/orphan-time-order', (v) => {
      const reconciledEarly = fc.tuple(recovered(v), before(v)).map(([r, early]) => ({ resolution: { ...r, reconciledAt: early }, field: 'reconciledAt' }));
      const quarantinedEarly = fc
        .record({ candidates: sessions(0), early: before(v), state: fc.constantFrom('quarantined', 'discarded_duplicate') })
        .map(({ candidates, early, state }) => ({ resolution: { state, candidateSessionRefs: candidates, ...NOTHING, quarantinedAt: early }, field: 'quarantinedAt' }));
      return fc.oneof(reconciledEarly, quarantinedEarly).map(({ resolution, field }) => ({ doc: resolved(v, resolution, resolution.state !== 'recovered'), pointers: [`/sessionResolution/${field}`] }));
    });
  });

  test('rule/orphan-ttl-after-observed: a ttl that ends at or before the event arrived', () => {
    assertBreaks('rule/orphan-ttl-after-observed', (v) =>
      fc.oneof(fc.constant(0n), durationArb).chain((d) =>
        stampArb(observedOf(v) - d).map((expiresAt) => {
          const doc = copy(v.doc);
          return { doc: { ...doc, ttl: { ...(doc.ttl as Doc), expiresAt } }, pointers: ['/ttl/expiresAt'] };
        }),
      ),
    );
  });

  test('rule/orphan-recovered-is-candidate: recovered into a session that was not a candidate', () => {
    assertBreaks('rule/orphan-recovered-is-candidate', (v) =>
      fc
        .tuple(recovered(v), sessions(0), session)
        .filter(([, candidates, owner]) => !candidates.includes(owner))
        .map(([r, candidates, owner]) => ({ doc: resolved(v, { ...r, candidateSessionRefs: candidates, recoveredSessionRef: owner }), pointers: ['/sessionResolution/recoveredSessionRef'] })),
    );
  });
});
