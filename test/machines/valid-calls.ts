// One accepted call of every exported machine function that takes a list: the arguments, built
// fresh each time (states reached by accepted transitions), so a test can change one place in them.
import type { RuntimeInstallReceipt } from '../../generated/types/index.js';
import * as m from '../../src/index.js';
import { specExample } from '../support/conformance.js';
import { accepted, counterMinter } from './support.js';

const NOW = '2026-05-06T04:31:00Z';
const LATER = '2026-05-06T04:32:00Z';
const mint = counterMinter();

const declaration = (): m.CapabilityDeclaration => ({
  capabilityRef: 'urn:srcos:capability:x@0.1.0',
  declaredBy: ['ui'],
  policyDecisionRef: 'urn:srcos:decision:p',
  evidenceRefs: ['urn:srcos:evidence:e'],
  ownerRefs: [],
  requiredPlanes: ['runtime'],
});
const report = (verdict: m.PlaneReport['verdict']): m.PlaneReport => ({ plane: 'runtime', verdict, evidenceRefs: [] });
const declared = () => accepted(m.declareCapability(declaration(), NOW, mint)).state;
const negotiating = () => accepted(m.openNegotiation(accepted(m.requestCapability(declared(), 'user', NOW, mint)).state, NOW, mint)).state;
const available = () => accepted(m.reportPlane(negotiating(), report('supported'), NOW, mint)).state;

const leaseBoard = () => accepted(m.createLeaseBoard({ maxLeasesPerDomain: 2, leases: [] })).state;
const claim = { resource: 'src/a.ts', owner: 'builder', domain: 'builder', ttlSeconds: 600 };
const held = () => accepted(m.claimLease(leaseBoard(), claim, NOW)).state;

const signalInput = (): m.SignalInput => ({ kind: 'missive', from: 'builder', to: 'scribe', topic: 'plan', claim: 'c', evidence: ['f.ts'], asks: [], nextActions: [] });

const workBoard = () => accepted(m.addWorkItem(accepted(m.createWorkBoard({ maxInProgressPerDomain: 1 })).state, { id: 'A-1', domain: 'builder' })).state;
const working = () => accepted(m.assignWorkItem(workBoard(), { id: 'A-1', owner: 'builder', capsulePath: 'c.md' }, NOW)).state;

