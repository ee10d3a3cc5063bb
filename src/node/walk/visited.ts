import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * What a walk has handed out, by real path, across all its inputs, so that each file is handed
 * out once whatever the overlap of the paths given and the links followed (`r r`, `r r/sub`, a
 * link to a file or folder of the tree): every folder entered, and the files handed out other than
 * as entries of a folder entered (given by name, or reached through a link).
 */
export class Visited {
  private readonly folders = new Set<string>();
  private readonly files = new Set<string>();

  /** Records a folder about to be entered; false when it was entered already. */
  enterFolder(real: string): boolean {
    if (this.folders.has(real)) return false;
    this.folders.add(real);
    return true;
  }

  /** Records a file handed out by name or through a link; false when it or its folder was handed out already. */
  addFile(real: string): boolean {
    if (this.files.has(real) || this.folders.has(path.dirname(real))) return false;
    this.files.add(real);
    return true;
  }

  /** Whether any file was handed out by name or through a link (else no folder entry can have been). */
  get hasLooseFiles(): boolean {
    return this.files.size > 0;
  }

  /** Whether a file found as a folder entry was handed out already by name or through a link (ask hasLooseFiles first: it saves making `real`). */
  hasLoose(real: string): boolean {
    return this.files.has(real);
  }

  hasFolder(real: string): boolean {
    return this.folders.has(real);
  }

  /** Whether `real` is a folder entered, or inside one. */
  covers(real: string): boolean {
    for (let at = real; ; at = path.dirname(at)) {
      if (this.folders.has(at)) return true;
      if (path.dirname(at) === at) return false;
    }
  }
}

export const realOrSelf = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};
