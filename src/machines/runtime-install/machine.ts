/**
 * Runtime installs: requested → manifest_resolved → artifact_verified → installing → installed,
 * with the exits failed, partial, rolled_back, denied and deferred. The state is the latest
 * RuntimeInstallReceipt; each transition emits the next one (new id, `causalRefs` ending with the
 * previous). The request names the manifest and artifacts with their expected digests; resolving
 * and verifying check them, so `installed` needs every artifact verified. Until the manifest is
 * resolved, `manifest.resolvedAt` is the request's time (the schema wants one).
 */
import type { InstallArtifact, RuntimeInstallReceipt } from '../../../generated/types/index.js';
import { SPEC_VERSION, isFilled, unique } from '../kernel/conventions.js';
import { RuntimeInstallReceipt as RuntimeInstallReceiptContract } from '../../contracts.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import type { EmissionOf } from '../kernel/emission.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isOptionalList, isRecord, refuseShape } from '../kernel/input.js';
import { accept, refuse, type Outcome, refuseNow } from '../kernel/outcome.js';
import { runtimeInstallRefusals, type RuntimeInstallRefusalCode } from './refusals.js';
import { readInstant, timestamp, type Rfc3339 } from '../kernel/time.js';
import { allows, type MachineDescription, type TransitionRow } from '../kernel/transition-table.js';

export { runtimeInstallRefusals, type RuntimeInstallRefusalCode } from './refusals.js';
export type InstallState = RuntimeInstallReceipt['installState'];
export type InstallEvent = 'request' | 'resolve_manifest' | 'verify_artifacts' | 'begin_install' | 'finish_install' | 'fail' | 'mark_partial' | 'roll_back' | 'deny' | 'defer';
export type InstallOutcome = Outcome<RuntimeInstallReceipt, RuntimeInstallRefusalCode, object, EmissionOf<'RuntimeInstallReceipt'>>;

const rows = (event: InstallEvent, from: readonly (InstallState | null)[], to: readonly InstallState[]): TransitionRow<InstallState, InstallEvent>[] =>
  from.flatMap((f) => to.map((t) => ({ from: f, to: t, event })));

export const runtimeInstallTransitions: readonly TransitionRow<InstallState, InstallEvent>[] = [
  ...rows('request', [null], ['requested']),
  ...rows('resolve_manifest', ['requested'], ['manifest_resolved', 'failed']),
  ...rows('verify_artifacts', ['manifest_resolved'], ['manifest_resolved', 'artifact_verified', 'failed']),
  ...rows('begin_install', ['artifact_verified'], ['installing']),
  ...rows('finish_install', ['installing'], ['installed']),
  ...rows('fail', ['requested', 'manifest_resolved', 'artifact_verified', 'installing'], ['failed']),
  ...rows('mark_partial', ['installing'], ['partial']),
  ...rows('roll_back', ['installing', 'failed', 'partial', 'installed'], ['rolled_back']),
  ...rows('deny', ['requested', 'manifest_resolved'], ['denied']),
  ...rows('defer', ['requested', 'manifest_resolved', 'artifact_verified'], ['deferred']),
];

/** States an install does not leave on its own (a rollback may still follow some). */
const FINISHED: readonly InstallState[] = ['installed', 'failed', 'partial', 'rolled_back', 'denied', 'deferred'];

export interface InstallRequest {
  readonly sessionRef: string;
  readonly capabilityLedgerRef: string;
  readonly runtimeRef: string;
  readonly targetRef: string;
  readonly platform: RuntimeInstallReceipt['platform'];
  readonly manifest: { readonly manifestRef: string; readonly manifestDigest: string; readonly bundleFormatVersion?: string | number | null };
  /** The artifacts to install, each with the digest it must have. */
  readonly artifacts: readonly { readonly artifactRef: string; readonly digest: string; readonly sizeBytes?: number | null }[];
  readonly policyDecisionRef: string;
  readonly evidenceRefs: readonly string[];
  /** Default `compact_receipt_ref`. */
  readonly logMode?: RuntimeInstallReceipt['logMode'];
  readonly runtimeName?: string | null;
  readonly runtimeVersion?: string | null;
  readonly agentMachineReceiptRef?: string | null;
  readonly causalRefs?: readonly string[];
}

