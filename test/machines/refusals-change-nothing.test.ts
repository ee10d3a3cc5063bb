// Model-based check, for every machine: random sequences of calls (plausible inputs, wrong types from
// fc.anything, hostile objects whose getters throw, strings where lists belong, any value for `now`)
// run against a state the accepted calls advance, with the machine's queries asked in between. After
// every call: nothing was thrown; a refusal carries a code of its machine's refusal table and neither
// a state nor emissions, and the state passed in is unchanged; a call given a string where its type
// has a list (./list-inputs.ts) was not accepted; a query answered a value or a refusal of its
// machine. Every refusal code of every table is reached (or the list below says why it cannot be).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuntimeInstallReceipt } from '../../generated/types/index.js';
import * as pkg from '../../src/index.js';
import { machineListInputs } from './list-inputs.js';
import { NUM_RUNS, at, counterMinter } from './support.js';
import { codesOf, refusalOf } from './valid-calls.js';

/** The last machine function called and its arguments, recorded by `m`. */
let lastCall: { fn: string; args: unknown[] } | null = null;
/** The package's exports, each function recording its call in `lastCall`. */
const m = new Proxy(pkg, {
  get: (target, key) => {
    const value = (target as Record<string | symbol, unknown>)[key];
    if (typeof value !== 'function' || typeof key !== 'string') return value;
    return (...args: unknown[]) => {
      lastCall = { fn: key, args };
      return (value as (...a: unknown[]) => unknown)(...args);
    };
  },
}) as typeof pkg;
const { folders, inputs: listInputs } = machineListInputs();
/** The list inputs of the last call given a string the type does not allow there. */
function stringsForLists(call: { fn: string; args: unknown[] }): string[] {
  const read = (value: unknown, key: string): unknown => {
    try {
      return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    } catch {
      return undefined;
    }
  };
  return listInputs
    .filter((i) => i.fn === call.fn)
    .filter((i) => {
      const value = i.path.reduce<unknown>(read, call.args[i.arg]);
      return typeof value === 'string' && !i.strings.includes(value);
    })
    .map((i) => `${i.arg}:${i.path.join('.')}`);
}

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
/** Mostly a plausible value, now and then `text`: a string where the type has a list. */
const orString = (text: string, ...values: unknown[]): fc.Arbitrary<unknown> => fc.oneof({ arbitrary: pick(...values), weight: 9 }, { arbitrary: fc.constant(text), weight: 1 });
const now = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 400 }).map(at), weight: 12 }, { arbitrary: fc.constantFrom('soon', 10n, at(-100000)), weight: 1 }, { arbitrary: fc.anything(), weight: 1 });

/** One call of a machine's function: it gets the current state and gives an outcome (a query: an answer, the state unchanged). */
type Call = { readonly name: string; readonly run: (state: unknown, mint: pkg.MintId) => unknown; readonly query?: true };
interface MachineUnderTest {
  readonly name: string;
  readonly initial: unknown;
  readonly calls: fc.Arbitrary<Call>;
  /** The machine's queries, asked of the current state between its transitions. */
  readonly queries?: fc.Arbitrary<Call>;
  /** Sequences run first, whatever the seed: the paths to codes random calls meet too rarely. */
  readonly examples?: readonly (readonly Call[])[];
  /** Codes no sequence of calls from `initial` can reach, and why. */
  readonly unreachable?: Readonly<Record<string, string>>;
}
/** Now and then one whole argument is hostile. */
const withHostile = (args: fc.Arbitrary<unknown[]>): fc.Arbitrary<unknown[]> =>
  fc.oneof({ arbitrary: args, weight: 15 }, { arbitrary: fc.tuple(args, fc.nat()).map(([a, i]) => a.map((x, j) => (j === i % a.length ? hostile : x))), weight: 1 });
