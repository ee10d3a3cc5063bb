/**
 * The `validate-contracts` command as its executable runs it: runs the command and sets the exit code (output is flushed
 * before exit). Run as a worker thread by a large scan, the same file scans batches instead.
 */
import { main } from './main.js';
import { runBin } from './run-bin.js';

runBin('validate-contracts', import.meta.url, (argv, parallel) => main(argv, undefined, parallel));
