// Example-based tests of Git workspace classification and the GitWorkspaceState builder: the
// estate's document, severities by operation, facts made to agree, and path redaction edges.
import { describe, expect, it } from 'vitest';
import { specExample } from '../support/conformance.js';
import type { GitWorkspaceState } from '../../generated/types/index.js';
import { buildGitWorkspaceState, classifyGitWorkspace, pathEvidenceOf, sha256Digest, type GitWorkspaceProbe } from '../../src/index.js';
import { accepted, counterMinter, expectValidEmissions, refusalCode } from './support.js';

const estate = specExample<GitWorkspaceState>('gitworkspacestate.json');
const mint = counterMinter();
const probe: GitWorkspaceProbe = {
  path: '/Users/ada/Documents/New project',
  homeDir: '/Users/ada',
  facts: { gitDirFound: false, failureReason: estate.gitFacts.failureReason ?? null, commandClass: 'rev_parse' },
  operation: 'passive_discovery',
  sessionRef: estate.sessionRef,
  capabilityLedgerRef: estate.capabilityLedgerRef,
  agentMachineReceiptRef: estate.agentMachineReceiptRef ?? null,
  workspaceRef: estate.workspaceRef,
  policyDecisionRef: estate.policyDecisionRef,
  evidenceRefs: estate.evidenceRefs,
  causalRefs: estate.causalRefs,
};
const build = (p: Partial<GitWorkspaceProbe>) => {
  const ok = accepted(buildGitWorkspaceState({ ...probe, ...p }, estate.capturedAt, mint));
  expectValidEmissions(ok.emitted);
  return ok.state;
};

describe('buildGitWorkspaceState', () => {
  it('writes the estate document: a passive not_a_repo is info, expected, and names no path', () => {
    const doc = build({});
    const { id: _id, pathEvidence, ...rest } = estate;
    expect(doc).toMatchObject(rest);
    expect(doc.pathEvidence).toEqual({ ...pathEvidence, pathDigest: sha256Digest('/Users/ada/Documents/New project') });
    expect(JSON.stringify(doc)).not.toContain('/Users/ada');
  });

  it('keeps expected negatives quiet when passive and raises them only for a requested command', () => {
    expect(build({ operation: 'watcher_refresh' })).toMatchObject({ severity: 'debug', actionability: 'none', expectedNegativeState: true });
    expect(build({ operation: 'ci_validation' })).toMatchObject({ severity: 'info', expectedNegativeState: true });
    expect(build({ operation: 'user_requested_command' })).toMatchObject({ severity: 'error', actionability: 'blocked', expectedNegativeState: false });
    const detached = { gitDirFound: true, branch: null, headSha: 'a1b2c3d', remoteState: 'available' as const };
    expect(classifyGitWorkspace(detached, 'agent_requested_command')).toEqual({ state: 'detached_head', severity: 'warning', actionability: 'remediation_hint', expectedNegativeState: false });
    expect(classifyGitWorkspace(detached, 'passive_discovery')).toEqual({ state: 'detached_head', severity: 'info', actionability: 'none', expectedNegativeState: true });
    expect(classifyGitWorkspace({ gitDirFound: true, corrupt: true }, 'passive_discovery')).toMatchObject({ state: 'corrupt_repo', severity: 'warning', actionability: 'quarantined' });
    expect(classifyGitWorkspace({ gitDirFound: true, branch: 'main', headSha: 'a1b2c3d', remoteState: 'available', atWorktreeRoot: true }, 'watcher_refresh')).toMatchObject({ state: 'repo_root', severity: 'debug' });
  });

  it('makes the Git facts agree with the state', () => {
    const lying = build({ facts: { gitDirFound: false, branch: 'main', headSha: 'a1b2c3d', remoteState: 'available', worktreeRoot: '/x', gitDir: '/x/.git' } });
    expect(lying.gitFacts).toMatchObject({ branch: null, headSha: null, remoteState: 'not_applicable', worktreeRootDigest: null, gitDirDigest: null });
    const bare = build({ facts: { gitDirFound: true, bare: true, worktreeRoot: '/srv/x', gitDir: '/srv/x.git', remoteState: 'missing' } });
    expect(bare.gitFacts).toMatchObject({ worktreeRootDigest: null, gitDirDigest: sha256Digest('/srv/x.git') });
    expect(build({ facts: { gitDirFound: true, branch: 'main', headSha: null, remoteState: 'missing' } }).state).toBe('worktree_no_remote');
  });

  it('defaults its evidence to the path digest and refuses what it cannot write', () => {
    expect(build({ evidenceRefs: [] }).evidenceRefs).toEqual([sha256Digest('/Users/ada/Documents/New project')]);
    expect(refusalCode(buildGitWorkspaceState({ ...probe, path: 'Documents/New project' }, estate.capturedAt, mint))).toBe('git/path-not-absolute');
    expect(refusalCode(buildGitWorkspaceState({ ...probe, homeDir: '~' }, estate.capturedAt, mint))).toBe('git/path-not-absolute');
    expect(refusalCode(buildGitWorkspaceState({ ...probe, facts: { gitDirFound: true, branch: 'main', headSha: 'HEAD', remoteState: 'available' } }, estate.capturedAt, mint))).toBe('git/invalid-input');
    expect(refusalCode(buildGitWorkspaceState({ ...probe, workspaceRef: 'ws' }, estate.capturedAt, mint))).toBe('git/invalid-input');
    expect(refusalCode(buildGitWorkspaceState(probe, 'May 6', mint))).toBe('git/invalid-now');
  });
});

describe('pathEvidenceOf', () => {
  it('shows the home folder as ~ only on a separator boundary', () => {
    expect(pathEvidenceOf('/home/ada', '/home/ada')).toMatchObject({ redactedPathHint: '~', redaction: 'user_home_redacted', rawPathStored: false });
    expect(pathEvidenceOf('/home/ada/src/', '/home/ada/')).toMatchObject({ redactedPathHint: '~/src', pathDigest: sha256Digest('/home/ada/src') });
    expect(pathEvidenceOf('/home/adam/src', '/home/ada')).toEqual({ pathDigest: sha256Digest('/home/adam/src'), redactedPathHint: null, redaction: 'digest_only', rawPathStored: false });
    expect(pathEvidenceOf('C:\\Users\\ada\\proj', 'C:\\Users\\ada')).toMatchObject({ redactedPathHint: '~\\proj' });
    expect(pathEvidenceOf('/etc/x', null)).toMatchObject({ redaction: 'digest_only' });
  });

  it('prefers a workspace alias, and never writes the raw path', () => {
    const alias = { root: '/home/ada/src/app', name: 'app' };
    expect(pathEvidenceOf('/home/ada/src/app/lib', '/home/ada', alias)).toMatchObject({ redactedPathHint: 'app/lib', redaction: 'workspace_alias' });
    expect(pathEvidenceOf('/home/ada/src/other', '/home/ada', alias)).toMatchObject({ redactedPathHint: '~/src/other' });
  });
});
