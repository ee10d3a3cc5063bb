/**
 * The `validate-contracts` executable, built as CommonJS (dist/cli.cjs: Node starts a CommonJS
 * file without its ESM loader, ten milliseconds less a run). It tunes V8 (before any code is
 * compiled, so that the code cache matches from run to run; once, by the main thread: a scan worker
 * shares its flags), then loads the command, one CommonJS bundle (dist/bins/validate-contracts.cjs,
 * built from validate-contracts-main.ts), from V8's code cache (code-cache.ts), and runs it with
 * this file as the scan workers' script.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { loadBundle } from './code-cache.js';
import { tuneEngine } from './engine-tuning.js';

if (isMainThread) tuneEngine();
const command = loadBundle(pathToFileURL(path.join(__dirname, 'bins', 'validate-contracts.cjs')));
(command.exports as { start(binUrl: string): void }).start(pathToFileURL(__filename).href);
