// The files the CLI reads for itself are read with care: regular files only (a FIFO never blocks),
// size-capped, links out of their tree not followed; a refusal is data, never an exception.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { MAX_SIDE_FILE_BYTES, readSideFile } from '../../src/node/walk/read-side-file.js';
import { boundedIssues, boundedMessage, MAX_ISSUES_PER_DOCUMENT, MAX_MESSAGE_CHARS, MORE_ISSUES } from '../../src/node/scan/limits.js';
import { isBelow } from '../../src/node/walk/rule-set.js';

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'side-file-')));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('readSideFile', () => {
  test('a regular file is read; a missing one is missing', () => {
    writeFileSync(path.join(root, '.gitignore'), 'a/\n');
    expect(readSideFile(path.join(root, '.gitignore'), root)).toEqual({ kind: 'text', text: 'a/\n' });
    expect(readSideFile(path.join(root, 'nope'), root)).toEqual({ kind: 'missing' });
  });

  test('a FIFO, a folder, a device and a link out of the tree are refused at once', () => {
    execFileSync('mkfifo', [path.join(root, 'fifo')]);
    mkdirSync(path.join(root, 'folder'));
    symlinkSync('/dev/zero', path.join(root, 'zero'));
    symlinkSync('fifo', path.join(root, 'to-fifo'));
    const code = (name: string, within = root) => {
      const read = readSideFile(path.join(root, name), within);
      return read.kind === 'refused' ? read.code : read.kind;
    };
    expect(code('fifo')).toBe('file/not-regular');
    expect(code('to-fifo')).toBe('file/not-regular');
    expect(code('folder')).toBe('file/not-regular');
    expect(code('zero')).toBe('file/outside');
    expect(code('zero', '/')).toBe('file/not-regular');
  });

  test('a file over the limit is refused unread', () => {
    writeFileSync(path.join(root, 'big'), Buffer.alloc(MAX_SIDE_FILE_BYTES + 1, 0x61));
    expect(readSideFile(path.join(root, 'big'), root)).toMatchObject({ kind: 'refused', code: 'file/too-large' });
    expect(readSideFile(path.join(root, 'big'), root, MAX_SIDE_FILE_BYTES + 1)).toMatchObject({ kind: 'text' });
  });
});

describe('paths below a folder are told by segment', () => {
  test('..fixtures is below; .. and ../x are not', () => {
    expect(isBelow('..fixtures/a.json')).toBe(true);
    expect(isBelow('..')).toBe(false);
    expect(isBelow(`..${path.sep}x`)).toBe(false);
    expect(isBelow('')).toBe(false);
  });
});

describe('limits of a report', () => {
  const issue = (i: number, severity: 'error' | 'warning' = 'error') => ({ code: 'parse/duplicate-key', severity, pointer: '', message: `m${i}`, line: i + 1, column: 1 });

  test('past the limit, the first issues by place and one that counts the rest', () => {
    const many = Array.from({ length: MAX_ISSUES_PER_DOCUMENT + 7 }, (_, i) => issue(i, i % 2 === 0 ? 'error' : 'warning')).reverse();
    const { issues, omitted } = boundedIssues(many, { errors: 10, warnings: 0 });
    expect(issues).toHaveLength(MAX_ISSUES_PER_DOCUMENT + 1);
    expect(issues[0]?.line).toBe(1);
    expect(issues.at(-1)).toMatchObject({ code: MORE_ISSUES, severity: 'error' });
    expect(omitted).toEqual({ errors: 14, warnings: 3 });
    expect(issues.at(-1)?.message).toMatch(/^and 17 more issues in this document \(14 errors, 3 warnings\)/);
  });

  test('within the limit nothing changes; a long message is cut and says by how much', () => {
    expect(boundedIssues([issue(0)])).toEqual({ issues: [issue(0)] });
    const cut = boundedMessage('x'.repeat(MAX_MESSAGE_CHARS * 3));
    expect(cut.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(cut).toMatch(/… \(and \d+ more characters\)$/);
  });
});
