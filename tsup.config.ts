import { readFileSync, rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Three entries, one direction: the browser-safe core (`.`), the Node entry (`./node`) and the bin.
//
// - One build with code splitting, so each format holds the core once, in a shared chunk: `./node`
//   and the bin use the very same module instance as `.` (one `contracts` object, one
//   ContractValidationError class), and the tarball does not carry three copies of the validators.
// - `index` and `node` are emitted as ESM (.js) and CommonJS (.cjs) with .d.ts / .d.cts types. The
//   bin is `dist/cli.js` (ESM, with a shebang, executable); its CommonJS twin is removed.
// - The JSON schemas that generated/definitions import `with { type: 'json' }` are inlined by
//   esbuild in both formats, and the precompiled validators (generated/validators/*.js) are
//   bundled, so nothing of ajv is needed at run time.
// - Only the package's `dependencies` (and node: built-ins) stay external: anything else the code
//   imports at run time is bundled, never left for an installed copy to miss.
// - No source maps: the output is readable, unminified ES2022, and maps would ship the sources twice.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const external: NonNullable<Options['external']> = [...Object.keys(pkg.dependencies ?? {}), /^node:/];

/** Puts the shebang on the bin (and only there) and makes it executable. */
const binShebang: NonNullable<Options['plugins']>[number] = {
  name: 'bin-shebang',
  renderChunk(code, info) {
    if (!/[\\/]cli\.c?js$/.test(info.path)) return undefined;
    info.mode = 0o755;
    return { code: code.startsWith('#!') ? code : `#!/usr/bin/env node\n${code}` };
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', cli: 'src/node/cli/bin.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', node: 'src/node/index.ts' } },
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: true,
  // esbuild's own tree shaking; the consumer's bundler does the rest (sideEffects: false).
  treeshake: false,
  external,
  // Keep `node:` on built-in imports: they then cannot be mistaken for packages of the same name.
  removeNodeProtocol: false,
  plugins: [binShebang],
  // The bin is ESM only (it starts worker threads from its own import.meta.url).
  onSuccess: async () => rmSync('dist/cli.cjs', { force: true }),
});
