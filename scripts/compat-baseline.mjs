#!/usr/bin/env node
// Records the released state for `npm run check:compat`: copies schemas/*.json and
// generated/rule-registry.json into compat-baseline/. `npm run release` runs it after
// `changeset version`, so the baseline is always the last release's contracts.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'compat-baseline');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'schemas'), { recursive: true });
const schemas = readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.json')).sort();
for (const f of schemas) copyFileSync(join(root, 'schemas', f), join(out, 'schemas', f));
copyFileSync(join(root, 'generated/rule-registry.json'), join(out, 'rule-registry.json'));
writeFileSync(
  join(out, 'README.md'),
  `# The compatibility baseline

The contracts as last released: \`schemas/\` and \`rule-registry.json\` (the issue codes and rules).
\`npm run check:compat\` compares the working tree with them and the pending changesets; \`npm run
release\` refreshes this folder (\`scripts/compat-baseline.mjs\`). Do not edit it by hand.
`,
);
console.log(`compat-baseline/: ${schemas.length} schemas and the rule registry`);
