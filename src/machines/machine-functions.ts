/**
 * The functions of each machine as a caller writes them (`now` is an RFC 3339 string, `mintId` the
 * caller's id minter), for the generated docs, as Markdown. Each returns an outcome (see `outcome.ts`) unless
 * said otherwise, and never throws: an input of the wrong type is a `<machine>/invalid-input` refusal.
 */
export const machineFunctions: Readonly<Record<string, readonly string[]>> = {
  capability: [
    '`declareCapability({ capabilityRef, declaredBy, policyDecisionRef, evidenceRefs, sessionRef?, agentMachineReceiptRef?, ownerRefs?, requiredPlanes? }, now, mintId)`: `requiredPlanes` a list of planes or `\'all\'` (default runtime, server, policy)',
    '`requestCapability(state, plane, now, mintId)`',
    '`openNegotiation(state, now, mintId)`',
    '`reportPlane(state, { plane, verdict, reason?, evidenceRefs? }, now, mintId)`',
    '`enableCapability(state, now, mintId)` · `disableCapability(state, now, mintId)` · `renegotiateCapability(state, now, mintId)`',
    '`negotiateCapability({ ...declaration, reports }, now, mintId)`: every report at once',
    '`evaluateReports(reports)` → `{ outcome, winner, conflictPlanes }` · `missingPlanes(state)` → the required planes not heard yet (plain values)',
  ],
  orphans: [
    '`createOrphanRegistry({ policyDecisionRef, ttlSeconds? })`',
    '`registerSession(registry, { sessionRef, conversationId?, workspaceRef?, taskRef? }, now, mintId)`',
    '`receiveSessionEvent(registry, { eventRef, eventClass, sessionRef?, rawEventDigest?, correlationKeys?, evidenceRefs? }, now, mintId)`',
    '`reconcileOrphans(registry, now, mintId)`: quarantine what expired, reconcile the queue',
    '`orphanConservation(registry)` → the counts (attached, queued, quarantined, discarded, unreadable) and whether they hold (a plain value)',
  ],
  lease: [
    '`createLeaseBoard({ maxLeasesPerDomain?, leases? })`',
    '`claimLease(board, { resource, owner, domain, ttlSeconds?, override?, overrideReason? }, now)` → also `replaced`',
    '`renewLease(board, { resource, owner, ttlSeconds? }, now)` → also `previous`',
    '`releaseLease(board, { resource, owner })` → also `released`',
    '`collectExpiredLeases(board, now)` → also `collected`',
    '`resourceState(board, resource, now)` · `liveLeasesOf(board, domain, now)` (now as RFC 3339 or epoch seconds) · `leaseFileName(resource)` (plain values)',
  ],
  work: [
    '`createWorkBoard({ maxInProgressPerDomain? })` · `addWorkItem(board, { id, domain, title? })`',
    '`assignWorkItem(board, { id, owner, capsulePath?, from?, to?, override?, overrideReason? }, now)`',
    '`completeWorkItem(board, { id, from? }, now)` · `blockWorkItem(board, { id, from? }, now)`',
    '`handOffWorkItem(board, { id, toOwner, toDomain?, kind, evidence, capsulePath?, from?, topic?, claim?, override?, overrideReason? }, now)`: `evidence` the files handed over',
    '`buildSignal({ kind, from, to, topic, claim, evidence?, confidence?, urgency?, asks?, nextActions?, expectsResponse?, responseBy? }, now, { stampAt? })` → `{ ok, signal, filename, path, emitted }` or a `signal/…` refusal',
  ],
  browser: [
    '`startBrowserSession(sessions, { sessionRef, capabilityLedgerRef, ownerRef?, requestedBy?, policyDecision?: { ref, outcome }, transport, permissionScope, origin, controlledScope?, evidenceRefs, causalRefs?, ttlSeconds? }, now, mintId)`, starting from `emptyBrowserSessions` → also `started` and `denial`',
    '`revokeBrowserSession` · `completeBrowserSession` · `failBrowserSession`, each `(sessions, { sessionRef, evidenceRefs? }, now, mintId)`',
    '`maySessionAct(sessions, { sessionRef, permission }, now)` → `{ may: true, sessionRef, permission, ownerRef, expiresAt }` or `{ may: false, code, message }` (a plain value)',
  ],
  install: [
    '`requestRuntimeInstall({ sessionRef, capabilityLedgerRef, runtimeRef, targetRef, platform, manifest, artifacts, policyDecisionRef, evidenceRefs, logMode?, runtimeName?, runtimeVersion?, agentMachineReceiptRef?, causalRefs? }, now, mintId)`',
    '`resolveInstallManifest(receipt, { manifestDigest }, now, mintId)`',
    '`verifyInstallArtifacts(receipt, { results: [{ artifactRef, digest }] }, now, mintId)`',
    '`beginRuntimeInstall(receipt, now, mintId)` · `finishRuntimeInstall(receipt, now, mintId)`',
    "`stopRuntimeInstall(receipt, { event: 'fail' | 'mark_partial' | 'deny' | 'defer', reason, policyDecisionRef?, evidenceRefs? }, now, mintId)`",
    '`rollBackRuntimeInstall(receipt, { rollbackRef, reason? }, now, mintId)`',
  ],
  git: [
    '`classifyGitWorkspace(facts, operation)` → `{ state, severity, actionability, expectedNegativeState }` (a plain value)',
    '`buildGitWorkspaceState({ path, homeDir?, workspaceAlias?, facts, operation, sessionRef, capabilityLedgerRef, workspaceRef, policyDecisionRef, evidenceRefs?, causalRefs?, agentMachineReceiptRef? }, now, mintId)`',
    '`pathEvidenceOf(path, homeDir, alias?)` · `sha256Hex(bytes | string)` · `sha256Digest(bytes | string)` (plain values)',
  ],
};
