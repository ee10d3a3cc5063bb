// Model-based test of runtime installs: random resolutions, verifications (matching or not),
// begins, finishes, stops and rollbacks against a model; after every step: installed only with
// every artifact verified, finishedAt exactly on installed and the exits, and every receipt valid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuntimeInstallReceipt } from '../../generated/types/index.js';
import {
  beginRuntimeInstall,
  finishRuntimeInstall,
  requestRuntimeInstall,
  resolveInstallManifest,
  rollBackRuntimeInstall,
  runtimeInstallTransitions,
  sha256Digest,
  stopRuntimeInstall,
  verifyInstallArtifacts,
  type InstallOutcome,
  type InstallState,
} from '../../src/index.js';
import { NUM_RUNS, accepted, at, counterMinter, deepFreeze, expectRow, expectValidEmissions, refusalCode } from './support.js';

const artifact = (i: number) => ({ artifactRef: `urn:srcos:artifact:part-${i}`, digest: sha256Digest(`part ${i}`) });
const FINISHED: InstallState[] = ['installed', 'failed', 'partial', 'rolled_back', 'denied', 'deferred'];

interface Model { now: number; state: InstallState; verified: Map<string, 'not_checked' | 'verified' | 'failed'> }
interface Real { receipt: RuntimeInstallReceipt; mint: ReturnType<typeof counterMinter> }
const coverage = new Set<string>();
const allowed = (from: InstallState, event: string) => runtimeInstallTransitions.some((r) => r.from === from && r.event === event);

function settle(m: Model, r: Real, event: string, outcome: InstallOutcome, expected: InstallState | string, apply: () => void = () => {}): void {
  if (expected.includes('/')) {
    expect(refusalCode(outcome)).toBe(expected);
    return;
  }
  const ok = accepted(outcome);
  expectValidEmissions(ok.emitted);
  const receipt = ok.emitted[0]!.document as RuntimeInstallReceipt;
  expectRow(runtimeInstallTransitions, m.state, event, expected);
  apply();
  m.state = expected as InstallState;
  expect(receipt.installState).toBe(m.state);
  expect(receipt.causalRefs?.at(-1)).toBe(r.receipt.id);
  expect(receipt.finishedAt).toBe(FINISHED.includes(m.state) ? at(m.now) : null);
  expect(Object.fromEntries(receipt.artifacts.map((a) => [a.artifactRef, a.verificationState]))).toEqual(Object.fromEntries(m.verified));
  if (m.state === 'installed' || m.state === 'artifact_verified' || m.state === 'installing') expect(receipt.artifacts.every((a) => a.verificationState === 'verified')).toBe(true);
  r.receipt = deepFreeze(receipt);
  coverage.add(`${event}→${m.state}`);
}

class Resolve implements fc.Command<Model, Real> {
  constructor(readonly matches: boolean) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 5;
    const digest = this.matches ? r.receipt.manifest.manifestDigest.toUpperCase().replace('SHA256:', 'sha256:') : sha256Digest('another manifest');
    const expected = allowed(m.state, 'resolve_manifest') ? (this.matches ? 'manifest_resolved' : 'failed') : 'install/transition-not-allowed';
    settle(m, r, 'resolve_manifest', resolveInstallManifest(r.receipt, { manifestDigest: digest }, at(m.now), r.mint), expected);
  }
  toString = () => `resolve(${this.matches})`;
}

class Verify implements fc.Command<Model, Real> {
  constructor(readonly results: { i: number; matches: boolean }[]) {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 5;
    const results = this.results.map(({ i, matches }) => ({ artifactRef: artifact(i).artifactRef, digest: matches ? artifact(i).digest : sha256Digest('tampered') }));
    const next = new Map(m.verified);
    for (const { i, matches } of this.results) if (next.has(artifact(i).artifactRef)) next.set(artifact(i).artifactRef, matches ? 'verified' : 'failed');
    const stray = results.some((x) => !m.verified.has(x.artifactRef));
    const values = [...next.values()];
    const expected =
      stray ? 'install/unknown-artifact'
      : new Set(results.map((x) => x.artifactRef)).size < results.length ? 'install/duplicate-result'
      : !allowed(m.state, 'verify_artifacts') ? 'install/transition-not-allowed'
      : values.includes('failed') ? 'failed'
      : values.every((v) => v === 'verified') ? 'artifact_verified'
      : 'manifest_resolved';
    settle(m, r, 'verify_artifacts', verifyInstallArtifacts(r.receipt, { results }, at(m.now), r.mint), expected, () => (m.verified = next));
  }
  toString = () => `verify(${JSON.stringify(this.results)})`;
}

