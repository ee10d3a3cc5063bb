// Model-based check, for every machine: random sequences of calls (plausible inputs, wrong types from
// fc.anything, hostile objects whose getters throw, any value for `now`) run against a state the
// accepted calls advance. After every call: nothing was thrown; a refusal carries a code of its
// machine's refusal table and neither a state nor emissions, and the state passed in is unchanged;
// every refusal code of every table is reached (or the list below says why it cannot be).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuntimeInstallReceipt } from '../../generated/types/index.js';
import * as m from '../../src/index.js';
import { NUM_RUNS, at, counterMinter } from './support.js';

// The specification repository's canonical examples, as copied into the repository (test/fixtures/sourceos-spec).
const example = <T>(name: string): T => JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sourceos-spec', 'examples', `${name}.json`), 'utf8')) as T;

/** An object any read of which throws: what no type check can foresee. */
const hostile = new Proxy({}, {
  get: (_t, key) => {
    if (key === fc.toStringMethod) return () => 'hostile';
    if (typeof key === 'symbol') return undefined;
    throw new Error('hostile getter');
  },
});
/** A plausible value (most of the time), a wrong type, or a hostile object. */
const pick = (...values: unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 40 }, { arbitrary: fc.anything(), weight: 2 }, { arbitrary: fc.constant(hostile), weight: 1 });
const now = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 400 }).map(at), weight: 12 }, { arbitrary: fc.constantFrom('soon', 10n, at(-100000)), weight: 1 }, { arbitrary: fc.anything(), weight: 1 });

/** One call of a machine's function: it gets the current state and gives an outcome. */
type Call = { readonly name: string; readonly run: (state: unknown, mint: m.MintId) => unknown };
interface MachineUnderTest {
  readonly name: string;
  readonly initial: unknown;
  readonly calls: fc.Arbitrary<Call>;
  /** Sequences run first, whatever the seed: the paths to codes random calls meet too rarely. */
  readonly examples?: readonly (readonly Call[])[];
  /** Codes no sequence of calls from `initial` can reach, and why. */
  readonly unreachable?: Readonly<Record<string, string>>;
}
/** Now and then one whole argument is hostile. */
const withHostile = (args: fc.Arbitrary<unknown[]>): fc.Arbitrary<unknown[]> =>
  fc.oneof({ arbitrary: args, weight: 15 }, { arbitrary: fc.tuple(args, fc.nat()).map(([a, i]) => a.map((x, j) => (j === i % a.length ? hostile : x))), weight: 1 });
const call = (name: string, args: fc.Arbitrary<unknown[]>, run: (state: unknown, args: unknown[], mint: m.MintId) => unknown): fc.Arbitrary<Call> =>
  withHostile(args).map((a) => ({ name, run: (state: unknown, mint: m.MintId) => run(state, a, mint), toString: () => `${name}(${fc.stringify(a)})` }) as Call);
const f = <F>(fn: F) => fn as unknown as (...args: unknown[]) => unknown;