/** Records the request: the first receipt, every artifact `not_checked`. */
export const requestRuntimeInstall = guarded('install/invalid-input', (request: InstallRequest, now: Rfc3339, mintId: MintId): InstallOutcome => {
  const shape = refuseShape('install/invalid-input', 'an install request', request, ['evidenceRefs', 'causalRefs']);
  if (shape) return shape;
  if (!Array.isArray(request.artifacts) || request.artifacts.some((a) => !isRecord(a))) return refuse('install/invalid-input', `artifacts must be a list of objects, not ${describeValue(request.artifacts)}`);
  if (!isRecord(request.manifest)) return refuse('install/invalid-input', `manifest must be an object, not ${describeValue(request.manifest)}`);
  const at = readInstant(now);
  if (at === null) return refuseNow('install/invalid-now', now);
  const artifacts: InstallArtifact[] = (request.artifacts ?? []).map((a) => ({ artifactRef: a.artifactRef, digest: a.digest, sizeBytes: a.sizeBytes ?? null, verificationState: 'not_checked' }));
  if (new Set(artifacts.map((a) => a.artifactRef)).size !== artifacts.length) return refuse('install/invalid-input', 'two artifacts have the same artifactRef');
  const receipt: RuntimeInstallReceipt = {
    id: mintUrn(mintId, 'receipt:runtime-install'),
    type: 'RuntimeInstallReceipt',
    specVersion: SPEC_VERSION,
    sessionRef: request.sessionRef,
    capabilityLedgerRef: request.capabilityLedgerRef,
    agentMachineReceiptRef: request.agentMachineReceiptRef ?? null,
    runtimeRef: request.runtimeRef,
    runtimeName: request.runtimeName ?? null,
    runtimeVersion: request.runtimeVersion ?? null,
    targetRef: request.targetRef,
    platform: request.platform,
    installState: 'requested',
    manifest: { ...request.manifest, bundleFormatVersion: request.manifest?.bundleFormatVersion ?? null, resolvedAt: timestamp(at) },
    artifacts,
    rollbackRef: null,
    failureReason: null,
    logMode: request.logMode ?? 'compact_receipt_ref',
    causalRefs: [...(request.causalRefs ?? [])],
    policyDecisionRef: request.policyDecisionRef,
    evidenceRefs: [...(request.evidenceRefs ?? [])],
    startedAt: timestamp(at),
    finishedAt: null,
    capturedAt: timestamp(at),
  };
  const emission = { action: 'write', contract: 'RuntimeInstallReceipt', document: receipt } as const;
  return refuseInvalid('install/invalid-input', RuntimeInstallReceiptContract, [emission]) ?? accept(receipt, [emission]);
});

type Change = Partial<Pick<RuntimeInstallReceipt, 'installState' | 'manifest' | 'artifacts' | 'failureReason' | 'rollbackRef' | 'policyDecisionRef'>> & { evidenceRefs?: readonly string[] };

/** The next receipt after `event`, when the table allows it. */
function advance(current: RuntimeInstallReceipt, event: InstallEvent, now: Rfc3339, mintId: MintId, change: (at: string) => Change): InstallOutcome {
  const bad = refuseReceipt(current);
  if (bad) return bad;
  const at = readInstant(now);
  if (at === null) return refuseNow('install/invalid-now', now);
  if (!allows(runtimeInstallTransitions, current.installState, event)) return refuse('install/transition-not-allowed', `${event} is not allowed when the install is ${current.installState}`);
  if (at < (readInstant(current.startedAt) ?? at)) return refuse('install/time-before-start', `now ${now} is before the install started at ${current.startedAt}`);
  const { evidenceRefs = [], ...fields } = change(timestamp(at));
  const installState = fields.installState ?? current.installState;
  const receipt: RuntimeInstallReceipt = {
    ...current,
    ...fields,
    id: mintUrn(mintId, 'receipt:runtime-install'),
    causalRefs: unique([...(current.causalRefs ?? []), current.id]),
    evidenceRefs: unique([...current.evidenceRefs, ...evidenceRefs.filter(isFilled)]),
    finishedAt: FINISHED.includes(installState) ? timestamp(at) : null,
    capturedAt: timestamp(at),
  };
  const emission = { action: 'write', contract: 'RuntimeInstallReceipt', document: receipt } as const;
  return refuseInvalid('install/invalid-input', RuntimeInstallReceiptContract, [emission]) ?? accept(receipt, [emission]);
}

