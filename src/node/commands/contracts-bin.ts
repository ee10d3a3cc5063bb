/**
 * The `contracts` executable: tunes V8 (the main thread; a scan worker shares its flags), turns on
 * V8's compile cache where Node has it, then loads the command (contracts-main.ts, a chunk of its
 * own, so that the cache covers it).
 */
import { isMainThread } from 'node:worker_threads';
import { useCompileCache } from '../cli/compile-cache.js';
import { tuneEngine } from '../cli/engine-tuning.js';

if (isMainThread) tuneEngine();
useCompileCache();
await import('./contracts-main.js');
