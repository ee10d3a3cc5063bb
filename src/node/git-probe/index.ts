// The Git workspace probe: a path's GitWorkspaceState from the file system, without running Git.
export { probeGitWorkspace, localGitProbeRefs, type GitProbeOptions, type GitProbeRefs, type GitProbeResult } from './probe.js';
export { readGitFacts } from './read-facts.js';
export { createGitProbeCache, DEFAULT_GIT_PROBE_TTL_MS, DEFAULT_GIT_PROBE_CACHE_ENTRIES, type GitProbeCache, type GitProbeCacheOptions } from './cache.js';
export { nodeGitProbeFs, type GitProbeFs, type GitProbeEntryKind } from './fs.js';
