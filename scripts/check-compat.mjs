#!/usr/bin/env node
// `npm run check:compat`: the release gate. Compares schemas/ and generated/rule-registry.json with
// the last release's (compat-baseline/, refreshed by `npm run release` through
// scripts/compat-baseline.mjs), reads the pending changesets (.changeset/*.md), applies the 0.x
// rule of CONTRIBUTING.md (while 0.x a major-class change needs a minor bump, a minor- or
// patch-class one a patch bump) and exits 1 when the pending bump is smaller than the change
// demands, naming each schema, change and the changeset to write. Exit 2 when it cannot compare.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './lib/import-ts.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE = 'compat-baseline';
const PACKAGE = '@sourceos/contracts';
const BUMPS = ['none', 'patch', 'minor', 'major'];
const rank = (bump) => BUMPS.indexOf(bump);

function fail(message) {
  console.error(`check:compat: ${message}`);
  process.exit(2);
}

/** The packages whose changesets bump this one: itself and its `fixed` group. */
function packagesOf() {
  const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
  const group = (config.fixed ?? []).find((g) => g.includes(PACKAGE)) ?? [];
  return new Set([PACKAGE, ...group]);
}

/** Each pending changeset with the bump it gives this package (front matter lines `'name': bump`). */
export function pendingChangesets(dir, packages) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n/g, '\n');
    const front = /^---\n([\s\S]*?)\n---/.exec(text);
    if (!front) continue;
    let bump = 'none';
    for (const line of front[1].split('\n')) {
      const m = /^\s*(['"]?)([^'":]+)\1\s*:\s*(patch|minor|major)\s*$/.exec(line);
      if (m && packages.has(m[2].trim()) && rank(m[3]) > rank(bump)) bump = m[3];
    }
    if (bump !== 'none') out.push({ file: `.changeset/${name}`, bump });
  }
  return out;
}

/** The bump a class of change demands at a version (CONTRIBUTING.md, "How the versions move"). */
export function bumpFor(cls, version) {
  if (cls === 'none') return 'none';
  if (!version.startsWith('0.')) return cls;
  return cls === 'major' ? 'minor' : 'patch';
}

const baseline = join(root, BASELINE);
if (!existsSync(join(baseline, 'schemas')) || !existsSync(join(baseline, 'rule-registry.json'))) {
  fail(`no baseline in ${BASELINE}/ (schemas/ and rule-registry.json): run \`node scripts/compat-baseline.mjs\` to record the released state`);
}
const registry = join(root, 'generated/rule-registry.json');
if (!existsSync(registry)) fail('generated/rule-registry.json is missing: run `npm run generate`');

const engine = await importTs(root, 'src/node/compat/index.ts', new Map(), 'node');
let report;
try {
  report = engine.compatReport({ old: join(BASELINE, 'schemas'), new: 'schemas', rules: { old: join(BASELINE, 'rule-registry.json'), new: 'generated/rule-registry.json' } }, root);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const needed = bumpFor(report.class, version);
const changesets = pendingChangesets(join(root, '.changeset'), packagesOf());
const given = changesets.reduce((best, c) => (rank(c.bump) > rank(best) ? c.bump : best), 'none');
const pending = changesets.length ? `${changesets.length} pending changeset(s), the largest bump ${given}` : 'no pending changeset';

console.log(`check:compat: ${PACKAGE}@${version}: since the baseline (${BASELINE}/) the contracts changed: ${report.class}, which needs ${needed === 'none' ? 'no' : `a ${needed}`} bump; ${pending}`);
if (rank(given) >= rank(needed)) process.exit(0);

const lines = [];
for (const entry of report.schemas) {
  const decisive = entry.changes.filter((c) => rank(bumpFor(c.class, version)) > rank(given));
  if (!decisive.length) continue;
  lines.push(`  ${entry.new ?? entry.old} (${entry.id}): ${entry.class}`);
  for (const c of decisive) lines.push(`    ${c.class}  ${c.pointer || '/'}  ${c.code}: ${c.message}`);
}
console.error(`check:compat: the pending bump (${given}${changesets.length ? `: ${changesets.map((c) => `${c.file} ${c.bump}`).join(', ')}` : ''}) is smaller than the changes demand (${needed}${version.startsWith('0.') && report.class === 'major' ? ': a major-class change while 0.x' : ''}):
${lines.join('\n')}
Write a changeset that bumps enough, e.g. .changeset/<short-name>.md:
---
'${PACKAGE}': ${needed}
---

<What changed, and what a producer and a reader must do.>

(Or undo the change. \`npx contracts compat ${BASELINE}/schemas schemas\` shows every change; docs/compat.md explains each code.)`);
process.exit(1);