/** Null when `current` is a receipt a transition returned; otherwise the refusal. */
function refuseReceipt(current: unknown): InstallOutcome | null {
  const ok = isRecord(current) && Array.isArray(current.artifacts) && current.artifacts.every(isRecord) && isRecord(current.manifest) && Array.isArray(current.evidenceRefs) && isOptionalList(current.causalRefs) && typeof current.installState === 'string';
  return ok ? null : refuse('install/invalid-input', `the install must be a receipt a transition returned, not ${describeValue(current)}`);
}

const sameDigest = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The manifest was fetched: its digest must be the requested one, else the install fails. */
export const resolveInstallManifest = guarded('install/invalid-input', (current: RuntimeInstallReceipt, resolved: { manifestDigest: string }, now: Rfc3339, mintId: MintId): InstallOutcome => {
  const bad = refuseReceipt(current) ?? refuseShape('install/invalid-input', 'a resolved manifest', resolved);
  if (bad) return bad;
  if (typeof resolved.manifestDigest !== 'string') return refuse('install/invalid-input', `manifestDigest must be a string, not ${describeValue(resolved.manifestDigest)}`);
  const matches = sameDigest(resolved.manifestDigest, current.manifest.manifestDigest);
  return advance(current, 'resolve_manifest', now, mintId, (at) => ({
    installState: matches ? 'manifest_resolved' : 'failed',
    manifest: { ...current.manifest, resolvedAt: at },
    ...(matches ? {} : { failureReason: `manifest digest mismatch: expected ${current.manifest.manifestDigest}, got ${String(resolved.manifestDigest)}` }),
  }));
});

/** Digests observed for some artifacts: a match verifies one, a mismatch fails it (and the install). */
export const verifyInstallArtifacts = guarded('install/invalid-input', (current: RuntimeInstallReceipt, observed: { results: readonly { artifactRef: string; digest: string }[] }, now: Rfc3339, mintId: MintId): InstallOutcome => {
  const bad = refuseReceipt(current) ?? refuseShape('install/invalid-input', 'an observation', observed);
  if (bad) return bad;
  const results = observed.results ?? [];
  if (!Array.isArray(results) || !results.every((r) => isRecord(r) && typeof r.artifactRef === 'string' && typeof r.digest === 'string')) {
    return refuse('install/invalid-input', 'results must be a list of { artifactRef, digest } strings');
  }
  const stray = results.find((r) => !current.artifacts.some((a) => a.artifactRef === r.artifactRef));
  if (stray) return refuse('install/unknown-artifact', `${stray.artifactRef} is not an artifact of this install`);
  const twice = results.find((r, i) => results.findIndex((o) => o.artifactRef === r.artifactRef) !== i);
  if (twice) return refuse('install/duplicate-result', `two results for ${twice.artifactRef} in one verification`);
  const artifacts = current.artifacts.map((a) => {
    const result = results.find((r) => r.artifactRef === a.artifactRef);
    return result ? { ...a, verificationState: sameDigest(String(result.digest), a.digest) ? ('verified' as const) : ('failed' as const) } : a;
  });
  const failed = artifacts.filter((a) => a.verificationState === 'failed');
  const allVerified = artifacts.every((a) => a.verificationState === 'verified');
  return advance(current, 'verify_artifacts', now, mintId, () => ({
    artifacts,
    installState: failed.length ? 'failed' : allVerified ? 'artifact_verified' : 'manifest_resolved',
    ...(failed.length ? { failureReason: `digest mismatch: ${failed.map((a) => a.artifactRef).join(', ')}` } : {}),
  }));
});

