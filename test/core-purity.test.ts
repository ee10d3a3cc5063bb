// The main entry runs in browsers, Node and edge runtimes alike: no Node built-ins, no eval or
// new Function, and no clock or randomness read anywhere in the core or the generated validators.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { repoRoot } from './support/valid-examples.js';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const coreFiles = [...walk(join(repoRoot, 'src')), ...walk(join(repoRoot, 'generated'))]
  .filter((f) => /\.(ts|js)$/.test(f) && !relative(repoRoot, f).startsWith(join('src', 'node')));
const source = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');

test('the core imports no Node built-in and nothing from src/node', () => {
  const builtins = new Set(builtinModules);
  for (const file of coreFiles) {
    for (const [, spec] of source(file).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const name = spec as string;
      expect(name.startsWith('node:') || builtins.has(name.split('/')[0] as string), `${relative(repoRoot, file)} imports ${name}`).toBe(false);
      expect(name.includes('/node/'), `${relative(repoRoot, file)} imports ${name}`).toBe(false);
    }
  }
});

test('the core has no eval, new Function, clock or randomness', () => {
  for (const file of coreFiles) {
    const text = source(file);
    for (const banned of [/\beval\s*\(/, /new\s+Function\s*\(/, /\bDate\.now\s*\(/, /new\s+Date\s*\(\s*\)/, /Math\.random\s*\(/, /crypto\.getRandomValues|randomUUID/, /\bprocess\./]) {
      expect(banned.test(text), `${relative(repoRoot, file)} matches ${banned}`).toBe(false);
    }
  }
});
