/**
 * Turns the command line's paths into inputs: a folder to walk, a file to read, or standard input.
 * A path that does not exist is a usage error (the CLI exits 2), found before anything is scanned.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export type Input =
  | { kind: 'stdin' }
  | { kind: 'folder'; path: string }
  | { kind: 'file'; path: string };

export class InputError extends Error {}

export const STDIN = '-';

export function resolveInputs(args: readonly string[], cwd: string): Input[] {
  const list = args.length === 0 ? ['.'] : args;
  let stdinSeen = false;
  return list.map((arg): Input => {
    if (arg === STDIN) {
      if (stdinSeen) throw new InputError('standard input (-) can be given only once');
      stdinSeen = true;
      return { kind: 'stdin' };
    }
    const absolute = path.resolve(cwd, arg);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`no such file or folder: ${arg}`);
      if (code === 'ELOOP') throw new InputError(`symbolic link loop: ${arg}`);
      if (code === 'EACCES') return { kind: 'file', path: absolute }; // reported as unreadable
      throw new InputError(`cannot access ${arg}: ${code ?? (error as Error).message}`);
    }
    return isFolder ? { kind: 'folder', path: absolute } : { kind: 'file', path: absolute };
  });
}