const fixed = (name: string, run: (state: unknown, mint: m.MintId) => unknown): Call => ({ name, run, toString: () => name }) as Call;
const PLANES = ['runtime', 'server', 'policy', 'ui', 'kernel'];
const declaration = fc.record({
  capabilityRef: pick('urn:srcos:capability:x@0.1.0', 'x'),
  declaredBy: pick(['ui'], ['kernel'], 'ui'),
  policyDecisionRef: pick('urn:srcos:decision:p'),
  evidenceRefs: pick(['urn:srcos:evidence:e']),
  requiredPlanes: pick(undefined, ['runtime'], 'all'),
});
const report = fc.record({ plane: pick(...PLANES), verdict: pick('supported', 'pending', 'unsupported', 'blocked_by_policy', 'enabled') });
const twice = { plane: 'runtime', verdict: 'supported' } as const;
const capability: MachineUnderTest = {
  name: 'capability',
  examples: [[fixed('negotiate, runtime twice', (_s, mint) => m.negotiateCapability({ capabilityRef: 'urn:srcos:capability:x@0.1.0', declaredBy: ['ui'], policyDecisionRef: 'urn:srcos:decision:p', evidenceRefs: ['urn:srcos:evidence:e'], reports: [twice, twice] }, at(1), mint))]],
  initial: null,
  calls: fc.oneof(
    call('declareCapability', fc.tuple(declaration, now), (_s, [d, t], mint) => m.declareCapability(d as never, t as never, mint)),
    call('negotiateCapability', fc.tuple(declaration, fc.oneof(fc.array(report, { maxLength: 4 }), pick(5)), now), (_s, [d, r, t], mint) => m.negotiateCapability({ ...(d as object), reports: r } as never, t as never, mint)),
    call('requestCapability', fc.tuple(pick('user', 'kernel'), now), (s, [p, t], mint) => m.requestCapability(s as never, p as never, t as never, mint)),
    call('reportPlane', fc.tuple(report, now), (s, [r, t], mint) => m.reportPlane(s as never, r as never, t as never, mint)),
    ...(['openNegotiation', 'enableCapability', 'disableCapability', 'renegotiateCapability'] as const).map((name) => call(name, fc.tuple(now), (s, [t], mint) => f(m[name])(s, t, mint))),
  ),
};

const leaseClaim = fc.record({ resource: pick('src/a.ts', 'src/b.ts', ' '), owner: pick('builder', 'scribe'), domain: pick('builder'), ttlSeconds: pick(60, 0, 1e300), override: pick(false, true), overrideReason: pick('', 'hotfix') });
const claimAt = (resource: string) => fixed(`claim ${resource}`, (s) => m.claimLease(s as never, { resource, owner: 'builder', domain: 'builder', ttlSeconds: 600 }, at(1)));
const lease: MachineUnderTest = {
  examples: [
    [claimAt('src/a.ts'), claimAt('src/b.ts'), claimAt('src/a.ts')],
    [claimAt('src/a.ts'), fixed('renew src/a.ts after it expired', (s) => m.renewLease(s as never, { resource: 'src/a.ts', owner: 'builder', ttlSeconds: 600 }, at(601)))],
  ],
  name: 'lease',
  initial: (m.createLeaseBoard({ maxLeasesPerDomain: 1 }) as { state: unknown }).state,
  calls: fc.oneof(
    call('createLeaseBoard', fc.tuple(fc.record({ maxLeasesPerDomain: pick(1, -1), leases: pick([], [{ resource: 'x' }]) })), (_s, [o]) => m.createLeaseBoard(o as never)),
    call('claimLease', fc.tuple(leaseClaim, now), (s, [c, t]) => m.claimLease(s as never, c as never, t as never)),
    call('releaseLease', fc.tuple(fc.record({ resource: pick('src/a.ts', 'src/b.ts'), owner: pick('builder', 'scribe') })), (s, [r]) => m.releaseLease(s as never, r as never)),
    call('renewLease', fc.tuple(fc.record({ resource: pick('src/a.ts', 'src/b.ts'), owner: pick('builder', 'scribe'), ttlSeconds: pick(60, 0) }), now), (s, [r, t]) => m.renewLease(s as never, r as never, t as never)),
    call('collectExpiredLeases', fc.tuple(now), (s, [t]) => m.collectExpiredLeases(s as never, t as never)),
  ),
};

