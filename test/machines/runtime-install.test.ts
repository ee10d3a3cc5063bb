// Example-based tests of runtime installs: the estate's installed receipt reached step by step,
// digest mismatches, stops with reasons, rollbacks, and every refusal.
import { describe, expect, it } from 'vitest';
import { specExample } from '../support/conformance.js';
import type { RuntimeInstallReceipt } from '../../generated/types/index.js';
import {
  beginRuntimeInstall,
  finishRuntimeInstall,
  requestRuntimeInstall,
  resolveInstallManifest,
  rollBackRuntimeInstall,
  stopRuntimeInstall,
  verifyInstallArtifacts,
  type InstallRequest,
} from '../../src/index.js';
import { accepted, counterMinter, expectValidEmissions, refusalCode } from './support.js';

const estate = specExample<RuntimeInstallReceipt>('runtimeinstallreceipt.json');
const mint = counterMinter();
const request: InstallRequest = {
  sessionRef: estate.sessionRef,
  capabilityLedgerRef: estate.capabilityLedgerRef,
  agentMachineReceiptRef: estate.agentMachineReceiptRef ?? null,
  runtimeRef: estate.runtimeRef,
  runtimeName: estate.runtimeName ?? null,
  runtimeVersion: estate.runtimeVersion ?? null,
  targetRef: estate.targetRef,
  platform: estate.platform,
  manifest: { manifestRef: estate.manifest.manifestRef, manifestDigest: estate.manifest.manifestDigest, bundleFormatVersion: estate.manifest.bundleFormatVersion ?? null },
  artifacts: estate.artifacts.map(({ artifactRef, digest, sizeBytes }) => ({ artifactRef, digest, sizeBytes: sizeBytes ?? null })),
  policyDecisionRef: estate.policyDecisionRef,
  evidenceRefs: estate.evidenceRefs,
};
const artifact = estate.artifacts[0]!;
const requested = accepted(requestRuntimeInstall(request, '2026-05-06T04:34:00Z', mint));
const resolved = accepted(resolveInstallManifest(requested.state, { manifestDigest: estate.manifest.manifestDigest }, '2026-05-06T04:34:00Z', mint));
const verified = accepted(verifyInstallArtifacts(resolved.state, { results: [{ artifactRef: artifact.artifactRef, digest: artifact.digest }] }, '2026-05-06T04:34:30Z', mint));
const installing = accepted(beginRuntimeInstall(verified.state, '2026-05-06T04:34:40Z', mint));
const installed = accepted(finishRuntimeInstall(installing.state, '2026-05-06T04:35:00Z', mint));

describe('runtime installs', () => {
  it('reaches the estate\'s installed receipt step by step, each receipt valid and chained', () => {
    const steps = [requested, resolved, verified, installing, installed];
    for (const step of steps) expectValidEmissions(step.emitted);
    expect(steps.map((s) => s.state.installState)).toEqual(['requested', 'manifest_resolved', 'artifact_verified', 'installing', 'installed']);
    const { id: _i, causalRefs: _c, capturedAt: _t, ...rest } = estate;
    expect(installed.state).toMatchObject({ ...rest, capturedAt: '2026-05-06T04:35:00Z' });
    expect(installed.state.causalRefs).toEqual(steps.slice(0, 4).map((s) => s.state.id));
    expect(steps.map((s) => s.state.finishedAt)).toEqual([null, null, null, null, '2026-05-06T04:35:00Z']);
  });

  it('fails on a manifest or artifact digest mismatch, with the reason', () => {
    const bad = `sha256:${'9'.repeat(64)}`;
    const manifest = accepted(resolveInstallManifest(requested.state, { manifestDigest: bad }, '2026-05-06T04:34:00Z', mint));
    expectValidEmissions(manifest.emitted);
    expect(manifest.state).toMatchObject({ installState: 'failed', failureReason: expect.stringContaining('manifest digest mismatch') });
    const art = accepted(verifyInstallArtifacts(resolved.state, { results: [{ artifactRef: artifact.artifactRef, digest: bad }] }, '2026-05-06T04:34:30Z', mint));
    expectValidEmissions(art.emitted);
    expect(art.state.installState).toBe('failed');
    expect(art.state.artifacts[0]?.verificationState).toBe('failed');
    expect(refusalCode(beginRuntimeInstall(art.state, '2026-05-06T04:35:00Z', mint))).toBe('install/transition-not-allowed');
  });

  it('stops with a reason and rolls back to a ref', () => {
    for (const event of ['fail', 'deny', 'defer'] as const) {
      expect(refusalCode(stopRuntimeInstall(resolved.state, { event, reason: ' ' }, '2026-05-06T04:35:00Z', mint))).toBe('install/reason-required');
      const stopped = accepted(stopRuntimeInstall(resolved.state, { event, reason: 'quota' }, '2026-05-06T04:35:00Z', mint));
      expectValidEmissions(stopped.emitted);
      expect(stopped.state).toMatchObject({ failureReason: 'quota', finishedAt: '2026-05-06T04:35:00Z' });
    }
    const partial = accepted(stopRuntimeInstall(installing.state, { event: 'mark_partial', reason: 'disk full' }, '2026-05-06T04:35:00Z', mint));
    expect(refusalCode(rollBackRuntimeInstall(partial.state, { rollbackRef: '' }, '2026-05-06T04:36:00Z', mint))).toBe('install/rollback-ref-required');
    const back = accepted(rollBackRuntimeInstall(installed.state, { rollbackRef: 'urn:srcos:snapshot:before-0.1.0' }, '2026-05-06T04:36:00Z', mint));
    expectValidEmissions(back.emitted);
    expect(back.state).toMatchObject({ installState: 'rolled_back', rollbackRef: 'urn:srcos:snapshot:before-0.1.0' });
    expect(refusalCode(stopRuntimeInstall(installed.state, { event: 'fail', reason: 'late' }, '2026-05-06T04:36:00Z', mint))).toBe('install/transition-not-allowed');
  });

  it('refuses bad input with stable codes', () => {
    expect(refusalCode(requestRuntimeInstall(request, 'soon', mint))).toBe('install/invalid-now');
    expect(refusalCode(requestRuntimeInstall({ ...request, platform: 'plan9' as never }, '2026-05-06T04:34:00Z', mint))).toBe('install/invalid-input');
    expect(refusalCode(requestRuntimeInstall({ ...request, artifacts: [] }, '2026-05-06T04:34:00Z', mint))).toBe('install/invalid-input');
    expect(refusalCode(requestRuntimeInstall({ ...request, artifacts: [...request.artifacts, ...request.artifacts] }, '2026-05-06T04:34:00Z', mint))).toBe('install/invalid-input');
    expect(refusalCode(verifyInstallArtifacts(resolved.state, { results: [{ artifactRef: 'urn:srcos:artifact:other', digest: artifact.digest }] }, '2026-05-06T04:35:00Z', mint))).toBe('install/unknown-artifact');
    expect(refusalCode(resolveInstallManifest(requested.state, { manifestDigest: estate.manifest.manifestDigest }, '2026-05-06T04:33:59Z', mint))).toBe('install/time-before-start');
    expect(refusalCode(finishRuntimeInstall(verified.state, '2026-05-06T04:35:00Z', mint))).toBe('install/transition-not-allowed');
    const forged = { ...installing.state, artifacts: installing.state.artifacts.map((a) => ({ ...a, verificationState: 'not_checked' as const })) };
    expect(refusalCode(finishRuntimeInstall(forged, '2026-05-06T04:35:00Z', mint))).toBe('install/artifacts-unverified');
  });
});
