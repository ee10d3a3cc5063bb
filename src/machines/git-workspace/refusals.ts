// The reasons the git workspace machine refuses a transition, code → when.
import { INVALID_NOW, type RefusalTable } from '../kernel/outcome.js';

export const gitWorkspaceRefusals = {
  'git/invalid-now': INVALID_NOW,
  'git/path-not-absolute': 'The probed path (or the home folder, or a workspace alias root) is not absolute.',
  'git/invalid-input': 'An input of the wrong type, or the GitWorkspaceState would not validate (a reference of the wrong kind, a HEAD that is not 7–40 hex digits, ...).',
} as const satisfies RefusalTable<`git/${string}`>;
export type GitWorkspaceRefusalCode = keyof typeof gitWorkspaceRefusals;
