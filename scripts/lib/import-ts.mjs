// Imports a TypeScript module of src/ from a generator script: esbuild bundles it (with what it
// imports) into one ESM file in a temporary folder, which is then imported. Used by the steps that
// document exported data (the rule registry, the state machines' transition tables).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(root, entry) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    logLevel: 'silent',
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
