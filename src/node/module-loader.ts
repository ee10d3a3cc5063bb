/**
 * How the CLI loads a dependency it needs only now and then (`ignore`, `yaml`) synchronously: the
 * bin hands in `createRequire(<bin>)`; a CommonJS build has `__filename`. A CommonJS `require` of
 * such a package costs a few milliseconds where an ESM import costs tens, and the CLI's command
 * runs as a classic script (cli/code-cache.ts), where `import()` may not be available at all.
 */
import { createRequire } from 'node:module';

export type ModuleLoader = (id: string) => unknown;

let loader: ModuleLoader | undefined;

export function useModuleLoader(load: ModuleLoader): void {
  loader = load;
}

/** The synchronous loader, if there is one (not in the ESM library entry, unless a bin set it). */
export function syncLoader(): ModuleLoader | undefined {
  return loader ?? (typeof __filename === 'string' ? createRequire(__filename) : undefined);
}
