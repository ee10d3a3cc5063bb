/**
 * The `validate-contracts` command as its executable runs it (bin.ts loads this, bundled): runs
 * the command and sets the exit code (output is flushed before exit); run as a worker thread by a
 * large scan, scans batches instead.
 */
import { main } from './main.js';
import { runBin } from './run-bin.js';

export function start(binUrl: string): void {
  runBin('validate-contracts', binUrl, (argv, parallel) => main(argv, undefined, parallel));
}
