/**
 * Applies one emission of the lease machine to the folder, through the lock holder's private folder
 * so that it fails once the lock is no longer the holder's (fencing): a write is a temporary file
 * there, flushed, then renamed over the lease it replaces or hard-linked to a new name (a link never
 * overwrites); a removal renames the file into the private folder and checks it is the lease the
 * machine read, putting anything else back.
 */
import { linkSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { LEASE_DIR } from '../../machines/kernel/conventions.js';
import { leaseFileName, type LeaseEmission } from '../../machines/lease/index.js';
import { leaseFileText, writeDurably } from './lease-files.js';
import type { HeldLock } from './lock.js';

/** The lock was taken from this process: nothing more of the operation may land. */
export class LockLost extends Error {}
/** A writer that takes no lock changed a lease file meanwhile. */
export class ChangedOnDisk extends Error {}

/** Applies one emission through the lock's private folder, so it fails once the lock is lost. */
export function applyEmission(root: string, e: LeaseEmission, lock: HeldLock, onDisk: ReadonlySet<string>): void {
  const target = path.join(root, e.path ?? path.join(LEASE_DIR, leaseFileName(e.document.resource)));
  const fenced = (error: unknown): never => {
    if (!lock.held()) throw new LockLost();
    if (['ENOENT', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw new ChangedOnDisk();
    throw error;
  };
  if (e.action === 'write') {
    const temporary = lock.scratch('write');
    try {
      writeDurably(temporary, leaseFileText(e.document));
      // a lease replaced is renamed over; a new one is linked, which never overwrites a file
      if (onDisk.has(path.basename(target))) renameSync(temporary, target);
      else linkSync(temporary, target);
    } catch (error) {
      fenced(error);
    }
    return;
  }
  const removed = lock.scratch('removed');
  try {
    renameSync(target, removed);
  } catch (error) {
    fenced(error);
  }
  // only the lease that was read is removed: another writer's file goes back where it was
  let same = false;
  try {
    same = isDeepStrictEqual(JSON.parse(readFileSync(removed, 'utf8')), e.document);
  } catch {
    same = false;
  }
  if (!same) {
    try {
      linkSync(removed, target);
    } catch {
      // a newer file took its place meanwhile; the one removed was not this store's to keep
    }
    throw new ChangedOnDisk();
  }
}
