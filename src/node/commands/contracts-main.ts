/**
 * The `contracts` command as its executable runs it (`npx @sourceos/contracts <command>`): runs the command and sets the
 * exit code. Run as a worker thread by a large scan of `contracts validate`, the same file scans
 * batches instead, as the validate-contracts bin does.
 */
import { runBin } from '../cli/run-bin.js';
import { runContracts } from './index.js';

runBin('contracts', import.meta.url, (argv, parallel) => runContracts(argv, undefined, { parallel }));
