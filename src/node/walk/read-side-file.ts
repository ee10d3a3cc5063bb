/**
 * Reads a file the scan reads for itself (`.gitignore`, `.contractsignore`, a lease budget) with
 * the care documents get, by the same guarded read (scan/read-file.ts): a link that leaves the folder it belongs to is not followed, the file is
 * opened without blocking and checked after opening (a FIFO, a device, a folder are refused
 * unread), and it is read only up to a fixed size. A missing file is `missing`; anything refused is
 * a refusal with a code and a message, for the report; nothing here throws.
 */
import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { formatBytes, readGuarded } from '../scan/read-file.js';

/** The largest side file read: ignore files and budgets of real repositories are a few KiB. */
export const MAX_SIDE_FILE_BYTES = 1024 * 1024;

export type SideFileRead =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'refused'; code: 'file/not-regular' | 'file/too-large' | 'file/unreadable' | 'file/outside'; message: string };

const MISSING: SideFileRead = { kind: 'missing' };

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Reads `file` if it is a regular file of at most MAX_SIDE_FILE_BYTES whose real path is inside `within` (a real path). */
export function readSideFile(file: string, within: string, maxBytes = MAX_SIDE_FILE_BYTES): SideFileRead {
  let real: string;
  try {
    // most side files are missing: asked without an exception (costly to build), then resolved in one call
    if (lstatSync(file, { throwIfNoEntry: false }) === undefined) return MISSING;
    real = realpathSync.native(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return MISSING;
    if (code === 'ELOOP') return { kind: 'refused', code: 'file/unreadable', message: 'symbolic link loop' };
    return { kind: 'refused', code: 'file/unreadable', message: `cannot read the file: ${code ?? (error as Error).message}` };
  }
  if (!isInside(real, within)) return { kind: 'refused', code: 'file/outside', message: 'symbolic link to outside the scanned folder' };
  let read: ReturnType<typeof readGuarded>;
  try {
    // the real path, not followed again: a link swapped in since is refused (ELOOP); one byte past the limit is read, whatever the size said
    read = readGuarded(real, maxBytes, { noFollow: true, checkGrowth: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return MISSING;
    if (code === 'ELOOP') return { kind: 'refused', code: 'file/unreadable', message: 'the file changed into a symbolic link while being read' };
    if (code === 'EISDIR') return { kind: 'refused', code: 'file/not-regular', message: 'a folder, not a regular file' };
    return { kind: 'refused', code: 'file/unreadable', message: `cannot read the file: ${code ?? (error as Error).message}` };
  }
  if ('ok' in read) return { kind: 'refused', code: 'file/unreadable', message: read.message };
  switch (read.kind) {
    case 'folder':
    case 'special':
      return { kind: 'refused', code: 'file/not-regular', message: `${read.kind === 'folder' ? 'a folder' : 'a FIFO, device or socket'}, not a regular file` };
    case 'too-large':
      return read.grew
        ? { kind: 'refused', code: 'file/too-large', message: `the file grew past the ${formatBytes(maxBytes)} limit of such files while being read` }
        : { kind: 'refused', code: 'file/too-large', message: `the file is ${formatBytes(read.size)}, over the ${formatBytes(maxBytes)} limit of such files` };
    case 'bytes':
      return { kind: 'text', text: read.bytes.toString('utf8') };
  }
}

/** The real path of a folder, or the path itself when it cannot be resolved. */
export function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return folder;
  }
}
