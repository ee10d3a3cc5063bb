/**
 * The GitWorkspaceState builder: classifies a probe (`git-classification.ts`) and writes the
 * document, storing the probed path only as its digest and a redacted hint (`path-evidence.ts`).
 * The Git facts are made to agree with the state: `not_a_repo` has no branch, HEAD or digests and
 * `remoteState` `not_applicable`; `bare_repo` has no worktree root; `detached_head` no branch.
 */
import type { GitFacts, GitWorkspaceState } from '../../../generated/types/index.js';
import { SPEC_VERSION } from '../kernel/conventions.js';
import { GitWorkspaceState as GitWorkspaceStateContract } from '../../contracts.js';
import { refuseInvalid } from '../kernel/emission-check.js';
import type { EmissionOf } from '../kernel/emission.js';
import { classifyGitWorkspace, gitStateRules, passiveOperations, expectedNegativeStates, requestedReaction, passiveReaction, type GitOperation, type GitProbeFacts, type GitState } from './classification.js';
import { mintUrn, type MintId } from '../kernel/ids.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord, refuseShape } from '../kernel/input.js';
import { accept, refuse, type Outcome, refuseNow } from '../kernel/outcome.js';
import { gitWorkspaceRefusals, type GitWorkspaceRefusalCode } from './refusals.js';
import { isAbsolutePath, pathDigest, pathEvidenceOf, type WorkspaceAlias } from './path-evidence.js';
import { readInstant, timestamp, type Rfc3339 } from '../kernel/time.js';
import type { MachineDescription, TransitionRow } from '../kernel/transition-table.js';

export * from './classification.js';


export interface GitWorkspaceProbe {
  /** The absolute path that was probed; only its digest and a redacted hint are stored. */
  readonly path: string;
  /** The user's home folder (absolute), shown as `~` in the hint; null or absent when unknown. */
  readonly homeDir?: string | null;
  readonly workspaceAlias?: WorkspaceAlias | null;
  readonly facts: GitProbeFacts;
  readonly operation: GitOperation;
  readonly sessionRef: string;
  readonly capabilityLedgerRef: string;
  readonly workspaceRef: string;
  readonly policyDecisionRef: string;
  /** Default: the path's digest. */
  readonly evidenceRefs?: readonly string[];
  readonly causalRefs?: readonly string[];
  readonly agentMachineReceiptRef?: string | null;
}

const digestOf = (path: string | null | undefined): string | null => (typeof path === 'string' && path !== '' ? pathDigest(path) : null);

/** The Git facts of the document, made to agree with the state. */
function gitFactsOf(state: GitState, f: GitProbeFacts): GitFacts {
  const facts: GitFacts = {
    branch: f.branch || null,
    headSha: f.headSha || null,
    remoteState: f.remoteState ?? 'unknown',
    worktreeRootDigest: digestOf(f.worktreeRoot),
    gitDirDigest: digestOf(f.gitDir),
    failureReason: f.failureReason ?? null,
    commandClass: f.commandClass ?? null,
  };
  if (state === 'not_a_repo') return { ...facts, branch: null, headSha: null, remoteState: 'not_applicable', worktreeRootDigest: null, gitDirDigest: null };
  if (state === 'bare_repo') return { ...facts, worktreeRootDigest: null };
  return facts;
}

