// What a path is, Git-wise, classified before any Git command.
export * from './machine.js';
export { pathEvidenceOf, pathDigest, isAbsolutePath, type WorkspaceAlias } from './path-evidence.js';
export { gitWorkspaceRefusals, type GitWorkspaceRefusalCode } from './refusals.js';