/** Every artifact verified: installation begins. */
export const beginRuntimeInstall = guarded('install/invalid-input', (current: RuntimeInstallReceipt, now: Rfc3339, mintId: MintId): InstallOutcome =>
  advance(current, 'begin_install', now, mintId, () => ({ installState: 'installing' })));

/** Installation finished: installed (every artifact is verified, or the table would not have got here). */
export const finishRuntimeInstall = guarded('install/invalid-input', (current: RuntimeInstallReceipt, now: Rfc3339, mintId: MintId): InstallOutcome => {
  const bad = refuseReceipt(current);
  if (bad) return bad;
  const verified = current.artifacts.every((a) => a.verificationState === 'verified');
  if (allows(runtimeInstallTransitions, current.installState, 'finish_install') && !verified) return refuse('install/artifacts-unverified', 'installed needs every artifact verified');
  return advance(current, 'finish_install', now, mintId, () => ({ installState: 'installed', failureReason: null }));
});

/** A stop with a reason: fail, mark_partial, deny (optionally under another decision) or defer. */
export const stopRuntimeInstall = guarded('install/invalid-input', (
  current: RuntimeInstallReceipt,
  stop: { event: 'fail' | 'mark_partial' | 'deny' | 'defer'; reason: string; policyDecisionRef?: string; evidenceRefs?: readonly string[] },
  now: Rfc3339,
  mintId: MintId,
): InstallOutcome => {
  const bad = refuseReceipt(current) ?? refuseShape('install/invalid-input', 'a stop', stop, ['evidenceRefs']);
  if (bad) return bad;
  if (!['fail', 'mark_partial', 'deny', 'defer'].includes(stop.event)) return refuse('install/invalid-input', `${describeValue(stop.event)} is not a stop (fail, mark_partial, deny, defer)`);
  if (!isFilled(stop.reason)) return refuse('install/reason-required', `${stop.event} needs a reason`);
  const to: Record<typeof stop.event, InstallState> = { fail: 'failed', mark_partial: 'partial', deny: 'denied', defer: 'deferred' };
  return advance(current, stop.event, now, mintId, () => ({
    installState: to[stop.event],
    failureReason: stop.reason,
    ...(stop.event === 'deny' && stop.policyDecisionRef ? { policyDecisionRef: stop.policyDecisionRef } : {}),
    evidenceRefs: stop.evidenceRefs ?? [],
  }));
});

/** Rolled back to what `rollbackRef` names. */
export const rollBackRuntimeInstall = guarded('install/invalid-input', (current: RuntimeInstallReceipt, rollback: { rollbackRef: string; reason?: string }, now: Rfc3339, mintId: MintId): InstallOutcome => {
  const bad = refuseReceipt(current) ?? refuseShape('install/invalid-input', 'a rollback', rollback);
  if (bad) return bad;
  if (!isFilled(rollback.rollbackRef)) return refuse('install/rollback-ref-required', 'a rollback must say what it rolled back to');
  return advance(current, 'roll_back', now, mintId, () => ({
    installState: 'rolled_back',
    rollbackRef: rollback.rollbackRef,
    ...(isFilled(rollback.reason) ? { failureReason: rollback.reason } : {}),
  }));
});

export const runtimeInstallMachine: MachineDescription = {
  name: 'install',
  title: 'Runtime installs',
  summary:
    'Every transition emits a `RuntimeInstallReceipt` (new id; `causalRefs` ends with the previous receipt; `finishedAt` set on installed and every exit). `resolve_manifest` fails the install on a manifest ' +
    'digest mismatch; `verify_artifacts` marks each reported artifact verified or failed and fails the install on any mismatch, reaching `artifact_verified` only when every artifact is verified; ' +
    '`installed` follows only from there. failed, partial, denied and deferred carry the reason given; rolled_back carries its `rollbackRef`.',
  emits: ['RuntimeInstallReceipt'],
  transitions: runtimeInstallTransitions,
  refusals: runtimeInstallRefusals,
};