const items = ['A-1', 'A-2', 'S-1'];
const assignAt = (id: string) => fixed(`assign ${id}`, (s) => m.assignWorkItem(s as never, { id, owner: 'builder', capsulePath: 'c.md' }, at(1)));
const work: MachineUnderTest = {
  examples: [
    [
      assignAt('A-1'),
      assignAt('A-2'),
      fixed('assign A-2 override without reason', (s) => m.assignWorkItem(s as never, { id: 'A-2', owner: 'builder', capsulePath: 'c.md', override: true }, at(2))),
      fixed('hand A-1 to scribe as a proclamation', (s) => m.handOffWorkItem(s as never, { id: 'A-1', toOwner: 'gems', toDomain: 'scribe', kind: 'proclamation', evidence: ['f.ts'] }, at(3))),
      fixed('hand A-1 over without files', (s) => m.handOffWorkItem(s as never, { id: 'A-1', toOwner: 'gems', kind: 'missive', evidence: [] }, at(3))),
    ],
  ],
  name: 'work',
  initial: [['A-1', 'builder'], ['A-2', 'builder'], ['S-1', 'scribe']].reduce((b, [id, domain]) => (m.addWorkItem(b as never, { id: id!, domain: domain! }) as { state: unknown }).state, (m.createWorkBoard({ maxInProgressPerDomain: 1 }) as { state: unknown }).state),
  calls: fc.oneof(
    call('createWorkBoard', fc.tuple(fc.record({ maxInProgressPerDomain: pick(1, 1.5) })), (_s, [o]) => m.createWorkBoard(o as never)),
    call('addWorkItem', fc.tuple(fc.record({ id: pick(...items, ''), domain: pick('builder', 'scribe') })), (s, [i]) => m.addWorkItem(s as never, i as never)),
    call('assignWorkItem', fc.tuple(fc.record({ id: pick(...items), owner: pick('builder', ' '), capsulePath: pick(undefined, 'c.md'), from: pick(undefined, ''), override: pick(false, true), overrideReason: pick(undefined, 'r') }), now), (s, [a, t]) => m.assignWorkItem(s as never, a as never, t as never)),
    call('completeWorkItem', fc.tuple(fc.record({ id: pick(...items) }), now), (s, [d, t]) => m.completeWorkItem(s as never, d as never, t as never)),
    call('blockWorkItem', fc.tuple(fc.record({ id: pick(...items) }), now), (s, [d, t]) => m.blockWorkItem(s as never, d as never, t as never)),
    call(
      'handOffWorkItem',
      fc.tuple(fc.record({ id: pick(...items), toOwner: pick('gems', ''), toDomain: pick('builder', 'scribe'), kind: pick('missive', 'proclamation'), evidence: pick(['f.ts'], [], 'docs/x.md'), capsulePath: pick(undefined, 'c.md'), override: pick(false, true), overrideReason: pick(undefined, 'r') }), now),
      (s, [h, t]) => m.handOffWorkItem(s as never, h as never, t as never),
    ),
  ),
};

const sessionRefs = ['urn:srcos:session:b1', 'urn:srcos:session:b2'];
const start = fc.record({
  sessionRef: pick(...sessionRefs),
  capabilityLedgerRef: pick('urn:srcos:capability-ledger:c1'),
  ownerRef: pick('urn:srcos:agent:a', null),
  policyDecision: pick({ ref: 'urn:srcos:decision:d', outcome: 'allow' }, { ref: 'urn:srcos:decision:d', outcome: 'deny' }, null),
  transport: pick('cdp'),
  permissionScope: pick(['read_page']),
  origin: pick('local'),
  evidenceRefs: pick(['urn:srcos:evidence:v'], [], 'x'),
});
const startActive = fixed('start b1', (s, mint) =>
  m.startBrowserSession(s as never, { sessionRef: 'urn:srcos:session:b1', capabilityLedgerRef: 'urn:srcos:capability-ledger:c1', ownerRef: 'urn:srcos:agent:a', policyDecision: { ref: 'urn:srcos:decision:d', outcome: 'allow' }, transport: 'cdp', permissionScope: ['read_page'], origin: 'local', evidenceRefs: ['urn:srcos:evidence:v'] }, at(1), mint));
