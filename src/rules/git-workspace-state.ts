import type { Rule } from './rule.js';

/** The rules of GitWorkspaceState that JSON Schema cannot say (the others are in its schema). */
export const gitWorkspaceStateRules: readonly Rule<'GitWorkspaceState'>[] = [];
