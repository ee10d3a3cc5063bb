/**
 * Ids come in from the caller: a machine that needs a new document id calls `mintId(kind)` and
 * nothing else (no randomness, no counter of its own). The minter may return the whole URN
 * (`urn:srcos:capability-ledger:0001`) or only what follows the prefix (`0001`); the machine adds
 * the prefix when it is missing. A minted value that is not a usable id makes the transition refuse
 * with `<machine>/invalid-input`, because the document it would emit does not validate.
 */

/** What an id is minted for; the URN prefix is `urn:srcos:<kind>:`. */
export type IdKind =
  | 'capability-ledger'
  | 'receipt:browser-automation'
  | 'receipt:orphan-event'
  | 'receipt:runtime-install'
  | 'git-workspace-state'
  | 'session-dag-node'
  | 'decision';

/** Mints a new id of a kind: the whole URN, or the part after `urn:srcos:<kind>:`. */
export type MintId = (kind: IdKind) => string;

/** The URN prefix of ids of a kind. */
export const urnPrefix = (kind: IdKind): string => `urn:srcos:${kind}:`;

/** A new URN of a kind from the caller's minter. */
export function mintUrn(mintId: MintId, kind: IdKind): string {
  const minted = String(mintId(kind));
  const prefix = urnPrefix(kind);
  return minted.startsWith(prefix) ? minted : `${prefix}${minted}`;
}
