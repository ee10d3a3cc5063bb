// The walker: what is entered, what is left out and why, and links that must not lead astray.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { InputError, resolveInputs } from '../../src/node/walk/inputs.js';
import { walkInputs, type WalkItem } from '../../src/node/walk/walk.js';

let root: string;

function write(relative: string, content = '{}'): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function walk(args: string[] = ['.'], ignore: string[] = [], cwd = root): WalkItem[] {
  return [...walkInputs(resolveInputs(args, cwd), { cwd, ignore })];
}

const files = (items: WalkItem[]): string[] => items.flatMap((i) => (i.kind === 'file' ? [i.display] : []));
const skipped = (items: WalkItem[]): [string, string][] => items.flatMap((i) => (i.kind === 'skipped' ? [[i.display, i.reason] as [string, string]] : []));

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'walk-test-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('walkInputs', () => {
  test('walks depth first in code-point order, documents only, never .git or node_modules', () => {
    for (const f of ['b.json', 'a/z.jsonl', 'a/y.ndjson', 'a/x.txt', 'B.json', '.git/config.json', 'node_modules/p/package.json', 'c/node_modules/q.json', 'c/d.JSON']) write(f);
    expect(files(walk())).toEqual(['B.json', 'a/y.ndjson', 'a/z.jsonl', 'b.json', 'c/d.JSON']);
  });

  test('nested .gitignore files apply as git applies them: the deepest rule that matches decides', () => {
    write('.gitignore', '*.json\n!keep.json\nbuild/\n');
    write('keep.json');
    write('drop.json');
    write('build/keep.json');
    write('sub/.gitignore', '!again.json\n');
    write('sub/again.json');
    write('sub/other.json');
    write('sub/deeper/.gitignore', 'keep.json\n');
    write('sub/deeper/keep.json');
    expect(files(walk())).toEqual(['keep.json', 'sub/again.json']);
  });

  test('a .contractsignore at the root and --ignore patterns leave paths out', () => {
    write('.contractsignore', '# bad ones\nfixtures/\n');
    write('fixtures/bad.json');
    write('good/a.json');
    write('good/b.json');
    expect(files(walk(['.'], ['good/b.json']))).toEqual(['good/a.json']);
    expect(files(walk(['.'], ['*.json']))).toEqual([]);
  });

  test('ignore rules of the working folder also apply to files named on the command line, with a reason', () => {
    write('.contractsignore', 'fixtures/\n');
    write('fixtures/bad.json');
    expect(skipped(walk(['fixtures/bad.json']))).toEqual([['fixtures/bad.json', 'ignored by .contractsignore']]);
    expect(skipped(walk(['fixtures']))).toEqual([['fixtures', 'ignored by .contractsignore']]);
  });

  test('.gitignore files above the scanned folder count, up to the top of the git work tree', () => {
    execFileSync('git', ['init', '-q', root]);
    write('.gitignore', 'generated/\n');
    write('pkg/generated/a.json');
    write('pkg/b.json');
    expect(files(walk(['pkg']))).toEqual(['pkg/b.json']);
  });

  test('files named on the command line are read whatever their name; other names are skipped with a reason', () => {
    write('a.json');
    write('README.md', '# hi');
    const items = walk(['a.json', 'README.md']);
    expect(files(items)).toEqual(['a.json']);
    expect(skipped(items)).toEqual([['README.md', 'not a .json, .jsonl or .ndjson file']]);
  });

  test('a path that does not exist is a usage error; "-" is standard input, once', () => {
    expect(() => resolveInputs(['missing.json'], root)).toThrow(InputError);
    expect(resolveInputs(['-'], root)).toEqual([{ kind: 'stdin' }]);
    expect(() => resolveInputs(['-', '-'], root)).toThrow(InputError);
    expect(resolveInputs([], root)).toEqual([{ kind: 'folder', path: root }]);
  });
});

