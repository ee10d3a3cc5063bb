// The source tree's shape: no import cycle anywhere in src/ (type imports included), and one folder
// a machine under src/machines/, each entered through its index.ts, with the shared parts in kernel/.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Each source file's relative imports (static, dynamic, re-exports), as resolved .ts paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => normalize(join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
    graph.set(file, targets);
  }
  return graph;
}

/** The first cycle found, as a list of files, or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next) && graph.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    if (state.has(file)) continue;
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('source layout', () => {
  test('no import cycle in src/', () => {
    const cycle = findCycle(importGraph());
    expect(cycle?.map((f) => relative(root, f)).join(' -> ') ?? null).toBeNull();
  });

  test('the cycle finder finds a cycle', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  test('src/machines/ holds one folder a machine, each with an index.ts, and no loose module but the catalogue', () => {
    const machines = join(src, 'machines');
    const entries = readdirSync(machines, { withFileTypes: true });
    const loose = entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    expect(loose).toEqual(['index.ts', 'machine-functions.ts']);
    for (const folder of entries.filter((e) => e.isDirectory())) {
      expect(readdirSync(join(machines, folder.name)), folder.name).toContain('index.ts');
    }
    expect(entries.filter((e) => e.isDirectory()).map((e) => e.name)).toContain('kernel');
  });

  test('machines import each other only through kernel/, signal/ or a folder index', () => {
    const machines = join(src, 'machines');
    for (const [file, targets] of importGraph()) {
      if (!file.startsWith(machines + '/')) continue;
      const own = relative(machines, file).split('/')[0];
      for (const target of targets) {
        if (!target.startsWith(machines + '/')) continue;
        const [folder, name] = relative(machines, target).split('/');
        if (folder === own || folder === 'kernel' || folder === 'signal' || !name) continue;
        expect(name, `${relative(root, file)} reaches into ${relative(root, target)}`).toBe('index.ts');
      }
    }
  });
});