const call = (name: string, args: fc.Arbitrary<unknown[]>, run: (state: unknown, args: unknown[], mint: pkg.MintId) => unknown): fc.Arbitrary<Call> =>
  withHostile(args).map((a) => ({ name, run: (state: unknown, mint: pkg.MintId) => run(state, a, mint), toString: () => `${name}(${fc.stringify(a)})` }) as Call);
/** A query: any value as its state now and then, besides the machine's current state. */
const query = (name: string, args: fc.Arbitrary<unknown[]>, run: (state: unknown, args: unknown[]) => unknown): fc.Arbitrary<Call> =>
  fc.tuple(withHostile(args), pick(undefined, undefined, undefined, '..')).map(([a, other]) => ({ name, query: true, run: (state: unknown) => run(other === undefined ? state : other, a), toString: () => `${name}(${fc.stringify(a)})` }) as Call);
const f = <F>(fn: F) => fn as unknown as (...args: unknown[]) => unknown;

const fixed = (name: string, run: (state: unknown, mint: pkg.MintId) => unknown): Call => ({ name, run, toString: () => name }) as Call;
const PLANES = ['runtime', 'server', 'policy', 'ui', 'kernel'];
const declaration = fc.record({
  capabilityRef: pick('urn:srcos:capability:x@0.1.0', 'x'),
  declaredBy: pick(['ui'], ['kernel'], 'ui'),
  policyDecisionRef: pick('urn:srcos:decision:p'),
  evidenceRefs: orString('urn:srcos:evidence:e', ['urn:srcos:evidence:e']),
  ownerRefs: orString('urn:srcos:person:ada', undefined, []),
  requiredPlanes: pick(undefined, ['runtime'], 'all'),
});
const report = fc.record({ plane: pick(...PLANES), verdict: pick('supported', 'pending', 'unsupported', 'blocked_by_policy', 'enabled'), evidenceRefs: orString('urn:srcos:evidence:r', undefined, ['urn:srcos:evidence:r']) });
const twice = { plane: 'runtime', verdict: 'supported' } as const;
const declared = { capabilityRef: 'urn:srcos:capability:x@0.1.0', declaredBy: ['ui'], policyDecisionRef: 'urn:srcos:decision:p', evidenceRefs: ['urn:srcos:evidence:e'] } satisfies pkg.CapabilityDeclaration;
const capability: MachineUnderTest = {
  name: 'capability',
  examples: [
    [fixed('negotiate, runtime twice', (_s, mint) => m.negotiateCapability({ ...declared, reports: [twice, twice] }, at(1), mint))],
    [
      fixed('declare', (_s, mint) => m.declareCapability(declared, at(1), mint)),
      fixed('request', (s, mint) => m.requestCapability(s as never, 'user', at(1), mint)),
      fixed('open the negotiation', (s, mint) => m.openNegotiation(s as never, at(1), mint)),
      fixed('enable while negotiating', (s, mint) => m.enableCapability(s as never, at(1), mint)),
      fixed('a verdict that is none', (s, mint) => m.reportPlane(s as never, { plane: 'runtime', verdict: 'enabled' as never }, at(1), mint)),
      fixed('another plane\'s verdict', (s, mint) => m.reportPlane(s as never, { plane: 'runtime', verdict: 'blocked_by_policy' }, at(1), mint)),
    ],
  ],
  initial: null,
  calls: fc.oneof(
    call('declareCapability', fc.tuple(declaration, now), (_s, [d, t], mint) => m.declareCapability(d as never, t as never, mint)),
    call('negotiateCapability', fc.tuple(declaration, fc.oneof(fc.array(report, { maxLength: 4 }), pick(5)), now), (_s, [d, r, t], mint) => m.negotiateCapability({ ...(d as object), reports: r } as never, t as never, mint)),
    call('requestCapability', fc.tuple(pick('user', 'kernel'), now), (s, [p, t], mint) => m.requestCapability(s as never, p as never, t as never, mint)),
    call('reportPlane', fc.tuple(report, now), (s, [r, t], mint) => m.reportPlane(s as never, r as never, t as never, mint)),
    ...(['openNegotiation', 'enableCapability', 'disableCapability', 'renegotiateCapability'] as const).map((name) => call(name, fc.tuple(now), (s, [t], mint) => f(m[name])(s, t, mint))),
  ),
  queries: fc.oneof(
    query('evaluateReports', fc.tuple(fc.oneof(fc.array(report, { maxLength: 3 }), pick('..'))), (_s, [r]) => m.evaluateReports(r as never)),
    query('reportState', fc.tuple(report), (_s, [r]) => m.reportState(r as never)),
    query('missingPlanes', fc.tuple(), (s) => m.missingPlanes(s as never)),
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
    call('createLeaseBoard', fc.tuple(fc.record({ maxLeasesPerDomain: pick(1, -1), leases: orString('..', [], [{ resource: 'x' }]) })), (_s, [o]) => m.createLeaseBoard(o as never)),
    call('claimLease', fc.tuple(leaseClaim, now), (s, [c, t]) => m.claimLease(s as never, c as never, t as never)),
    call('releaseLease', fc.tuple(fc.record({ resource: pick('src/a.ts', 'src/b.ts'), owner: pick('builder', 'scribe') })), (s, [r]) => m.releaseLease(s as never, r as never)),
    call('renewLease', fc.tuple(fc.record({ resource: pick('src/a.ts', 'src/b.ts'), owner: pick('builder', 'scribe'), ttlSeconds: pick(60, 0) }), now), (s, [r, t]) => m.renewLease(s as never, r as never, t as never)),
    call('collectExpiredLeases', fc.tuple(now), (s, [t]) => m.collectExpiredLeases(s as never, t as never)),
  ),
  queries: fc.oneof(
    query('resourceState', fc.tuple(pick('src/a.ts', 'src/b.ts', 5), fc.oneof(now, fc.integer())), (s, [r, t]) => m.resourceState(s as never, r as never, t as never)),
    query('liveLeasesOf', fc.tuple(pick('builder', null), fc.oneof(now, fc.integer())), (s, [d, t]) => m.liveLeasesOf(s as never, d as never, t as never)),
    query('leaseFileName', fc.tuple(pick('src/a.ts', ' Tool:X ')), (_s, [r]) => m.leaseFileName(r as never)),
  ),
};