describe('symbolic links', () => {
  test('followed inside the scanned folder, not out of it, and never round a loop', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'walk-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.json'), '{}');
      write('docs/a.json');
      symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'out.json'));
      symlinkSync(outside, path.join(root, 'outdir'));
      symlinkSync('docs/a.json', path.join(root, 'alias.json'));
      symlinkSync('..', path.join(root, 'docs', 'up'));
      symlinkSync('self.json', path.join(root, 'self.json'));
      symlinkSync('nowhere.json', path.join(root, 'broken.json'));
      const items = walk();
      expect(files(items)).toEqual(['docs/a.json']);
      expect(skipped(items)).toEqual([
        ['alias.json', 'symbolic link to a file scanned already: not counted twice'],
        ['broken.json', 'broken symbolic link (ENOENT): not followed'],
        ['docs/up', 'symbolic link loop: the folder it points to is already scanned'],
        ['out.json', 'symbolic link to outside the scanned folder: not followed'],
        ['outdir', 'symbolic link to outside the scanned folder: not followed'],
        ['self.json', 'symbolic link loop: not followed'],
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('links that lead into each other (a → b, b → a) end; a folder reached twice is walked once, at its own path', () => {
    write('a/one.json');
    write('b/two.json');
    symlinkSync('../b', path.join(root, 'a', 'to-b'));
    symlinkSync('../a', path.join(root, 'b', 'to-a'));
    symlinkSync('b', path.join(root, 'c'));
    const items = walk();
    expect(files(items)).toEqual(['a/one.json', 'b/two.json']);
    expect(skipped(items)).toEqual([
      ['a/to-b', 'symbolic link to a folder scanned already: not counted twice'],
      ['b/to-a', 'symbolic link to a folder scanned already: not counted twice'],
      ['c', 'symbolic link to a folder scanned already: not counted twice'],
    ]);
  });

  test('a link to a folder inside the root is not walked again: each file once, at its own path', () => {
    write('real/a.json');
    symlinkSync('real', path.join(root, 'link'));
    symlinkSync('../link', path.join(root, 'real', 'back'));
    expect(files(walk())).toEqual(['real/a.json']);
  });

  test('a link to a folder that nothing else reaches is walked under the link name', () => {
    write('hidden/a.json');
    symlinkSync('hidden', path.join(root, 'link'));
    const items = walkInputs([{ kind: 'folder', path: path.join(root, 'link') }], { cwd: root, ignore: [] });
    expect([...items].filter((i) => i.kind === 'file').map((i) => (i as { display: string }).display)).toEqual(['link/a.json']);
  });

  test('overlapping inputs (r r, r r/sub, r/sub r, a file inside a folder given) hand out each file once', () => {
    write('r/a.json');
    write('r/sub/b.json');
    const run = (...args: string[]) =>
      [...walkInputs(args.map((a) => ({ kind: a.endsWith('.json') ? ('file' as const) : ('folder' as const), path: path.join(root, a) })), { cwd: root, ignore: [] })]
        .filter((i) => i.kind === 'file')
        .map((i) => (i as { display: string }).display)
        .sort();
    expect(run('r', 'r')).toEqual(['r/a.json', 'r/sub/b.json']);
    expect(run('r', 'r/sub')).toEqual(['r/a.json', 'r/sub/b.json']);
    expect(run('r/sub', 'r')).toEqual(['r/a.json', 'r/sub/b.json']);
    expect(run('r/sub/b.json', 'r', 'r/a.json')).toEqual(['r/a.json', 'r/sub/b.json']);
  });

  test('a folder whose name starts with two dots is inside: ignore rules reach it', () => {
    write('..fixtures/bad.json');
    write('ok.json');
    const items = [...walkInputs([{ kind: 'folder', path: root }], { cwd: root, ignore: ['..fixtures/'] })];
    expect(items.filter((i) => i.kind === 'file').map((i) => (i as { display: string }).display)).toEqual(['ok.json']);
  });
});

describe('special files', () => {
  test('a FIFO named like a document is skipped without being opened', () => {
    try {
      execFileSync('mkfifo', [path.join(root, 'pipe.json')]);
    } catch {
      return; // no mkfifo here: nothing to test
    }
    expect(skipped(walk())).toEqual([['pipe.json', 'not a regular file']]);
  });
});
