/**
 * Lease files as the estate keeps them: one file a resource, `<leaseFileName(resource)>`, holding
 * the Lease as Python's `json.dumps(indent=2, sort_keys=True)` writes it plus a newline, mode 0600.
 * Reading takes every `*.json` of the folder with the guarded read (size cap, regular files only);
 * a file that is not a valid Lease under its own name is kept apart as unreadable, never on a board.
 */
import { closeSync, constants, fsyncSync, openSync, readdirSync, writeSync, fchmodSync } from 'node:fs';
import path from 'node:path';
import type { Lease } from '../../../generated/types/index.js';
import { leaseFileName } from '../../machines/lease/index.js';
import { validate } from '../../validate.js';
import { readDocumentFile } from '../scan/read-file.js';
import { pythonJson } from './python-json.js';

/** No lease file is anywhere near this size; a larger one is not read. */
export const MAX_LEASE_FILE_BYTES = 64 * 1024;

export interface UnreadableLease {
  readonly file: string;
  readonly reason: string;
}

export interface LeaseFolder {
  /** Valid leases, each in the file its resource names. */
  readonly leases: Lease[];
  readonly unreadable: UnreadableLease[];
}

/** The bytes of a lease file. */
export const leaseFileText = (lease: Lease): string => `${pythonJson(lease)}\n`;

/** A lease file's content as a Lease, or why it is not one. */
export function readLeaseFile(file: string): { lease: Lease } | { reason: string } {
  const read = readDocumentFile(file, MAX_LEASE_FILE_BYTES);
  if (!read.ok) return { reason: read.message };
  let document: unknown;
  try {
    document = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    return { reason: 'not JSON (torn, or written by hand)' };
  }
  const errors = validate(document, { contract: 'Lease' }).issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) return { reason: `not a valid Lease: ${errors[0]?.message ?? ''} at ${errors[0]?.pointer || '/'}` };
  const lease = document as Lease;
  if (leaseFileName(lease.resource) !== path.basename(file)) return { reason: `its resource ${JSON.stringify(lease.resource)} belongs in ${leaseFileName(lease.resource)}` };
  return { lease };
}

/** Every lease of the folder (missing folder: none). */
export function readLeaseFolder(dir: string): LeaseFolder {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { leases: [], unreadable: [] };
    throw error;
  }
  const folder: LeaseFolder = { leases: [], unreadable: [] };
  for (const file of names.filter((n) => n.endsWith('.json')).sort()) {
    const read = readLeaseFile(path.join(dir, file));
    if ('lease' in read) folder.leases.push(read.lease);
    // a file removed between the listing and the read is simply gone
    else if (!read.reason.endsWith('ENOENT')) folder.unreadable.push({ file, reason: read.reason });
  }
  return folder;
}

/** Writes a new file (never an existing one) with mode 0600 and flushes it to disk. */
export function writeDurably(file: string, text: string): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    fchmodSync(fd, 0o600);
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    while (done < bytes.length) done += writeSync(fd, bytes, done);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (renames, links, removals) to disk. */
export function syncFolder(dir: string): void {
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } catch (error) {
    // some file systems cannot fsync a folder; the rename is still atomic there
    if (!['EINVAL', 'EISDIR', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    closeSync(fd);
  }
}
