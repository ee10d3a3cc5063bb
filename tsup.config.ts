import { defineConfig } from 'tsup';

// Three entries, one direction: the browser-safe core, the Node entry, and the bin.
// Every entry is emitted as ESM and CommonJS with .d.ts / .d.cts types.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    external: ['ajv', 'ajv-formats', 'ignore', 'yaml', /^node:/],
  },
  {
    entry: { cli: 'src/node/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['ajv', 'ajv-formats', 'ignore', 'yaml'],
  },
]);
