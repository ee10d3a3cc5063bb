// RuntimeInstallReceipt: each rule broken in random ways is reported, alone, at the broken fields.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { assertBreaks, copy } from './support/break-rule.js';
import { durationArb, stampArb, toNs } from './support/instants.js';
import { arbitraryAt } from './support/schema-arbitrary.js';

type Doc = Record<string, unknown>;
type Artifact = Record<string, unknown>;

const artifact = arbitraryAt('RuntimeInstallReceipt', '/artifacts/items') as fc.Arbitrary<Artifact>;
const noReason = fc.constantFrom<'absent' | null | ''>('absent', null, '');
/** The words: the states that must say why they stopped. */
const STOPPED = ['failed', 'partial', 'denied', 'deferred'];

/** Artifacts in which the positions marked true get `marked` and the others a state that no rule minds. */
const artifactsMarking = (marked: string) =>
  fc.array(fc.tuple(artifact, fc.boolean(), fc.constantFrom('verified', 'skipped')), { minLength: 1, maxLength: 5 })
    .filter((list) => list.some(([, mark]) => mark))
    .map((list) => ({
      artifacts: list.map(([a, mark, other]) => ({ ...a, verificationState: mark ? marked : other })),
      marked: list.flatMap(([, mark], i) => (mark ? [`/artifacts/${i}/verificationState`] : [])),
    }));

const setReason = (doc: Doc, field: string, reason: 'absent' | string | null): Doc => {
  const out = { ...doc, [field]: reason };
  if (reason === 'absent') delete out[field];
  return out;
};

describe('RuntimeInstallReceipt rules', () => {
  test('rule/install-failure-has-reason: a stopped install without a reason', () => {
    assertBreaks('rule/install-failure-has-reason', (v) =>
      fc.record({ state: fc.constantFrom(...STOPPED), reason: noReason }).map(({ state, reason }) => ({ doc: setReason({ ...copy(v.doc), installState: state }, 'failureReason', reason), pointers: ['/failureReason'] })),
    );
  });

  test('rule/install-installed-is-clean: installed over a failed artifact, or with a failureReason', () => {
    const failedArtifacts = artifactsMarking('failed');
    const cleanArtifacts = fc.array(artifact, { minLength: 1, maxLength: 3 }).map((list) => ({ artifacts: list.map((a) => ({ ...a, verificationState: 'verified' })), marked: [] as string[] }));
    assertBreaks('rule/install-installed-is-clean', (v) =>
      fc
        .record({ arts: fc.oneof(failedArtifacts, cleanArtifacts), reason: fc.option(fc.string({ minLength: 1 }), { nil: null }) })
        .filter(({ arts, reason }) => arts.marked.length > 0 || reason !== null)
        .map(({ arts, reason }) => ({
          doc: { ...copy(v.doc), installState: 'installed', artifacts: arts.artifacts, failureReason: reason },
          pointers: [...arts.marked, ...(reason === null ? [] : ['/failureReason'])],
        })),
    );
  });

  test('rule/install-rollback-has-ref: rolled back to nothing', () => {
    assertBreaks('rule/install-rollback-has-ref', (v) =>
      noReason.map((ref) => ({ doc: setReason({ ...copy(v.doc), installState: 'rolled_back' }, 'rollbackRef', ref), pointers: ['/rollbackRef'] })),
    );
  });

  test('rule/install-time-order: finished or captured before it started', () => {
    assertBreaks('rule/install-time-order', (v) => {
      const started = toNs(v.doc.startedAt as string);
      return fc.record({ field: fc.constantFrom('finishedAt', 'capturedAt'), early: durationArb.chain((d) => stampArb(started - d)) }).map(({ field, early }) => ({ doc: { ...copy(v.doc), [field]: early }, pointers: [`/${field}`] }));
    });
  });

  test('rule/install-installed-unchecked-artifact: installed with artifacts nobody checked', () => {
    assertBreaks('rule/install-installed-unchecked-artifact', (v) =>
      artifactsMarking('not_checked').map(({ artifacts, marked }) => ({ doc: { ...copy(v.doc), installState: 'installed', failureReason: null, artifacts }, pointers: marked })),
    );
  });
});
