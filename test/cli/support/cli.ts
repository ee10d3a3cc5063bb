// Runs the real, built CLI (dist/cli.cjs) as a child process. `npm run build` precedes `npm test`
// in CI; when dist/cli.cjs is missing, it is built here once (a lock keeps parallel files apart).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
export const cliPath = path.join(repoRoot, 'dist', 'cli.cjs');
/** The `contracts` bin, built with the other. */
export const contractsBinPath = path.join(repoRoot, 'dist', 'contracts.js');

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

export function ensureBuilt(): void {
  const built = () => existsSync(cliPath) && existsSync(contractsBinPath);
  if (built()) return;
  const lock = path.join(repoRoot, '.tmp', 'cli-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (built() || waited > 120_000) return;
      sleep(200);
    }
  }
  try {
    if (built()) return;
    const build = spawnSync('npx', ['tsup'], { cwd: repoRoot, encoding: 'utf8', shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error(`building dist/cli.cjs failed:\n${build.stdout}\n${build.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export interface RunOptions {
  cwd: string;
  /** Text for standard input, or a file descriptor to use as standard input. */
  stdin?: string | Buffer | number;
  env?: Record<string, string | undefined>;
  /** Run as the user nobody (for a root test run, where file modes deny nothing). */
  asNobody?: boolean;
  /** The bin to run (default: dist/cli.cjs, validate-contracts). */
  bin?: string;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: RunOptions): CliRun {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  const input = typeof options.stdin === 'number' ? undefined : options.stdin ?? '';
  const stdio: ('pipe' | number)[] = typeof options.stdin === 'number' ? [options.stdin, 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'];
  const command = options.asNobody ? 'setpriv' : process.execPath;
  const prefix = options.asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  const child: SpawnSyncReturns<string> = spawnSync(command, [...prefix, options.bin ?? cliPath, ...args], {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    input,
    stdio,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** The summary line the pretty and github formats end with, written independently of the tool. */
/** The JSON report's `summary.skippedAs`: the skipped entries counted by why. */
export interface SkippedAs {
  otherSourceOS: number;
  notJson: number;
  otherJson: number;
  other: number;
}

export function expectedSummaryLine(
  s: { files: number; documents: number; valid: number; invalid: number; skipped: number; errors: number; warnings: number; skippedAs?: SkippedAs },
  verbose = false,
): string {
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  let skipped = `${s.skipped} skipped`;
  const as = s.skippedAs;
  // why, when documents of other SourceOS families or text that is not JSON were skipped
  if (as && (as.otherSourceOS > 0 || as.notJson > 0)) {
    const why = [
      as.otherSourceOS > 0 ? n(as.otherSourceOS, 'other SourceOS document') : '',
      as.notJson > 0 ? `${as.notJson} not JSON` : '',
      as.otherJson > 0 ? `${as.otherJson} other JSON` : '',
      as.other > 0 ? `${as.other} for other reasons` : '',
    ].filter(Boolean);
    skipped += ` (${why.join(', ')}: ${verbose ? 'listed above' : '--verbose lists them'})`;
  }
  return `Checked ${n(s.files, 'file')}: ${n(s.documents, 'document')} (${s.valid} valid, ${s.invalid} invalid), ${skipped}; ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')}.`;
}