const browser: MachineUnderTest = {
  name: 'browser',
  examples: [
    [startActive, startActive],
    [startActive, fixed('revoke b1 before it started', (s, mint) => m.revokeBrowserSession(s as never, { sessionRef: 'urn:srcos:session:b1', evidenceRefs: ['urn:srcos:evidence:v'] }, at(0), mint))],
  ],
  initial: m.emptyBrowserSessions,
  calls: fc.oneof(
    call('startBrowserSession', fc.tuple(start, now), (s, [st, t], mint) => m.startBrowserSession(s as never, st as never, t as never, mint)),
    ...(['revokeBrowserSession', 'completeBrowserSession', 'failBrowserSession'] as const).map((name) =>
      call(name, fc.tuple(fc.record({ sessionRef: pick(...sessionRefs) }), now), (s, [x, t], mint) => f(m[name])(s, x, t, mint)),
    ),
  ),
};

const estateInstall = example<RuntimeInstallReceipt>('runtimeinstallreceipt');
const artifact = estateInstall.artifacts[0]!;
const installRequest = {
  ...Object.fromEntries(['sessionRef', 'capabilityLedgerRef', 'runtimeRef', 'targetRef', 'platform', 'policyDecisionRef', 'evidenceRefs'].map((k) => [k, estateInstall[k as keyof RuntimeInstallReceipt]])),
  manifest: { manifestRef: estateInstall.manifest.manifestRef, manifestDigest: estateInstall.manifest.manifestDigest },
  artifacts: estateInstall.artifacts.map(({ artifactRef, digest }) => ({ artifactRef, digest })),
};
const install: MachineUnderTest = {
  name: 'install',
  initial: (m.requestRuntimeInstall(installRequest as never, at(0), counterMinter()) as { state: unknown }).state,
  calls: fc.oneof(
    call('requestRuntimeInstall', fc.tuple(pick(installRequest, { ...installRequest, artifacts: [...installRequest.artifacts, ...installRequest.artifacts] }), now), (_s, [r, t], mint) => m.requestRuntimeInstall(r as never, t as never, mint)),
    call('resolveInstallManifest', fc.tuple(fc.record({ manifestDigest: pick(estateInstall.manifest.manifestDigest) }), now), (s, [r, t], mint) => m.resolveInstallManifest(s as never, r as never, t as never, mint)),
    call(
      'verifyInstallArtifacts',
      fc.tuple(fc.record({ results: pick([{ artifactRef: artifact.artifactRef, digest: artifact.digest }], [{ artifactRef: 'urn:srcos:artifact:other', digest: artifact.digest }], [{ artifactRef: artifact.artifactRef, digest: artifact.digest }, { artifactRef: artifact.artifactRef, digest: artifact.digest }]) }), now),
      (s, [r, t], mint) => m.verifyInstallArtifacts(s as never, r as never, t as never, mint),
    ),
    ...(['beginRuntimeInstall', 'finishRuntimeInstall'] as const).map((name) => call(name, fc.tuple(now), (s, [t], mint) => f(m[name])(s, t, mint))),
    call('stopRuntimeInstall', fc.tuple(fc.record({ event: pick('fail', 'mark_partial', 'deny', 'defer'), reason: pick('why', '') }), now), (s, [x, t], mint) => m.stopRuntimeInstall(s as never, x as never, t as never, mint)),
    call('rollBackRuntimeInstall', fc.tuple(fc.record({ rollbackRef: pick('urn:srcos:snapshot:s1', '') }), now), (s, [x, t], mint) => m.rollBackRuntimeInstall(s as never, x as never, t as never, mint)),
  ),
  unreachable: { 'install/artifacts-unverified': '`installing` is reached only from `artifact_verified`, where every artifact is verified; the check guards receipts built by hand' },
};

