/**
 * Reads a document file without ever writing to it: opened read-only, measured with fstat first,
 * and refused unread when it is larger than the limit, a folder, or not a regular file.
 */
import { closeSync, constants, fstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import path from 'node:path';

// Non-blocking, so that opening a FIFO named like a document cannot hang the walk.
const READ_ONLY = constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK;
// A file the walk saw as a regular file is opened without following a link: one swapped in since is refused.
const READ_ONLY_NOFOLLOW = typeof READ_ONLY === 'number' && constants.O_NOFOLLOW !== undefined ? READ_ONLY | constants.O_NOFOLLOW : READ_ONLY;

export type FileRead =
  | { ok: true; bytes: Buffer; identity?: string }
  | { ok: false; code: 'file/too-large' | 'file/unreadable' | 'file/is-directory' | 'file/not-regular'; message: string };

/** What reading a folder where a file was expected gives. */
const IS_DIRECTORY: FileRead = { ok: false, code: 'file/is-directory', message: 'a folder was given where a file was expected' };

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function failure(error: unknown, file?: string): FileRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return IS_DIRECTORY;
  if (code === 'ELOOP') return { ok: false, code: 'file/unreadable', message: 'the file became a symbolic link after the walk saw it: not read' };
  // Node lists a name that is not UTF-8 with U+FFFD in place of its bad bytes; that name opens nothing
  if (code === 'ENOENT' && file?.includes('\uFFFD')) {
    return { ok: false, code: 'file/unreadable', message: 'cannot read the file: its name is not valid UTF-8 (rename it)' };
  }
  return { ok: false, code: 'file/unreadable', message: `cannot read the file: ${code ?? (error as Error).message}` };
}

/** Longest pause between two reads of a standard input that has nothing yet (non-blocking). */
const MAX_STDIN_PAUSE_MS = 50;
let pauseCell: Int32Array | undefined;

/** Sleeps the thread, without spinning: standard input was opened non-blocking and has nothing yet. */
function pause(ms: number): void {
  pauseCell ??= new Int32Array(new SharedArrayBuffer(4));
  Atomics.wait(pauseCell, 0, 0, ms);
}

/** Reads standard input to its end, refusing it once it grows past the limit. */
export function readStandardInput(maxBytes: number): FileRead {
  try {
    const stat = fstatSync(0);
    if (stat.isDirectory()) return IS_DIRECTORY;
    if (stat.isFile() && stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let idle = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
        idle = 0;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          // nothing yet: wait a little longer each time (1 ms, doubling to 50 ms), not spinning a core
          pause(Math.min(MAX_STDIN_PAUSE_MS, 2 ** idle++));
          continue;
        }
        if ((error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return tooLarge(total, maxBytes, 'more than ');
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return failure(error);
  }
}

function tooLarge(size: number, maxBytes: number, qualifier = ''): FileRead {
  return {
    ok: false,
    code: 'file/too-large',
    message: `the file is ${qualifier}${formatBytes(size)}, over the --max-file-size limit of ${formatBytes(maxBytes)}: not read`,
  };
}

/** Where an open file really is (Linux), or undefined where that cannot be asked. */
function openedPath(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return undefined;
  }
}

const OUTSIDE: FileRead = { ok: false, code: 'file/unreadable', message: 'the file now leads outside the scanned folder (a link swapped in after the walk): not read' };

/**
 * Reads a document. `knownRegular`: the walk saw a regular file here (it is opened without
 * following a link). `within`: the real path of the scanned folder, for a file reached through a
 * link: where the system can say which file was opened, one outside that folder is not read.
 */
export function readDocumentFile(file: string, maxBytes: number, knownRegular = false, within?: string): FileRead {
  let fd: number;
  try {
    fd = openSync(file, knownRegular ? READ_ONLY_NOFOLLOW : READ_ONLY);
  } catch (error) {
    return failure(error, file);
  }
  try {
    if (within !== undefined) {
      const opened = openedPath(fd);
      if (opened !== undefined && opened !== within && !opened.startsWith(within.endsWith(path.sep) ? within : within + path.sep)) return OUTSIDE;
    }
    return readMeasured(fd, maxBytes);
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

function readMeasured(fd: number, maxBytes: number): FileRead {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) return IS_DIRECTORY;
  if (!stat.isFile()) return { ok: false, code: 'file/not-regular', message: 'not a regular file' };
  if (stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
  const bytes = Buffer.allocUnsafe(stat.size);
  let filled = 0;
  while (filled < stat.size) {
    const n = readSync(fd, bytes, filled, stat.size - filled, null);
    if (n === 0) break;
    filled += n;
  }
  const read: FileRead = { ok: true, bytes: filled === stat.size ? bytes : bytes.subarray(0, filled) };
  // a file with more than one name (a hard link) carries its identity, so that it is counted once
  if (stat.nlink > 1) read.identity = `${stat.dev}:${stat.ino}`;
  return read;
}
