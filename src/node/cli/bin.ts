/**
 * The `validate-contracts` executable: runs the command and sets the exit code (output is flushed
 * before exit). Run as a worker thread by a large scan, the same file scans batches instead.
 */
import { createRequire } from 'node:module';
import { isScanWorker, runScanWorker } from '../scan/worker.js';
import { useModuleLoader } from '../walk/rule-set.js';
import { main } from './main.js';
import { tuneEngine } from './engine-tuning.js';

if (isScanWorker()) runScanWorker();
else {
  tuneEngine();
  useModuleLoader(createRequire(import.meta.url));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`validate-contracts | head`) is not a failure of the tool.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  main(process.argv.slice(2), undefined, { script: new URL(import.meta.url) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`validate-contracts: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
