/**
 * Git workspace classification: from what a Git probe observed and the operation that ran it, to
 * `state`, `severity`, `actionability` and `expectedNegativeState`, following the severity
 * discipline of the rules: during a passive operation (read from the schema's
 * `rule/git-passive-severity`) an expected negative state (the schema's `expectedNegativeStates`)
 * is `debug` (watcher refresh) or `info`, needs no action and is flagged expected; only a
 * command a user or agent asked for raises it.
 */
import { gitWorkspaceStateDefinition } from '../../../generated/definitions/git-workspace-state.js';
import type { GitFacts, GitWorkspaceState } from '../../../generated/types/index.js';
import { resolvePointer } from '../../json-pointer.js';
import { schemaEnum } from '../../rules/schema-values.js';
import { describeValue } from '../kernel/describe.js';
import { guarded, isRecord } from '../kernel/input.js';
import { refuse, type Refused } from '../kernel/outcome.js';

export type GitState = GitWorkspaceState['state'];
export type GitOperation = GitWorkspaceState['operation'];
export type GitSeverity = GitWorkspaceState['severity'];
export type GitActionability = GitWorkspaceState['actionability'];

/** What a Git probe observed at a path. */
export interface GitProbeFacts {
  /** A newer probe of the same path replaced this one before it finished. */
  readonly superseded?: boolean;
  /** The path or its Git directory could not be read. */
  readonly permissionDenied?: boolean;
  /** `git rev-parse --git-dir` found a repository. */
  readonly gitDirFound: boolean;
  /** A Git directory exists but Git cannot read it (bad HEAD, broken objects). */
  readonly corrupt?: boolean;
  /** `git rev-parse --is-bare-repository`. */
  readonly bare?: boolean;
  /** `git rev-parse --is-inside-git-dir`. */
  readonly insideGitDir?: boolean;
  /** The path is the worktree's top level (`--show-toplevel`). */
  readonly atWorktreeRoot?: boolean;
  /** The checked-out branch; null (or absent) when HEAD is detached or unknown. */
  readonly branch?: string | null;
  /** The HEAD commit (7–40 hex digits), or null when there is none yet. */
  readonly headSha?: string | null;
  readonly remoteState?: GitFacts['remoteState'];
  /** The worktree root and Git directory paths (stored only as digests). */
  readonly worktreeRoot?: string | null;
  readonly gitDir?: string | null;
  readonly failureReason?: string | null;
  readonly commandClass?: GitFacts['commandClass'];
}

export interface GitClassification {
  readonly state: GitState;
  readonly severity: GitSeverity;
  readonly actionability: GitActionability;
  readonly expectedNegativeState: boolean;
}

const schema = gitWorkspaceStateDefinition.schema;
export const gitOperations: readonly GitOperation[] = schemaEnum(schema, '/properties/operation/enum');
/** The expected negative states, from the schema. */
export const expectedNegativeStates: readonly GitState[] = schemaEnum(schema, '/$defs/expectedNegativeStates/enum');
/** The passive operations, from the schema's rule `rule/git-passive-severity`. */
export const passiveOperations: readonly GitOperation[] = (() => {
  const rules = (resolvePointer(schema, '/allOf') ?? []) as Record<string, unknown>[];
  const rule = rules.find((r) => (r['x-sourceos-rule'] as { code?: string } | undefined)?.code === 'rule/git-passive-severity');
  return schemaEnum<GitOperation>(rule, '/if/properties/operation/enum');
})();

/** The probe facts that decide the state, checked in this order (the first that holds wins). */
export const gitStateRules: readonly { readonly event: string; readonly state: GitState; readonly when: (f: GitProbeFacts) => boolean }[] = [
  { event: 'probe_superseded', state: 'operation_superseded', when: (f) => f.superseded === true },
  { event: 'probe_permission_denied', state: 'permission_denied', when: (f) => f.permissionDenied === true },
  { event: 'probe_no_git_dir', state: 'not_a_repo', when: (f) => !f.gitDirFound },
  { event: 'probe_corrupt', state: 'corrupt_repo', when: (f) => f.corrupt === true },
  { event: 'probe_bare', state: 'bare_repo', when: (f) => f.bare === true },
  { event: 'probe_inside_git_dir', state: 'inside_git_dir', when: (f) => f.insideGitDir === true },
  { event: 'probe_detached_head', state: 'detached_head', when: (f) => !f.branch && typeof f.headSha === 'string' && f.headSha !== '' },
  { event: 'probe_no_remote', state: 'worktree_no_remote', when: (f) => f.remoteState === 'missing' },
  { event: 'probe_at_worktree_root', state: 'repo_root', when: (f) => f.atWorktreeRoot === true },
  { event: 'probe_in_worktree', state: 'inside_worktree', when: () => true },
];

type Reaction = readonly [GitSeverity, GitActionability];
/** How a state is reported when a user or agent asked for the command. */
export const requestedReaction: Readonly<Record<GitState, Reaction>> = {
  operation_superseded: ['debug', 'none'],
  permission_denied: ['error', 'blocked'],
  not_a_repo: ['error', 'blocked'],
  corrupt_repo: ['error', 'quarantined'],
  bare_repo: ['warning', 'remediation_hint'],
  inside_git_dir: ['warning', 'remediation_hint'],
  detached_head: ['warning', 'remediation_hint'],
  worktree_no_remote: ['warning', 'remediation_hint'],
  repo_root: ['info', 'none'],
  inside_worktree: ['info', 'none'],
};
/** How a state that is not an expected negative is reported during a passive operation. */
export const passiveReaction: Readonly<Partial<Record<GitState, Reaction>>> = {
  operation_superseded: ['debug', 'none'],
  permission_denied: ['warning', 'blocked'],
  corrupt_repo: ['warning', 'quarantined'],
  repo_root: ['debug', 'none'],
  inside_worktree: ['debug', 'none'],
};

const stateOf = (facts: GitProbeFacts): GitState => (gitStateRules.find((r) => r.when(facts)) ?? gitStateRules[gitStateRules.length - 1]!).state;
const refuseFacts = (facts: unknown): Refused<'git/invalid-input'> | null => (isRecord(facts) ? null : refuse('git/invalid-input', `facts must be an object, not ${describeValue(facts)}`));

/** The state the facts show; `git/invalid-input` for facts that are not an object. */
export const gitStateOf = guarded('git/invalid-input', (facts: GitProbeFacts): GitState | Refused<'git/invalid-input'> => refuseFacts(facts) ?? stateOf(facts));

/** Classifies a probe's facts for an operation; `git/invalid-input` for facts that are not an object or an operation that is not a string. */
export const classifyGitWorkspace = guarded('git/invalid-input', (facts: GitProbeFacts, operation: GitOperation): GitClassification | Refused<'git/invalid-input'> =>
  refuseFacts(facts) ?? (typeof operation === 'string' ? classify(facts, operation) : refuse('git/invalid-input', `operation ${describeValue(operation)} is not a string`)));

function classify(facts: GitProbeFacts, operation: GitOperation): GitClassification {
  const state = stateOf(facts);
  const passive = passiveOperations.includes(operation);
  if (passive && expectedNegativeStates.includes(state)) {
    return { state, severity: operation === 'watcher_refresh' ? 'debug' : 'info', actionability: 'none', expectedNegativeState: true };
  }
  const [severity, actionability] = (passive ? passiveReaction[state] : undefined) ?? requestedReaction[state];
  return { state, severity, actionability, expectedNegativeState: false };
}
