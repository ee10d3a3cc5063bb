// Both entries export exactly the pinned names (./export-list.ts): values at run time, types as the
// TypeScript checker sees the entry modules.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import * as core from '../../src/index.js';
import * as node from '../../src/node/index.js';
import { coreTypes, coreValues, nodeTypes, nodeValues } from './export-list.js';

function exportedNames(entries: readonly string[]): string[][] {
  const program = ts.createProgram([...entries], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    resolveJsonModule: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  return entries.map((entry) => {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    return checker.getExportsOfModule(module).map((s) => s.name).sort();
  });
}

describe('the public exports', () => {
  test('at run time', () => {
    expect(Object.keys(core).sort()).toEqual(coreValues);
    expect(Object.keys(node).sort()).toEqual(nodeValues);
  });

  test('as types (values and type-only names)', () => {
    const [coreNames, nodeNames] = exportedNames(['src/index.ts', 'src/node/index.ts']);
    expect(coreNames).toEqual([...coreValues, ...coreTypes].sort());
    expect(nodeNames).toEqual([...nodeValues, ...nodeTypes].sort());
  });
});
