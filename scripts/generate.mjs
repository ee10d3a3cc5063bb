#!/usr/bin/env node
// `npm run generate`: writes every generated file from schemas/ (and, for docs and the examples
// manifest, from the exported rule registry and transition tables). One step a file in scripts/generate/.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSteps, OWNED_DIRS } from './lib/steps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = await runSteps(root);
for (const dir of OWNED_DIRS) rmSync(join(root, dir), { recursive: true, force: true });
for (const f of files) {
  mkdirSync(dirname(join(root, f.path)), { recursive: true });
  writeFileSync(join(root, f.path), f.content);
}
console.log(`generated ${files.length} files`);
