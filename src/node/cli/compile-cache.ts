/**
 * V8's compile cache for the bins, where Node has it (`module.enableCompileCache`, Node 22.1 and
 * later): the bundled code is compiled once and reused by later runs. Where Node lacks it (Node
 * 20) this does nothing and says so (code-cache.ts then keeps the command's code itself). Never
 * fatal: a cache that cannot be opened leaves the run uncached.
 */
import module from 'node:module';

/** Turns Node's compile cache on; false when this Node has none. */
export function useCompileCache(): boolean {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return false;
  try {
    enable();
  } catch {
    // a cache folder that cannot be written: run without it
  }
  return true;
}
