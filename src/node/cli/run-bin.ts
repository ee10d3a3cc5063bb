/**
 * What each executable does around its command: run as a worker thread by a large scan, scan
 * batches instead (false); otherwise load rule modules relative to the bin, treat a closed pipe as
 * done, run the command with the bin as the scan workers' script, and set the exit code (output is
 * flushed before exit); true. An error that escapes the command is one line, exit 2. (The bins tune
 * V8 themselves, engine-tuning.ts, before their command's code is compiled.)
 */
import { createRequire } from 'node:module';
import { isScanWorker, runScanWorker } from '../scan/worker.js';
import type { ParallelOptions } from '../scan/scan.js';
import { useModuleLoader } from '../module-loader.js';

export function runBin(name: string, binUrl: string, command: (argv: readonly string[], parallel: ParallelOptions) => Promise<number>): boolean {
  if (isScanWorker()) {
    runScanWorker();
    return false;
  }
  useModuleLoader(createRequire(binUrl));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`<bin> ... | head`) is not a failure of the tool.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  command(process.argv.slice(2), { script: new URL(binUrl) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
  return true;
}
