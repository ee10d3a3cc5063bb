import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

// What `npm run build` writes, and why it has this shape:
//
//   dist/esm/**            ESM, one module per source file (src/ and generated/, mirrored): the
//                          `import` condition of `.` and `./node`. Kept as modules so that, with
//                          `sideEffects: false`, an app's bundler drops every module the app does
//                          not use: importing one contract bundles that contract's validator alone,
//                          whatever a module computes at its top level.
//   dist/index.cjs, dist/node.cjs (+ a shared chunk)
//                          CommonJS, bundled with code splitting: the `require` condition. `./node`
//                          shares the core's chunk, so it uses the very same `contracts`.
//   dist/*.d.ts, *.d.cts   the types of both entries, rolled up, for ESM and CommonJS.
//   dist/cli.cjs           the bins, `validate-contracts` and `contracts`: each a small file with a
//   dist/contracts.js      shebang that tunes V8 and loads its command. `contracts` (ESM) turns on
//   dist/bins/*.js         V8's compile cache (Node 22.1 and later) and loads chunks of dist/bins/
//                          (code split: the lease and Git commands only when run).
//   dist/bins/validate-contracts.cjs
//                          `validate-contracts` (CommonJS: no ESM loader to start) loads its
//                          command from one minified CommonJS bundle (the scan, the validators,
//                          the reporters), compiled once and then reused from V8's code cache on
//                          every Node (code-cache.ts): what a one-document run spends is mostly
//                          compiling, and a classic script is the only form Node 20 can cache.
//                          Each bin starts its scan worker threads from its own file.
//
// - The JSON that code imports `with { type: 'json' }` (schemas in generated/definitions, the
//   package.json version in the CLI) is inlined in every output: no JSON module is imported at run
//   time (Node 20 before 20.10 cannot parse import attributes; the relative paths would not hold).
// - Only the package's `dependencies` (and node: built-ins) are imported at run time; anything
//   else the code imports is bundled, never left for an installed copy to miss.
// - No source maps: the output is readable, unminified ES2022, and maps would ship the sources twice.
const root = path.dirname(new URL(import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const external: NonNullable<Options['external']> = [...Object.keys(pkg.dependencies ?? {}), /^node:/];

const entries = { index: 'src/index.ts', node: 'src/node/index.ts' };
/** The bins, by the name of their file in dist/: ESM, and CommonJS (`.cjs`). */
const BINS = { contracts: 'src/node/commands/contracts-bin.ts' };
const CJS_BINS = { cli: 'src/node/cli/bin.ts' };
/** The command the validate-contracts bin loads, one CommonJS bundle (see code-cache.ts). */
const COMMAND_BUNDLES = { 'validate-contracts': 'src/node/cli/validate-contracts-main.ts' };
const binSources = new Set([...Object.values(BINS), ...Object.values(CJS_BINS), ...Object.values(COMMAND_BUNDLES)]);

/** Every source module of the library (src/ and generated/), without declarations and the bins. */
function libraryModules(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) return walk(rel);
      return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') && !binSources.has(rel) ? [rel] : [];
    });
  return [...walk('src'), ...walk('generated')].sort();
}

/** Replaces `import x from './file.json' with { type: 'json' };` by `const x = {...};`. */
const inlineJson: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'inline-json-imports',
  setup(build) {
    build.onLoad({ filter: /\.(ts|js)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const jsonImport = /^import\s+(\w+)\s+from\s+(['"])([^'"]+\.json)\2\s+with\s*\{\s*type:\s*['"]json['"]\s*\};?$/gm;
      if (!jsonImport.test(source)) return undefined;
      const contents = source.replace(jsonImport, (_all, name: string, _q: string, file: string) => {
        const value = JSON.parse(readFileSync(path.resolve(path.dirname(args.path), file), 'utf8')) as unknown;
        return `const ${name} = ${JSON.stringify(value)};`;
      });
      if (/\bfrom\s*['"][^'"]+\.json['"]|\bimport\s*\(\s*['"][^'"]+\.json['"]/.test(contents)) throw new Error(`${args.path}: a JSON import of another form; inline it or extend inline-json-imports`);
      return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
    });
  },
};

/** Puts the shebang on each bin and makes it executable. */
const binShebang: NonNullable<Options['plugins']>[number] = {
  name: 'bin-shebang',
  renderChunk(code, info) {
    const files = [...Object.keys(BINS).map((name) => `${name}.js`), ...Object.keys(CJS_BINS).map((name) => `${name}.cjs`)];
    if (!files.some((file) => info.path.endsWith(`${path.sep}${file}`) || info.path.endsWith(`/${file}`))) return undefined;
    info.mode = 0o755;
    return { code: code.startsWith('#!') ? code : `#!/usr/bin/env node\n${code}` };
  },
};

// The configurations below run side by side and write disjoint files, so none of them cleans:
// dist/ is emptied once, here, before they start.
if (!process.argv.includes('--watch')) rmSync(path.join(root, 'dist'), { recursive: true, force: true });

const common: Options = {
  target: 'es2022',
  sourcemap: false,
  clean: false,
  treeshake: false,
  // Keep `node:` on built-in imports: they then cannot be mistaken for packages of the same name.
  removeNodeProtocol: false,
  external,
  esbuildPlugins: [inlineJson],
};

export default defineConfig([
  {
    ...common,
    entry: libraryModules(),
    outDir: 'dist/esm',
    format: ['esm'],
    platform: 'neutral',
    bundle: false,
    dts: false,
  },
  {
    ...common,
    entry: entries,
    outDir: 'dist',
    format: ['cjs'],
    platform: 'neutral',
    splitting: true,
    dts: false,
  },
  {
    ...common,
    entry: entries,
    outDir: 'dist',
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
  {
    ...common,
    entry: BINS,
    outDir: 'dist',
    format: ['esm'],
    platform: 'node',
    splitting: true,
    // the chunks the bins load, apart from the library's files in dist/
    esbuildOptions(options) {
      options.chunkNames = 'bins/[name]-[hash]';
    },
    dts: false,
    plugins: [binShebang],
  },
  {
    ...common,
    entry: CJS_BINS,
    outDir: 'dist',
    format: ['cjs'],
    platform: 'node',
    splitting: false,
    outExtension: () => ({ js: '.cjs' }),
    dts: false,
    plugins: [binShebang],
  },
  {
    ...common,
    entry: Object.fromEntries(Object.entries(COMMAND_BUNDLES).map(([name, source]) => [`bins/${name}`, source])),
    outDir: 'dist',
    format: ['cjs'],
    platform: 'node',
    splitting: false,
    // read and parsed when no code cache can be used (a first run): smaller is faster
    minify: true,
    outExtension: () => ({ js: '.cjs' }),
    dts: false,
  },
]);