const items = ['A-1', 'A-2', 'S-1'];
const built = pkg.buildSignal({ kind: 'missive', from: 'builder', to: 'scribe', topic: 'plan', claim: 'c', evidence: ['f.ts'] }, at(0));
if (!built.ok) throw new Error(built.refusal.message);
const signal = built.signal;
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
  queries: fc.oneof(
    query('inProgressOf', fc.tuple(pick('builder', 'scribe', 3)), (s, [d]) => m.inProgressOf(s as never, d as never)),
    query(
      'buildSignal',
      fc.tuple(fc.record({ kind: pick('missive', 'proclamation'), from: pick('builder'), to: pick('scribe'), topic: pick('plan'), claim: pick('c'), evidence: orString('f.ts', ['f.ts']), asks: orString('why?', undefined, ['why?']), nextActions: orString('go', undefined, []) }), now),
      (_s, [x, t]) => m.buildSignal(x as never, t as never),
    ),
    query('signalFileName', fc.tuple(pick(signal, { ...signal, body: { ...signal.body, evidence: 'f.ts' } })), (_s, [x]) => m.signalFileName(x as never)),
  ),
};

const sessionRefs = ['urn:srcos:session:b1', 'urn:srcos:session:b2'];
const start = fc.record({
  sessionRef: pick(...sessionRefs),
  capabilityLedgerRef: pick('urn:srcos:capability-ledger:c1'),
  ownerRef: pick('urn:srcos:agent:a', null),
  policyDecision: pick({ ref: 'urn:srcos:decision:d', outcome: 'allow' }, { ref: 'urn:srcos:decision:d', outcome: 'deny' }, null),
  transport: pick('cdp'),
  permissionScope: orString('read_page', ['read_page']),
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
      call(name, fc.tuple(fc.record({ sessionRef: pick(...sessionRefs), evidenceRefs: orString('urn:srcos:evidence:w', undefined, ['urn:srcos:evidence:w']) }), now), (s, [x, t], mint) => f(m[name])(s, x, t, mint)),
    ),
  ),
  queries: query('maySessionAct', fc.tuple(fc.record({ sessionRef: pick(...sessionRefs), permission: pick('read_page', 'click') }), now), (s, [q, t]) => m.maySessionAct(s as never, q as never, t as never)),
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
    call('requestRuntimeInstall', fc.tuple(pick(installRequest, { ...installRequest, artifacts: [...installRequest.artifacts, ...installRequest.artifacts] }, { ...installRequest, evidenceRefs: estateInstall.evidenceRefs[0] }, { ...installRequest, causalRefs: '..' }), now), (_s, [r, t], mint) => m.requestRuntimeInstall(r as never, t as never, mint)),
    call('resolveInstallManifest', fc.tuple(fc.record({ manifestDigest: pick(estateInstall.manifest.manifestDigest) }), now), (s, [r, t], mint) => m.resolveInstallManifest(s as never, r as never, t as never, mint)),
    call(
      'verifyInstallArtifacts',
      fc.tuple(fc.record({ results: pick([{ artifactRef: artifact.artifactRef, digest: artifact.digest }], [{ artifactRef: 'urn:srcos:artifact:other', digest: artifact.digest }], [{ artifactRef: artifact.artifactRef, digest: artifact.digest }, { artifactRef: artifact.artifactRef, digest: artifact.digest }]) }), now),
      (s, [r, t], mint) => m.verifyInstallArtifacts(s as never, r as never, t as never, mint),
    ),
    ...(['beginRuntimeInstall', 'finishRuntimeInstall'] as const).map((name) => call(name, fc.tuple(now), (s, [t], mint) => f(m[name])(s, t, mint))),
    call('stopRuntimeInstall', fc.tuple(fc.record({ event: pick('fail', 'mark_partial', 'deny', 'defer'), reason: pick('why', ''), evidenceRefs: orString('urn:srcos:evidence:s', undefined, ['urn:srcos:evidence:s']) }), now), (s, [x, t], mint) => m.stopRuntimeInstall(s as never, x as never, t as never, mint)),
    call('rollBackRuntimeInstall', fc.tuple(fc.record({ rollbackRef: pick('urn:srcos:snapshot:s1', '') }), now), (s, [x, t], mint) => m.rollBackRuntimeInstall(s as never, x as never, t as never, mint)),
  ),
  unreachable: { 'install/artifacts-unverified': '`installing` is reached only from `artifact_verified`, where every artifact is verified; the check guards receipts built by hand' },
};

