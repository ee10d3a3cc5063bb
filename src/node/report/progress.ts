/**
 * A progress line on standard error, only on a terminal and only for a long run: nothing in the
 * first second, then the count of files at most ten times a second; cleared at the end.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  onFile(filesDone: number): void;
  done(): void;
}

const QUIET_PERIOD_MS = 1000;
const REFRESH_MS = 100;

export function createProgress(stream: ProgressStream, enabled = stream.isTTY === true): Progress {
  if (!enabled) return { onFile: () => undefined, done: () => undefined };
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    onFile(filesDone: number): void {
      if ((filesDone & 63) !== 0) return; // look at the clock every 64 files only
      const now = Date.now();
      if (now - start < QUIET_PERIOD_MS || now - last < REFRESH_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[Kvalidate-contracts: ${filesDone} files checked…`);
    },
    done(): void {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
