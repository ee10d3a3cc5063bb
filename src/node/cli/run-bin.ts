/**
 * What each executable does around its command: run as a worker thread by a large scan, scan
 * batches instead; otherwise tune V8, load rule modules relative to the bin, treat a closed pipe as
 * done, run the command with the bin as the scan workers' script, and set the exit code (output is
 * flushed before exit). An error that escapes the command is one line, exit 2.
 */
import { createRequire } from 'node:module';
import { isScanWorker, runScanWorker } from '../scan/worker.js';
import type { ParallelOptions } from '../scan/scan.js';
import { useModuleLoader } from '../walk/rule-set.js';
import { tuneEngine } from './engine-tuning.js';

export function runBin(name: string, binUrl: string, command: (argv: readonly string[], parallel: ParallelOptions) => Promise<number>): void {
  if (isScanWorker()) {
    runScanWorker();
    return;
  }
  tuneEngine();
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
}
