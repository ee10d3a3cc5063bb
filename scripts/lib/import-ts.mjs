// Imports a TypeScript module of src/ from a generator script: esbuild bundles it (with what it
// imports) into one ESM file in a temporary folder, which is then imported. Used by the steps that
// document exported data (the rule registry, the state machines' transition tables).
//
// `generated` (the files earlier steps of this run produced, path → content) is served in place of
// what is on disk, so a document step sees this run's types and validators even when the checked-in
// ones are stale or missing (as they are while `check:generated` looks for drift).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function overlayPlugin(root, generated) {
  const LOADERS = { '.ts': 'ts', '.js': 'js', '.json': 'json' };
  return {
    name: 'generated-overlay',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const abs = resolve(args.resolveDir, args.path);
        const rel = relative(root, abs).split('\\').join('/');
        const candidates = [rel, rel.replace(/\.js$/, '.ts')];
        const hit = candidates.find((c) => generated.has(c));
        return hit ? { path: join(root, hit), namespace: 'generated-overlay' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'generated-overlay' }, (args) => {
        const rel = relative(root, args.path).split('\\').join('/');
        const ext = rel.slice(rel.lastIndexOf('.'));
        return { contents: generated.get(rel), loader: LOADERS[ext] ?? 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** `platform: 'node'` for a module that uses Node built-ins (the compatibility engine of src/node/compat/). */
export async function importTs(root, entry, generated = new Map(), platform = 'neutral') {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    target: 'node20',
    logLevel: 'silent',
    plugins: [overlayPlugin(root, generated)],
  });
  const dir = mkdtempSync(join(tmpdir(), 'sourceos-generate-'));
  const file = join(dir, 'module.mjs');
  try {
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