const orphanEvent = fc.record({ eventRef: pick('urn:srcos:event:e1', 'e2', 'two words'), eventClass: pick('plugin', 'kernel'), sessionRef: pick(undefined, 'urn:srcos:session:o1'), correlationKeys: pick(undefined, { taskRef: 't' }) });
const orphans: MachineUnderTest = {
  name: 'orphans',
  initial: (m.createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:p' }) as { state: unknown }).state,
  calls: fc.oneof(
    call('createOrphanRegistry', fc.tuple(fc.record({ policyDecisionRef: pick('urn:srcos:decision:p', 'p'), ttlSeconds: pick(60, 0) })), (_s, [o]) => m.createOrphanRegistry(o as never)),
    call('registerSession', fc.tuple(fc.record({ sessionRef: pick('urn:srcos:session:o1', 's'), taskRef: pick(undefined, 't') }), now), (s, [x, t], mint) => m.registerSession(s as never, x as never, t as never, mint)),
    call('receiveSessionEvent', fc.tuple(orphanEvent, now), (s, [e, t], mint) => m.receiveSessionEvent(s as never, e as never, t as never, mint)),
    call('reconcileOrphans', fc.tuple(now), (s, [t], mint) => m.reconcileOrphans(s as never, t as never, mint)),
  ),
};

const estateGit = example<Record<string, unknown>>('gitworkspacestate');
const probe = fc.record({
  path: pick('/Users/ada/p', 'p'),
  homeDir: pick('/Users/ada', null),
  facts: pick({ gitDirFound: false }, { gitDirFound: true, insideWorkTree: true, headSha: 'xyz' }),
  operation: pick('passive_discovery', 'status'),
  sessionRef: pick(estateGit.sessionRef),
  capabilityLedgerRef: pick(estateGit.capabilityLedgerRef),
  workspaceRef: pick(estateGit.workspaceRef),
  policyDecisionRef: pick(estateGit.policyDecisionRef),
});
const git: MachineUnderTest = {
  name: 'git',
  initial: null,
  calls: call('buildGitWorkspaceState', fc.tuple(probe, now), (_s, [p, t], mint) => m.buildGitWorkspaceState(p as never, t as never, mint)),
};

const machines = [capability, lease, work, browser, install, orphans, git];
const tableOf = (name: string): Readonly<Record<string, string>> => m.stateMachines.find((x) => x.name === name)!.refusals;
/** The state as text, to see that a call left it as it was (a state holding a hostile input a caller gave is compared as unreadable). */
function snapshot(state: unknown): string {
  try {
    return JSON.stringify(state, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? 'undefined';
  } catch {
    return 'unreadable';
  }
}

describe('a refusal changes nothing, and no input makes a machine throw', () => {
  for (const machine of machines) {
    it(machine.name, () => {
      const reached = new Set<string>();
      fc.assert(
        fc.property(fc.array(machine.calls, { minLength: 1, maxLength: 25 }), (calls) => {
          const mint = counterMinter();
          let state = machine.initial;
          for (const c of calls) {
            const before = snapshot(state);
            let outcome: unknown;
            expect(() => (outcome = c.run(state, mint)), String(c)).not.toThrow();
            const o = outcome as { ok: boolean; state?: unknown; emitted?: unknown; refusal?: { code: string; message: string } };
            expect(typeof o.ok, String(c)).toBe('boolean');
            expect(snapshot(state), `${String(c)} changed the state it was given`).toBe(before);
            if (o.ok) {
              state = o.state;
              continue;
            }
            expect(Object.keys(tableOf(machine.name)), String(c)).toContain(o.refusal?.code);
            expect(typeof o.refusal?.message).toBe('string');
            expect(o, `${String(c)}: a refusal carries no state`).not.toHaveProperty('state');
            expect(o, `${String(c)}: a refusal emits nothing`).not.toHaveProperty('emitted');
            reached.add(o.refusal!.code);
          }
        }),
        { numRuns: NUM_RUNS * 2, examples: (machine.examples ?? []).map((calls) => [[...calls]]) },
      );
      const expected = Object.keys(tableOf(machine.name)).filter((code) => !(code in (machine.unreachable ?? {})));
      expect(expected.filter((code) => !reached.has(code)), 'refusal codes no sequence reached').toEqual([]);
      for (const code of Object.keys(machine.unreachable ?? {})) expect(reached.has(code), `${code} is listed unreachable but was reached`).toBe(false);
    });
  }
});
