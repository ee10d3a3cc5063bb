// Reading a document file: measured with fstat after opening (a file the walk saw as regular is
// opened without following a link), read into a buffer of its own or into a scratch buffer when it
// fits; the bytes must be the file's, whatever its size against the scratch buffer and the limit.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDocumentFile } from '../../src/node/scan/read-file.js';
import { engineFlags } from '../../src/node/cli/engine-tuning.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'read-file-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A file of exactly `size` bytes whose every byte depends on its offset. */
function fileOf(size: number): { file: string; bytes: Buffer } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = 32 + ((i * 7) % 90);
  const file = path.join(root, `f-${size}.json`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

const KIB = 1024;
const sizes = [0, 1, 1500, 64 * KIB - 1, 64 * KIB, 64 * KIB + 1, 200 * KIB];

describe('readDocumentFile', () => {
  const cases = [true, false].flatMap((knownRegular) => [undefined, 64 * KIB].map((scratchSize) => ({ knownRegular, scratchSize })));
  for (const { knownRegular, scratchSize } of cases) {
    const name = `${knownRegular ? 'seen as regular' : 'named'}, ${scratchSize ? 'into a scratch buffer' : 'into its own buffer'}`;
    // the scratch buffer holds another file's bytes first: what is read must never show them
    const scratch = scratchSize ? Buffer.alloc(scratchSize, 0x7b) : undefined;

    test.each(sizes)(`${name}: a file of %i bytes is read whole and exact`, (size) => {
      const { file, bytes } = fileOf(size);
      const read = readDocumentFile(file, 10 * 1024 * KIB, knownRegular, undefined, scratch);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(Buffer.compare(read.bytes, bytes)).toBe(0);
      // into the scratch buffer exactly when it fits
      expect(read.bytes.buffer === scratch?.buffer).toBe(scratch !== undefined && size <= scratch.length);
    });

    test(`${name}: over the limit is refused with the file's real size, below and above the scratch size`, () => {
      const small = readDocumentFile(fileOf(3 * KIB).file, KIB, knownRegular, undefined, scratch);
      expect(small).toEqual({ ok: false, code: 'file/too-large', message: expect.stringContaining('the file is 3 KiB, over the --max-file-size limit of 1 KiB') });
      const large = readDocumentFile(fileOf(200 * KIB).file, 100 * KIB, knownRegular, undefined, scratch);
      expect(large).toEqual({ ok: false, code: 'file/too-large', message: expect.stringContaining('the file is 200 KiB') });
      // exactly at the limit is allowed
      expect(readDocumentFile(fileOf(1500).file, 1500, knownRegular, undefined, scratch).ok).toBe(true);
    });

    test(`${name}: a folder where a file was expected`, () => {
      const folder = path.join(root, 'folder.json');
      mkdirSync(folder, { recursive: true });
      expect(readDocumentFile(folder, KIB, knownRegular, undefined, scratch)).toMatchObject({ ok: false, code: 'file/is-directory' });
    });
  }

  test('a FIFO swapped in where the walk saw a regular file never hangs the read: refused after opening', () => {
    const fifo = path.join(root, 'swapped.json');
    execFileSync('mkfifo', [fifo]);
    expect(readDocumentFile(fifo, KIB, true)).toMatchObject({ ok: false, code: 'file/not-regular' });
    expect(readDocumentFile(fifo, KIB, false)).toMatchObject({ ok: false, code: 'file/not-regular' });
  });

  test('a link swapped in where the walk saw a regular file is not followed; a link leading out of the scanned folder is not read', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'read-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.json'), '{"secret": 1}');
      const swapped = path.join(root, 'swapped-link.json');
      symlinkSync(path.join(outside, 'secret.json'), swapped);
      expect(readDocumentFile(swapped, KIB, true)).toMatchObject({ ok: false, code: 'file/unreadable' });
      expect(readDocumentFile(swapped, KIB, false, realpathSync(root))).toMatchObject({ ok: false, code: 'file/unreadable' });
      expect(readDocumentFile(swapped, KIB, false, realpathSync(outside))).toMatchObject({ ok: true });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a file with two names carries its identity, so that it is counted once', () => {
    writeFileSync(path.join(root, 'one.json'), '{}');
    linkSync(path.join(root, 'one.json'), path.join(root, 'two.json'));
    const one = readDocumentFile(path.join(root, 'one.json'), KIB, true);
    const two = readDocumentFile(path.join(root, 'two.json'), KIB, true);
    expect(one.ok && one.identity).toBeTruthy();
    expect(one.ok && two.ok && one.identity === two.identity).toBe(true);
  });

  test('a file whose name is not UTF-8 is unreadable, and says why', () => {
    const name = Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.json')]);
    writeFileSync(name, '{}');
    const listed = path.join(root, 'bad-\uFFFD\uFFFD.json'); // as Node lists it
    expect(readDocumentFile(listed, KIB, true)).toEqual({ ok: false, code: 'file/unreadable', message: 'cannot read the file: its name is not valid UTF-8 (rename it)' });
  });

  test('a missing file is unreadable, not a crash', () => {
    expect(readDocumentFile(path.join(root, 'gone.json'), KIB, true)).toMatchObject({ ok: false, code: 'file/unreadable', message: 'cannot read the file: ENOENT' });
  });
});

describe('engine tuning of the bin', () => {
  test('flags only for the V8 they were measured on', () => {
    expect(engineFlags('11.3.244.8-node.33')).toEqual(['--semi-space-growth-factor=1', '--max-inlined-bytecode-size-cumulative=100', '--heap-growing-percent=100']);
    expect(engineFlags('12.4.254.21-node.33')).toEqual([]);
    expect(engineFlags('')).toEqual([]);
  });
});
