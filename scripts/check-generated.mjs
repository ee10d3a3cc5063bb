#!/usr/bin/env node
// `npm run check:generated`: regenerates everything in memory and fails when the checked-in files
// differ, are missing, or when a generated folder holds a file no step writes (stale or untracked).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSteps, OWNED_DIRS } from './lib/steps.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = await runSteps(root);
const expected = new Map(files.map((f) => [f.path, f.content]));
const problems = [];
for (const [path, content] of expected) {
  const abs = join(root, path);
  if (!existsSync(abs)) problems.push(`missing: ${path}`);
  else if (readFileSync(abs, 'utf8') !== content) problems.push(`differs: ${path}`);
}
// Python's bytecode caches (__pycache__, ignored by git) are no generated files.
const walk = (dir) => readdirSync(dir).filter((n) => n !== '__pycache__').flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const dir of OWNED_DIRS) {
  if (!existsSync(join(root, dir))) continue;
  for (const abs of walk(join(root, dir))) {
    const path = relative(root, abs).split('\\').join('/');
    if (!expected.has(path)) problems.push(`not generated: ${path}`);
  }
}
if (problems.length) {
  console.error(`Generated files are out of date (${problems.length}):\n  ${problems.join('\n  ')}\nRun \`npm run generate\` and commit the result.`);
  process.exit(1);
}
console.log(`generated files are up to date (${files.length} files)`);
