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

/** Why a file was not read. */
export type FileRefusal = { ok: false; code: 'file/too-large' | 'file/unreadable' | 'file/is-directory' | 'file/not-regular'; message: string };

export type FileRead = { ok: true; bytes: Buffer; identity?: string } | FileRefusal;

/** What reading a folder where a file was expected gives. */
const IS_DIRECTORY: FileRefusal = { ok: false, code: 'file/is-directory', message: 'a folder was given where a file was expected' };

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

function failure(error: unknown, file?: string): FileRefusal {
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

/**
 * Reads into `buffer` from an open file or standard input: the number of bytes read, 0 at the end.
 * A descriptor opened non-blocking that has nothing yet is waited for, a little longer each time
 * (1 ms, doubling to 50 ms), without spinning a core.
 */
export function readChunk(fd: number, buffer: Buffer): number {
  for (let idle = 0; ; ) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      pause(Math.min(MAX_STDIN_PAUSE_MS, 2 ** idle++));
    }
  }
}

/** Reads standard input to its end (after `head`, what was read of it already), refusing it once it grows past the limit. */
export function readStandardInput(maxBytes: number, head?: Buffer): FileRead {
  try {
    const stat = fstatSync(0);
    if (stat.isDirectory()) return IS_DIRECTORY;
    if (stat.isFile() && stat.size > maxBytes) return tooLarge(stat.size, maxBytes);
    const chunks: Buffer[] = head ? [head] : [];
    let total = head?.length ?? 0;
    if (total > maxBytes) return tooLarge(total, maxBytes, 'more than ');
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (let n = readChunk(0, chunk); n > 0; n = readChunk(0, chunk)) {
      total += n;
      if (total > maxBytes) return tooLarge(total, maxBytes, 'more than ');
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return failure(error);
  }
}

/** A file (or standard input) opened to be read a chunk at a time, whatever its size. */
export type OpenedStream = { ok: true; fd: number; identity?: string; close(): void } | FileRefusal;

/**
 * Opens a document file to be read in chunks, with the care `readDocumentFile` takes (`source` `-`
 * is standard input): a folder, a device or a FIFO is refused, and nothing is refused for its size.
 */
export function openStream(file: string, knownRegular = false, within?: string): OpenedStream {
  if (file === '-') {
    try {
      if (fstatSync(0).isDirectory()) return IS_DIRECTORY;
    } catch (error) {
      return failure(error);
    }
    return { ok: true, fd: 0, close: () => undefined };
  }
  let fd: number;
  try {
    fd = openSync(file, knownRegular ? READ_ONLY_NOFOLLOW : READ_ONLY);
  } catch (error) {
    return failure(error, file);
  }
  const refused = (read: FileRefusal): OpenedStream => {
    closeSync(fd);
    return read;
  };
  try {
    if (within !== undefined && !openedWithin(fd, within)) return refused(OUTSIDE);
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return refused(IS_DIRECTORY);
    if (!stat.isFile()) return refused(NOT_REGULAR);
    const opened: OpenedStream = { ok: true, fd, close: () => closeSync(fd) };
    if (stat.nlink > 1) opened.identity = `${stat.dev}:${stat.ino}`;
    return opened;
  } catch (error) {
    return refused(failure(error));
  }
}

function tooLarge(size: number, maxBytes: number, qualifier = ''): FileRefusal {
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

/** Whether an open file is inside the folder `within` (true where the system cannot say). */
function openedWithin(fd: number, within: string): boolean {
  const opened = openedPath(fd);
  return opened === undefined || opened === within || opened.startsWith(within.endsWith(path.sep) ? within : within + path.sep);
}

const NOT_REGULAR: FileRefusal = { ok: false, code: 'file/not-regular', message: 'not a regular file' };

const OUTSIDE: FileRefusal = { ok: false, code: 'file/unreadable', message: 'the file now leads outside the scanned folder (a link swapped in after the walk): not read' };

/** What reading an opened file found: its bytes, or why it was not read. */
export type OpenedRead =
  | { kind: 'bytes'; bytes: Buffer; identity?: string }
  | { kind: 'folder' }
  | { kind: 'special' }
  | { kind: 'too-large'; size: number; grew: boolean };

/** How a guarded read opens and reads a file. */
export interface GuardedReadOptions {
  /** Open without following a link (the walk saw a regular file here, or the path is a real path). */
  noFollow: boolean;
  /** The real path of the folder the opened file must be in (where the system can say). */
  within?: string;
  /** Read one byte past the size `fstat` gave, to refuse a file that grew past the limit while read. */
  checkGrowth?: boolean;
  /**
   * A buffer to read into when the file fits: the bytes returned are then a view of it, valid until
   * the next read into it (no new buffer a file: 1.8–3.4 % of the time of a scan of 10,000 small files).
   */
  scratch?: Buffer;
}

/**
 * The one guarded read of the CLI, for documents and for the files it reads for itself: opened
 * read-only and without blocking (so a FIFO cannot hang it), checked after opening with one `fstat`
 * (a folder, a device or a FIFO swapped in is refused), refused unread past `maxBytes`, and closed.
 * An error opening it is the caller's to name (`open` failed: the errno is thrown).
 */
export function readGuarded(file: string, maxBytes: number, options: GuardedReadOptions): OpenedRead | typeof OUTSIDE {
  const fd = openSync(file, options.noFollow ? READ_ONLY_NOFOLLOW : READ_ONLY);
  try {
    if (options.within !== undefined && !openedWithin(fd, options.within)) return OUTSIDE;
    return readOpened(fd, maxBytes, options.checkGrowth === true, options.scratch);
  } finally {
    closeSync(fd);
  }
}

function readOpened(fd: number, maxBytes: number, checkGrowth: boolean, scratch: Buffer | undefined): OpenedRead {
  const stat = fstatSync(fd);
  if (stat.isDirectory()) return { kind: 'folder' };
  if (!stat.isFile()) return { kind: 'special' };
  if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size, grew: false };
  const want = checkGrowth ? Math.min(stat.size, maxBytes) + 1 : stat.size;
  const bytes = scratch && want <= scratch.length ? scratch.subarray(0, want) : Buffer.allocUnsafe(want);
  let filled = 0;
  while (filled < want) {
    const n = readSync(fd, bytes, filled, want - filled, null);
    if (n === 0) break;
    filled += n;
  }
  if (filled > maxBytes) return { kind: 'too-large', size: filled, grew: true };
  const read: OpenedRead = { kind: 'bytes', bytes: filled === want ? bytes : bytes.subarray(0, filled) };
  // a file with more than one name (a hard link) carries its identity, so that it is counted once
  if (stat.nlink > 1) read.identity = `${stat.dev}:${stat.ino}`;
  return read;
}

/**
 * Reads a document. `knownRegular`: the walk saw a regular file here (it is opened without
 * following a link). `within`: the real path of the scanned folder, for a file reached through a
 * link: where the system can say which file was opened, one outside that folder is not read.
 * `scratch`: a buffer to read into when the file fits (GuardedReadOptions.scratch).
 */
export function readDocumentFile(file: string, maxBytes: number, knownRegular = false, within?: string, scratch?: Buffer): FileRead {
  let read: ReturnType<typeof readGuarded>;
  try {
    read = readGuarded(file, maxBytes, { noFollow: knownRegular, within, scratch });
  } catch (error) {
    return failure(error, file);
  }
  if ('ok' in read) return read;
  switch (read.kind) {
    case 'folder':
      return IS_DIRECTORY;
    case 'special':
      return NOT_REGULAR;
    case 'too-large':
      return tooLarge(read.size, maxBytes);
    case 'bytes':
      return read.identity ? { ok: true, bytes: read.bytes, identity: read.identity } : { ok: true, bytes: read.bytes };
  }
}
