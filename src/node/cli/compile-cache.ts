/**
 * V8's compile cache for the bins, where Node has it (`module.enableCompileCache`, Node 22.1 and
 * later): the bundled code is compiled once and reused by later runs. A no-op where Node lacks it
 * (Node 20), and never fatal: a cache that cannot be opened leaves the run uncached.
 */
import module from 'node:module';

export function useCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable();
  } catch {
    // a cache folder that cannot be written: run without it
  }
}