/** Verifies every artifact the install has, each matching. */
class VerifyAll implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real): void {
    new Verify([...m.verified.keys()].map((ref) => ({ i: Number(ref.slice(ref.lastIndexOf('-') + 1)), matches: true }))).run(m, r);
  }
  toString = () => 'verifyAll';
}

class Simple implements fc.Command<Model, Real> {
  constructor(readonly event: 'begin_install' | 'finish_install' | 'fail' | 'mark_partial' | 'deny' | 'defer' | 'roll_back') {}
  check = () => true;
  run(m: Model, r: Real): void {
    m.now += 5;
    const now = at(m.now);
    const to: Record<typeof this.event, InstallState> = { begin_install: 'installing', finish_install: 'installed', fail: 'failed', mark_partial: 'partial', deny: 'denied', defer: 'deferred', roll_back: 'rolled_back' };
    const expected = allowed(m.state, this.event) ? to[this.event] : 'install/transition-not-allowed';
    const outcome =
      this.event === 'begin_install' ? beginRuntimeInstall(r.receipt, now, r.mint)
      : this.event === 'finish_install' ? finishRuntimeInstall(r.receipt, now, r.mint)
      : this.event === 'roll_back' ? rollBackRuntimeInstall(r.receipt, { rollbackRef: 'urn:srcos:snapshot:before' }, now, r.mint)
      : stopRuntimeInstall(r.receipt, { event: this.event, reason: `${this.event} for a reason` }, now, r.mint);
    settle(m, r, this.event, outcome, expected);
  }
  toString = () => this.event;
}

const commands = [
  fc.boolean().map((b) => new Resolve(b)),
  fc.array(fc.record({ i: fc.integer({ min: 1, max: 4 }), matches: fc.boolean() }), { minLength: 1, maxLength: 3 }).map((rs) => new Verify(rs)),
  fc.constant(new VerifyAll()),
  fc.constantFrom('begin_install', 'finish_install', 'begin_install', 'finish_install', 'fail', 'mark_partial', 'deny', 'defer', 'roll_back').map((e) => new Simple(e as 'fail')),
];

// Runs first, whatever the seed, so every row of the table is taken in every run of the suite;
// the random sequences then explore around them. Each: [artifacts, happy-path prefix, commands].
const examples: [number, number, Iterable<fc.Command<Model, Real>>][] = [
  [2, 1, [new Verify([{ i: 1, matches: true }]), new Verify([{ i: 2, matches: false }])]],
  [1, 0, [new Resolve(false)]],
  [1, 3, [new Simple('finish_install'), new Simple('roll_back')]],
  [1, 3, [new Simple('mark_partial')]],
  [1, 0, [new Simple('fail')]],
  [1, 0, [new Simple('deny')]],
  [1, 1, [new Simple('defer')]],
];

describe('runtime installs, model-based', () => {
  it('installs only with every artifact verified, and emits valid receipts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.commands(commands, { maxCommands: 25 }), (count, prefix, cmds) => {
        const mint = counterMinter();
        const artifacts = Array.from({ length: count }, (_, i) => artifact(i + 1));
        const request = {
          sessionRef: 'urn:srcos:session:s1',
          capabilityLedgerRef: 'urn:srcos:capability-ledger:c1',
          runtimeRef: 'urn:srcos:runtime:sourceos-agent-runtime@0.1.0',
          targetRef: 'urn:srcos:target:workstation',
          platform: 'linux-x64' as const,
          manifest: { manifestRef: 'urn:srcos:artifact:manifest', manifestDigest: sha256Digest('manifest') },
          artifacts,
          policyDecisionRef: 'urn:srcos:decision:install',
          evidenceRefs: ['urn:srcos:evidence:request'],
        };
        const first = accepted(requestRuntimeInstall(request, at(0), mint));
        expectValidEmissions(first.emitted);
        const model: Model = { now: 0, state: 'requested', verified: new Map(artifacts.map((a) => [a.artifactRef, 'not_checked'])) };
        const real: Real = { receipt: deepFreeze(first.state), mint };
        // most runs start some way down the happy path, so the sequences reach installing and beyond
        const happy = [new Resolve(true), new VerifyAll(), new Simple('begin_install')].slice(0, prefix);
        for (const command of happy) command.run(model, real);
        fc.modelRun(() => ({ model, real }), cmds);
      }),
      { numRuns: NUM_RUNS, examples },
    );
    // every row of the table but the request (made before the commands) was taken
    for (const row of runtimeInstallTransitions) if (row.event !== 'request') expect(coverage).toContain(`${row.event}→${row.to}`);
  });
});