/** Classifies a probe and emits its GitWorkspaceState (the accepted state is the document). */
export const buildGitWorkspaceState = guarded('git/invalid-input', (probe: GitWorkspaceProbe, now: Rfc3339, mintId: MintId): Outcome<GitWorkspaceState, GitWorkspaceRefusalCode, object, EmissionOf<'GitWorkspaceState'>> => {
  const shape = refuseShape('git/invalid-input', 'a probe', probe, ['evidenceRefs', 'causalRefs']);
  if (shape) return shape;
  if (!isRecord(probe.facts)) return refuse('git/invalid-input', `facts must be an object, not ${describeValue(probe.facts)}`);
  if (probe.workspaceAlias !== undefined && probe.workspaceAlias !== null && !isRecord(probe.workspaceAlias)) return refuse('git/invalid-input', 'workspaceAlias must be an object');
  const at = readInstant(now);
  if (at === null) return refuseNow('git/invalid-now', now);
  if (!isAbsolutePath(probe.path)) return refuse('git/path-not-absolute', 'the probed path must be absolute');
  if (probe.homeDir !== null && probe.homeDir !== undefined && !isAbsolutePath(probe.homeDir)) return refuse('git/path-not-absolute', 'the home folder must be absolute');
  if (probe.workspaceAlias && !isAbsolutePath(probe.workspaceAlias.root)) return refuse('git/path-not-absolute', 'the workspace alias root must be absolute');
  const classification = classifyGitWorkspace(probe.facts, probe.operation);
  if ('refusal' in classification) return classification;
  const pathEvidence = pathEvidenceOf(probe.path, probe.homeDir ?? null, probe.workspaceAlias ?? null);
  if ('refusal' in pathEvidence) return pathEvidence;
  const document: GitWorkspaceState = {
    id: mintUrn(mintId, 'git-workspace-state'),
    type: 'GitWorkspaceState',
    specVersion: SPEC_VERSION,
    sessionRef: probe.sessionRef,
    capabilityLedgerRef: probe.capabilityLedgerRef,
    agentMachineReceiptRef: probe.agentMachineReceiptRef ?? null,
    workspaceRef: probe.workspaceRef,
    state: classification.state,
    severity: classification.severity,
    operation: probe.operation,
    actionability: classification.actionability,
    expectedNegativeState: classification.expectedNegativeState,
    pathEvidence,
    gitFacts: gitFactsOf(classification.state, probe.facts ?? { gitDirFound: false }),
    causalRefs: [...(probe.causalRefs ?? [])],
    policyDecisionRef: probe.policyDecisionRef,
    evidenceRefs: probe.evidenceRefs?.length ? [...probe.evidenceRefs] : [pathEvidence.pathDigest],
    capturedAt: timestamp(at),
  };
  const emission = { action: 'write', contract: 'GitWorkspaceState', document } as const;
  return refuseInvalid('git/invalid-input', GitWorkspaceStateContract, [emission]) ?? accept(document, [emission]);
});

export const gitWorkspaceTransitions: readonly TransitionRow<GitState, string>[] = gitStateRules.map((r) => ({ from: null, to: r.state, event: r.event }));

const reactionRow = (state: GitState): string => {
  const passive = expectedNegativeStates.includes(state) ? 'info (watcher_refresh: debug), none, expected' : (passiveReaction[state] ?? requestedReaction[state]).join(', ');
  return `| \`${state}\` | ${passive} | ${requestedReaction[state].join(', ')} |`;
};

export const gitWorkspaceMachine: MachineDescription = {
  name: 'git',
  title: 'Git workspace classification',
  summary:
    '`classifyGitWorkspace(facts, operation)` is a pure function; each probe ends in one state, decided by the first fact that holds, in the order of the arrows below. ' +
    '`buildGitWorkspaceState` emits the `GitWorkspaceState` with the path kept only as `sha256:` digest plus a hint with the home folder as `~` (or a workspace alias; no hint otherwise: `digest_only`).',
  emits: ['GitWorkspaceState'],
  transitions: gitWorkspaceTransitions,
  refusals: gitWorkspaceRefusals,
  notes: [
    `Severity and actionability. Passive operations: ${passiveOperations.map((o) => `\`${o}\``).join(', ')}; the others are commands a user or agent asked for.`,
    '',
    '| state | passive operation | requested command |',
    '|---|---|---|',
    ...gitStateRules.map((r) => reactionRow(r.state)),
  ].join('\n'),
};
