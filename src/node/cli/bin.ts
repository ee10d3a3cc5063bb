/**
 * The `validate-contracts` executable: turns on V8's compile cache where Node has it, then loads
 * the command (validate-contracts-main.ts, a chunk of its own, so that the cache covers it).
 */
import { useCompileCache } from './compile-cache.js';

useCompileCache();
await import('./validate-contracts-main.js');
