/**
 * The `validate-contracts` command as its executable runs it (bin.ts loads this, bundled): runs
 * the command and sets the exit code (output is flushed before exit); run as a worker thread by a
 * large scan, scans batches instead. True when it runs a scan: a run worth keeping the compiled
 * code of (code-cache.ts), unlike --help or a usage error, which compile little of the command.
 */
import { parseCliArgs } from './args.js';
import { main } from './main.js';
import { runBin } from './run-bin.js';

function scans(argv: readonly string[]): boolean {
  try {
    return parseCliArgs(argv).command === 'scan';
  } catch {
    return false;
  }
}

export function start(binUrl: string): boolean {
  return runBin('validate-contracts', binUrl, (argv, parallel) => main(argv, undefined, parallel)) && scans(process.argv.slice(2));
}
