import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Three entries, one direction: the browser-safe core, the Node entry, and the bin.
//
// - `index` and `node` are emitted as ESM (.js) and CommonJS (.cjs) with .d.ts / .d.cts types,
//   built together with code splitting, so the core lives once in a shared chunk and `./node`
//   uses the very same module instance as `.` (one `contracts` object, one ContractValidationError
//   class) in each format.
// - The JSON schemas that generated/definitions import `with { type: 'json' }` are inlined into
//   the bundle by esbuild in both formats; the precompiled validators (generated/validators/*.js)
//   are bundled too, so nothing of ajv is needed at run time.
// - Only the package's `dependencies` (and node: built-ins) stay external: a devDependency that
//   code imports at run time is bundled, never left for an installed copy to miss.
// - No source maps: the output is unminified ES2022 and maps would ship the sources a second time.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const runtimeDependencies = Object.keys(pkg.dependencies ?? {});
const external: NonNullable<Options['external']> = [...runtimeDependencies, /^node:/];

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
    external,
  },
  {
    entry: { cli: 'src/node/cli/bin.ts' },
    format: ['esm'],
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external,
  },
]);
