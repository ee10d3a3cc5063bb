/**
 * The `contracts` executable (`npx @sourceos/contracts <command>`): runs the command and sets the
 * exit code. Run as a worker thread by a large scan of `contracts validate`, the same file scans
 * batches instead, as the validate-contracts bin does.
 */
import { createRequire } from 'node:module';
import { isScanWorker, runScanWorker } from '../scan/worker.js';
import { useModuleLoader } from '../walk/rule-set.js';
import { tuneEngine } from '../cli/engine-tuning.js';
import { runContracts } from './index.js';

if (isScanWorker()) runScanWorker();
else {
  tuneEngine();
  useModuleLoader(createRequire(import.meta.url));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`contracts ... | head`) is not a failure of the tool.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runContracts(process.argv.slice(2), undefined, { parallel: { script: new URL(import.meta.url) } }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`contracts: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
