// GitWorkspaceState: each rule broken in random ways is reported, alone, at the broken fields.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { contracts } from '../../src/index.js';
import { assertBreaks, copy, someOf } from './support/break-rule.js';
import { arbitraryAt, enumAt } from './support/schema-arbitrary.js';

type Doc = Record<string, unknown>;
type Facts = Record<string, unknown>;

const expectedNegatives = ((contracts.GitWorkspaceState.schema.$defs as Doc).expectedNegativeStates as Doc).enum as string[];
const operations = enumAt('GitWorkspaceState', '/operation');
const passive = operations.filter((o) => !o.endsWith('_requested_command'));
const requested = operations.filter((o) => o.endsWith('_requested_command'));
const states = enumAt('GitWorkspaceState', '/state');
const remoteStates = enumAt('GitWorkspaceState', '/gitFacts/remoteState');
const facts = arbitraryAt('GitWorkspaceState', '/gitFacts') as fc.Arbitrary<Facts>;
const sha = arbitraryAt('GitWorkspaceState', '/pathEvidence/pathDigest') as fc.Arbitrary<string>;
const headSha = fc.stringMatching(/^[0-9a-fA-F]{7,40}$/);

/** The words: the facts each state requires. */
function agreeing(state: string, f: Facts): Facts {
  const out = { ...f };
  if (state === 'not_a_repo') Object.assign(out, { branch: null, headSha: null, worktreeRootDigest: null, gitDirDigest: null, remoteState: 'not_applicable' });
  if (state === 'worktree_no_remote') out.remoteState = 'missing';
  if (state === 'detached_head') Object.assign(out, { branch: null, headSha: out.headSha ?? 'abcdef0' });
  if (state === 'bare_repo') out.worktreeRootDigest = null;
  return out;
}

/** For each state with required facts: a way to contradict each fact (field → arbitrary contradicting value). */
const contradictions: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  not_a_repo: { branch: fc.string(), headSha, worktreeRootDigest: sha, gitDirDigest: sha, remoteState: fc.constantFrom(...remoteStates.filter((r) => r !== 'not_applicable')) },
  worktree_no_remote: { remoteState: fc.constantFrom(...remoteStates.filter((r) => r !== 'missing')) },
  detached_head: { branch: fc.string(), headSha: fc.constant(null) },
  bare_repo: { worktreeRootDigest: sha },
};

const withNegative = (doc: Doc, flag: boolean | undefined): Doc => {
  const out = { ...doc, expectedNegativeState: flag };
  if (flag === undefined) delete out.expectedNegativeState;
  return out;
};

describe('GitWorkspaceState rules', () => {
  test('rule/git-passive-severity: an expected negative state found passively, reported loudly', () => {
    assertBreaks('rule/git-passive-severity', (v) =>
      fc
        .record({ operation: fc.constantFrom(...passive), state: fc.constantFrom(...expectedNegatives), severity: fc.constantFrom('warning', 'error'), flag: fc.constantFrom(undefined, false), gitFacts: facts })
        .map(({ operation, state, severity, flag, gitFacts }) => ({
          doc: withNegative({ ...copy(v.doc), operation, state, severity, gitFacts: agreeing(state, gitFacts) }, flag),
          pointers: ['/severity'],
        })),
    );
  });

  test('rule/git-expected-negative-severity: expectedNegativeState true, reported loudly', () => {
    const notPassiveNegative = fc.oneof(
      fc.record({ operation: fc.constantFrom(...requested), state: fc.constantFrom(...states) }),
      fc.record({ operation: fc.constantFrom(...passive), state: fc.constantFrom(...states.filter((s) => !expectedNegatives.includes(s))) }),
    );
    assertBreaks('rule/git-expected-negative-severity', (v) =>
      fc.record({ where: notPassiveNegative, severity: fc.constantFrom('warning', 'error'), gitFacts: facts }).map(({ where, severity, gitFacts }) => ({
        doc: withNegative({ ...copy(v.doc), ...where, severity, gitFacts: agreeing(where.state, gitFacts) }, true),
        pointers: ['/severity'],
      })),
    );
  });

  test('rule/git-facts-agree-with-state: facts that contradict the state', () => {
    assertBreaks('rule/git-facts-agree-with-state', (v) =>
      fc.constantFrom(...Object.keys(contradictions)).chain((state) => {
        const ways = contradictions[state] as Record<string, fc.Arbitrary<unknown>>;
        return fc
          .record({ fields: someOf(Object.keys(ways)), gitFacts: facts, severity: fc.constantFrom('debug', 'info'), operation: fc.constantFrom(...operations), flag: fc.constantFrom(undefined, true, false) })
          .chain(({ fields, gitFacts, severity, operation, flag }) =>
            fc.tuple(...fields.map((f) => ways[f] as fc.Arbitrary<unknown>)).map((values) => {
              const broken = agreeing(state, gitFacts);
              fields.forEach((f, i) => (broken[f] = values[i]));
              return { doc: withNegative({ ...copy(v.doc), state, severity, operation, gitFacts: broken }, flag), pointers: fields.map((f) => `/gitFacts/${f}`) };
            }),
          );
      }),
    );
  });

  test('rule/git-digest-only-has-no-hint: digest_only with a readable hint', () => {
    assertBreaks('rule/git-digest-only-has-no-hint', (v) =>
      fc.string({ minLength: 1 }).map((hint) => {
        const doc = copy(v.doc) as Doc;
        doc.pathEvidence = { ...(doc.pathEvidence as Doc), redaction: 'digest_only', redactedPathHint: hint };
        return { doc, pointers: ['/pathEvidence/redactedPathHint'] };
      }),
    );
  });
});