const registry = () => accepted(m.createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:p' })).state;

const start = (): m.BrowserSessionStart => ({
  sessionRef: 'urn:srcos:session:b1',
  capabilityLedgerRef: 'urn:srcos:capability-ledger:c1',
  ownerRef: 'urn:srcos:agent:a',
  policyDecision: { ref: 'urn:srcos:decision:d', outcome: 'allow' },
  transport: 'cdp',
  permissionScope: ['read_page'],
  origin: 'local',
  evidenceRefs: ['urn:srcos:evidence:v'],
  causalRefs: [],
  ttlSeconds: 600,
});
const active = () => accepted(m.startBrowserSession({ sessions: [], expiries: [] }, start(), NOW, mint)).state;

const estate = specExample<RuntimeInstallReceipt>('runtimeinstallreceipt.json');
const installRequest = (): m.InstallRequest => ({
  sessionRef: estate.sessionRef,
  capabilityLedgerRef: estate.capabilityLedgerRef,
  runtimeRef: estate.runtimeRef,
  targetRef: estate.targetRef,
  platform: estate.platform,
  manifest: { manifestRef: estate.manifest.manifestRef, manifestDigest: estate.manifest.manifestDigest },
  artifacts: estate.artifacts.map(({ artifactRef, digest }) => ({ artifactRef, digest })),
  policyDecisionRef: estate.policyDecisionRef,
  evidenceRefs: estate.evidenceRefs,
  causalRefs: [],
});
const results = () => ({ results: estate.artifacts.map(({ artifactRef, digest }) => ({ artifactRef, digest })) });
const requested = () => accepted(m.requestRuntimeInstall(installRequest(), NOW, mint)).state;
const resolved = () => accepted(m.resolveInstallManifest(requested(), { manifestDigest: estate.manifest.manifestDigest }, NOW, mint)).state;
const verified = () => accepted(m.verifyInstallArtifacts(resolved(), results(), NOW, mint)).state;
const installing = () => accepted(m.beginRuntimeInstall(verified(), NOW, mint)).state;
const failedInstall = () => accepted(m.stopRuntimeInstall(requested(), { event: 'fail', reason: 'why' }, NOW, mint)).state;

/** A probe with every field given. */
export const probe = (): m.GitWorkspaceProbe => ({
  path: '/Users/ada/p',
  homeDir: '/Users/ada',
  workspaceAlias: null,
  facts: { gitDirFound: false },
  operation: 'user_requested_command',
  sessionRef: 'urn:srcos:session:s',
  capabilityLedgerRef: 'urn:srcos:capability-ledger:c',
  workspaceRef: 'urn:srcos:workspace:w',
  policyDecisionRef: 'urn:srcos:decision:p',
  evidenceRefs: [],
  causalRefs: [],
  agentMachineReceiptRef: null,
});

/** Function name → the arguments of one call it accepts (or, for a query, answers without a refusal). */
export const validCalls: Readonly<Record<string, () => unknown[]>> = {
  evaluateReports: () => [[report('supported')]],
  reportState: () => [report('supported')],
  missingPlanes: () => [declared()],
  declareCapability: () => [declaration(), NOW, mint],
  negotiateCapability: () => [{ ...declaration(), reports: [report('supported')] }, NOW, mint],
  requestCapability: () => [declared(), 'user', NOW, mint],
  openNegotiation: () => [accepted(m.requestCapability(declared(), 'user', NOW, mint)).state, NOW, mint],
  reportPlane: () => [negotiating(), report('supported'), NOW, mint],
  enableCapability: () => [available(), NOW, mint],
  disableCapability: () => [accepted(m.enableCapability(available(), NOW, mint)).state, NOW, mint],
  renegotiateCapability: () => [accepted(m.reportPlane(negotiating(), report('failed'), NOW, mint)).state, NOW, mint],
  createLeaseBoard: () => [{ maxLeasesPerDomain: 2, leases: [] }],
  claimLease: () => [leaseBoard(), claim, NOW],
  renewLease: () => [held(), { resource: claim.resource, owner: claim.owner, ttlSeconds: 60 }, NOW],
  releaseLease: () => [held(), { resource: claim.resource, owner: claim.owner }],
  collectExpiredLeases: () => [held(), NOW],
  resourceState: () => [held(), claim.resource, NOW],
  liveLeasesOf: () => [held(), claim.domain, NOW],
  buildSignal: () => [signalInput(), NOW],
  signalFileName: () => {
    const built = m.buildSignal(signalInput(), NOW);
    return [built.ok ? built.signal : null];
  },
  addWorkItem: () => [workBoard(), { id: 'A-2', domain: 'builder' }],
  assignWorkItem: () => [workBoard(), { id: 'A-1', owner: 'builder', capsulePath: 'c.md' }, NOW],
  completeWorkItem: () => [working(), { id: 'A-1' }, NOW],
  blockWorkItem: () => [working(), { id: 'A-1' }, NOW],
  handOffWorkItem: () => [working(), { id: 'A-1', toOwner: 'gems', kind: 'missive', evidence: ['f.ts'] }, NOW],
  inProgressOf: () => [working(), 'builder'],
  registerSession: () => [registry(), { sessionRef: 'urn:srcos:session:s' }, NOW, mint],
  receiveSessionEvent: () => [registry(), { eventRef: 'urn:srcos:event:e1', eventClass: 'plugin', evidenceRefs: [], correlationKeys: { taskRef: 't' } }, NOW, mint],
  reconcileOrphans: () => [registry(), NOW, mint],
  orphanConservation: () => [registry()],
  startBrowserSession: () => [{ sessions: [], expiries: [] }, start(), NOW, mint],
  revokeBrowserSession: () => [active(), { sessionRef: start().sessionRef, evidenceRefs: [] }, LATER, mint],
  completeBrowserSession: () => [active(), { sessionRef: start().sessionRef, evidenceRefs: [] }, LATER, mint],
  failBrowserSession: () => [active(), { sessionRef: start().sessionRef, evidenceRefs: [] }, LATER, mint],
  maySessionAct: () => [active(), { sessionRef: start().sessionRef, permission: 'read_page' }, LATER],
  requestRuntimeInstall: () => [installRequest(), NOW, mint],
  resolveInstallManifest: () => [requested(), { manifestDigest: estate.manifest.manifestDigest }, NOW, mint],
  verifyInstallArtifacts: () => [resolved(), results(), NOW, mint],
  beginRuntimeInstall: () => [verified(), NOW, mint],
  finishRuntimeInstall: () => [installing(), NOW, mint],
  stopRuntimeInstall: () => [requested(), { event: 'fail', reason: 'why', evidenceRefs: [] }, NOW, mint],
  rollBackRuntimeInstall: () => [failedInstall(), { rollbackRef: 'urn:srcos:snapshot:s1' }, NOW, mint],
  buildGitWorkspaceState: () => [probe(), NOW, mint],
};

/** The refusal codes a function of a folder of src/machines may answer with. */
export function codesOf(folder: string): readonly string[] {
  const machine = { capability: 'capability', lease: 'lease', 'work-items': 'work', 'browser-sessions': 'browser', 'runtime-install': 'install', 'orphan-events': 'orphans', 'git-workspace': 'git', kernel: 'git' }[folder];
  if (folder === 'signal') return Object.keys(m.signalRefusals);
  const table = m.stateMachines.find((x) => x.name === machine)?.refusals ?? {};
  return [...Object.keys(table), ...(machine === 'browser' ? Object.keys(m.browserActRefusals) : [])];
}

/** The refusal code of an answer (a refused transition or query, or `maySessionAct`'s no), else undefined. */
export function refusalOf(answer: unknown): string | undefined {
  if (answer === null || typeof answer !== 'object') return undefined;
  const a = answer as { ok?: unknown; may?: unknown; code?: unknown; refusal?: { code?: unknown } };
  if (a.ok === false) return String(a.refusal?.code);
  if (a.may === false) return String(a.code);
  return undefined;
}
