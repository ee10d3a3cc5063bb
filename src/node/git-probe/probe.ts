/**
 * `probeGitWorkspace(path, options)`: what a path is, Git-wise, as a GitWorkspaceState document
 * written by the classification machine from what the file system shows (`read-facts.ts`); Git is
 * never run. Node supplies what the pure machine takes as inputs: the clock, ids
 * (`crypto.randomUUID`), the home folder; each can be overridden, as can the references the document
 * carries. Repeated probes of one path within the cache window return the first document.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { buildGitWorkspaceState, type GitOperation, type GitProbeFacts, type GitWorkspaceRefusalCode, type MintId, type Refusal, type WorkspaceAlias } from '../../index.js';
import type { GitWorkspaceState } from '../../../generated/types/index.js';
import { createGitProbeCache, type GitProbeCache } from './cache.js';
import type { GitProbeFs } from './fs.js';
import { readGitFacts } from './read-facts.js';

/** The references a GitWorkspaceState carries: who asked, under which ledger, workspace and decision. */
export interface GitProbeRefs {
  readonly sessionRef: string;
  readonly capabilityLedgerRef: string;
  readonly workspaceRef: string;
  readonly policyDecisionRef: string;
  readonly agentMachineReceiptRef?: string | null;
  readonly causalRefs?: readonly string[];
  /** Default: the path's digest. */
  readonly evidenceRefs?: readonly string[];
}

/** The references of a probe made outside any session (the `contracts git-state` command's). */
export const localGitProbeRefs: GitProbeRefs = {
  sessionRef: 'urn:srcos:session:local',
  capabilityLedgerRef: 'urn:srcos:capability-ledger:local',
  workspaceRef: 'urn:srcos:workspace:local',
  policyDecisionRef: 'urn:srcos:decision:local',
};

export interface GitProbeOptions {
  /** What led to the probe (default `passive_discovery`: expected negative states are `info`). */
  readonly operation?: GitOperation;
  /** The folder a relative path is resolved against (default: the working folder). */
  readonly cwd?: string;
  /** Shown as `~` in the path hint (default: the user's home folder; null: no hint). */
  readonly homeDir?: string | null;
  readonly workspaceAlias?: WorkspaceAlias | null;
  /** Default: `localGitProbeRefs`, each overridable. */
  readonly refs?: Partial<GitProbeRefs>;
  /** The clock, milliseconds since 1970 (default `Date.now`). */
  readonly now?: () => number;
  /** Mints the document's id (default: a random UUID). */
  readonly mintId?: MintId;
  /** Default: one cache for the process (5 s window, 128 paths); null: always probe. */
  readonly cache?: GitProbeCache | null;
  readonly fs?: GitProbeFs;
}

export type GitProbeResult =
  | { readonly ok: true; readonly document: GitWorkspaceState; readonly facts: GitProbeFacts; readonly cached: boolean }
  | { readonly ok: false; readonly refusal: Refusal<GitWorkspaceRefusalCode> };

type Accepted = Extract<GitProbeResult, { ok: true }>;

const processCache: GitProbeCache = createGitProbeCache();

/** The RFC 3339 form of a clock reading, whole seconds. */
const rfc3339 = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Probes a path (resolved against `cwd`) and returns its GitWorkspaceState. */
export function probeGitWorkspace(target: string, options: GitProbeOptions = {}): GitProbeResult {
  const resolved = path.resolve(options.cwd ?? process.cwd(), target);
  const operation = options.operation ?? 'passive_discovery';
  const homeDir = options.homeDir === undefined ? os.homedir() || null : options.homeDir;
  const refs: GitProbeRefs = { ...localGitProbeRefs, ...options.refs };
  const nowMs = (options.now ?? Date.now)();
  const cache = options.cache === undefined ? processCache : options.cache;
  const key = JSON.stringify([resolved, operation, homeDir, options.workspaceAlias ?? null, refs]);
  const hit = cache?.get(key, nowMs) as Accepted | undefined;
  if (hit) return { ...hit, cached: true };

  const facts = readGitFacts(resolved, options.fs);
  const mintId = options.mintId ?? (() => randomUUID());
  const outcome = buildGitWorkspaceState({ path: resolved, homeDir, workspaceAlias: options.workspaceAlias ?? null, facts, operation, ...refs }, rfc3339(nowMs), mintId);
  if (!outcome.ok) return outcome;
  const result: Accepted = { ok: true, document: outcome.state, facts, cached: false };
  cache?.set(key, result, nowMs);
  return result;
}
