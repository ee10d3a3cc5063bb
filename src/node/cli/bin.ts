/**
 * The `validate-contracts` executable: tunes V8 (before any code is compiled, so that the code
 * cache matches from run to run; once, by the main thread: a scan worker shares its flags), then
 * loads the command, one CommonJS bundle (dist/bins/validate-contracts.cjs, built from
 * validate-contracts-main.ts), from V8's code cache (code-cache.ts), and runs it with this file as
 * the scan workers' script.
 */
import { isMainThread } from 'node:worker_threads';
import { loadBundle } from './code-cache.js';
import { tuneEngine } from './engine-tuning.js';

if (isMainThread) tuneEngine();
const command = loadBundle(new URL('./bins/validate-contracts.cjs', import.meta.url));
if ((command.exports as { start(binUrl: string): boolean }).start(import.meta.url)) command.keepAtExit();