const orphanEvent = fc.record({ eventRef: pick('urn:srcos:event:e1', 'e2', 'two words'), eventClass: pick('plugin', 'kernel'), sessionRef: pick(undefined, 'urn:srcos:session:o1'), correlationKeys: pick(undefined, { taskRef: 't' }), evidenceRefs: orString('..', undefined, ['urn:srcos:evidence:o']) });
const orphans: MachineUnderTest = {
  name: 'orphans',
  initial: (m.createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:p' }) as { state: unknown }).state,
  calls: fc.oneof(
    call('createOrphanRegistry', fc.tuple(fc.record({ policyDecisionRef: pick('urn:srcos:decision:p', 'p'), ttlSeconds: pick(60, 0) })), (_s, [o]) => m.createOrphanRegistry(o as never)),
    call('registerSession', fc.tuple(fc.record({ sessionRef: pick('urn:srcos:session:o1', 's'), taskRef: pick(undefined, 't') }), now), (s, [x, t], mint) => m.registerSession(s as never, x as never, t as never, mint)),
    call('receiveSessionEvent', fc.tuple(orphanEvent, now), (s, [e, t], mint) => m.receiveSessionEvent(s as never, e as never, t as never, mint)),
    call('reconcileOrphans', fc.tuple(now), (s, [t], mint) => m.reconcileOrphans(s as never, t as never, mint)),
  ),
  queries: query('orphanConservation', fc.tuple(), (s) => m.orphanConservation(s as never)),
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
  evidenceRefs: orString('urn:srcos:evidence:g', undefined, []),
  causalRefs: orString('..', undefined, []),
});
const facts = pick({ gitDirFound: false }, { gitDirFound: true, insideWorkTree: true, headSha: 'abc1234' }, 'facts');
const bytes = pick('/Users/ada/p', new Uint8Array([1, 2, 3]), 5);
const git: MachineUnderTest = {
  name: 'git',
  initial: null,
  calls: call('buildGitWorkspaceState', fc.tuple(probe, now), (_s, [p, t], mint) => m.buildGitWorkspaceState(p as never, t as never, mint)),
  queries: fc.oneof(
    query('classifyGitWorkspace', fc.tuple(facts, pick('passive_discovery', 'status')), (_s, [x, o]) => m.classifyGitWorkspace(x as never, o as never)),
    query('gitStateOf', fc.tuple(facts), (_s, [x]) => m.gitStateOf(x as never)),
    query('pathEvidenceOf', fc.tuple(pick('/Users/ada/p'), pick('/Users/ada', null), pick(null, { root: '/Users/ada', name: 'home' })), (_s, [p, h, a]) => m.pathEvidenceOf(p as never, h as never, a as never)),
    query('pathDigest', fc.tuple(pick('/Users/ada/p/')), (_s, [p]) => m.pathDigest(p as never)),
    query('sha256', fc.tuple(bytes), (_s, [b]) => m.sha256(b as never)),
    query('sha256Hex', fc.tuple(bytes), (_s, [b]) => m.sha256Hex(b as never)),
    query('sha256Digest', fc.tuple(bytes), (_s, [b]) => m.sha256Digest(b as never)),
    query('isAbsolutePath', fc.tuple(pick('/a', 'a')), (_s, [p]) => m.isAbsolutePath(p)),
  ),
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
        fc.property(fc.array(fc.oneof({ arbitrary: machine.calls, weight: 3 }, { arbitrary: machine.queries ?? machine.calls, weight: 1 }), { minLength: 1, maxLength: 25 }), (calls) => {
          const mint = counterMinter();
          let state = machine.initial;
          for (const c of calls) {
            const before = snapshot(state);
            let outcome: unknown;
            lastCall = null;
            expect(() => (outcome = c.run(state, mint)), String(c)).not.toThrow();
            const made = lastCall as { fn: string; args: unknown[] } | null;
            expect(snapshot(state), `${String(c)} changed the state it was given`).toBe(before);
            if (c.query) {
              const code = refusalOf(outcome);
              if (code !== undefined) expect(codesOf(folders[made!.fn]!), String(c)).toContain(code);
              else expect(stringsForLists(made!), `${String(c)} answered a string where a list belongs`).toEqual([]);
              continue;
            }
            const o = outcome as { ok: boolean; state?: unknown; emitted?: unknown; refusal?: { code: string; message: string }; unreadable?: unknown };
            expect(typeof o.ok, String(c)).toBe('boolean');
            if (o.ok) {
              const strings = made ? stringsForLists(made) : [];
              // An event given a string for a list is held as unreadable (never dropped); anything else is refused.
              if (made?.fn === 'receiveSessionEvent' && strings.length && strings.every((w) => w.startsWith('1:'))) expect(o.unreadable, String(c)).toBeDefined();
              else expect(strings, `${String(c)} was accepted with a string where a list belongs`).toEqual([]);
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
