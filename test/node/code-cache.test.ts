// The code cache of the validate-contracts bin (src/node/cli/code-cache.ts): kept only in a folder
// of the user's own that no one else may write; V8's data, with every function compiled, reused when
// the bundle is the same, never when it changed; the bundle's exports, `require` and `import()` as a
// CommonJS module has them.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cacheFolder, KEPT_VERSIONS, loadBundle } from '../../src/node/cli/code-cache.js';

const posix = typeof process.getuid === 'function';
let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'code-cache-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(posix)('cacheFolder', () => {
  test('creates the folder of this user, mode 0700, and finds it again', () => {
    const tmp = mkdtempSync(path.join(root, 'tmp-'));
    const folder = cacheFolder({}, tmp) as string;
    expect(folder).toBe(path.join(tmp, `sourceos-contracts-cache-${process.getuid?.()}`));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(cacheFolder({}, tmp)).toBe(folder);
  });

  test('none when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const tmp = mkdtempSync(path.join(root, 'tmp-'));
    expect(cacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1' }, tmp)).toBeUndefined();
    expect(readdirSync(tmp)).toEqual([]);
  });

  test('none when others may write the folder, or it is a link', () => {
    const open = mkdtempSync(path.join(root, 'tmp-'));
    const folder = path.join(open, `sourceos-contracts-cache-${process.getuid?.()}`);
    mkdirSync(folder);
    chmodSync(folder, 0o777);
    expect(cacheFolder({}, open)).toBeUndefined();

    const linked = mkdtempSync(path.join(root, 'tmp-'));
    const elsewhere = mkdtempSync(path.join(root, 'elsewhere-'));
    chmodSync(elsewhere, 0o700);
    symlinkSync(elsewhere, path.join(linked, `sourceos-contracts-cache-${process.getuid?.()}`));
    expect(cacheFolder({}, linked)).toBeUndefined();
  });
});

describe('loadBundle', () => {
  function bundle(name: string, text: string): URL {
    const file = path.join(root, name);
    writeFileSync(file, text);
    return pathToFileURL(file);
  }

  const SOURCE = [
    "const path = require('node:path');",
    'module.exports = { name: path.basename(__filename), dir: __dirname, twice: (n) => 2 * n, later: () => import("node:path") };',
  ].join('\n');

  test.runIf(posix)('compiles a first time and keeps the data at once, then runs from the cache; a changed bundle is compiled again', async () => {
    const folder = mkdtempSync(path.join(root, 'cache-'));
    const url = bundle('command.cjs', SOURCE);
    const first = loadBundle(url, folder);
    expect(first.cached).toBe(false);
    expect(readdirSync(folder)).toHaveLength(1);
    const exports = first.exports as { name: string; dir: string; twice(n: number): number; later(): Promise<{ sep: string }> };
    expect([exports.name, exports.dir, exports.twice(21), (await exports.later()).sep]).toEqual(['command.cjs', root, 42, path.sep]);

    const second = loadBundle(url, folder);
    expect(second.cached).toBe(true);
    expect((second.exports as { twice(n: number): number }).twice(4)).toBe(8);

    // another bundle in the same place (another size): its own data, beside the other's
    bundle('command.cjs', `${SOURCE}\nmodule.exports.extra = 1;`);
    const third = loadBundle(url, folder);
    expect(third.cached).toBe(false);
    expect((third.exports as { extra: number }).extra).toBe(1);
    expect(readdirSync(folder)).toHaveLength(2);
    expect(loadBundle(url, folder).cached).toBe(true);
  });

  test.runIf(posix)('the data holds every function of the bundle, those the first run never called too', () => {
    const folder = mkdtempSync(path.join(root, 'cache-'));
    const uncalled = Array.from({ length: 200 }, (_, i) => `function unused${i}(x) { return [x, ${i}, String(x).repeat(${i % 7})].join('-'); }`).join('\n');
    const text = `${SOURCE}\n${uncalled}\nmodule.exports.all = [${Array.from({ length: 200 }, (_, i) => `unused${i}`).join(', ')}];`;
    loadBundle(bundle('eager.cjs', text), folder);
    const [name] = readdirSync(folder);
    const eager = statSync(path.join(folder, name as string)).size;
    // what V8 keeps of the same text compiled as it usually is (lazily): the uncalled functions are not in it
    const lazy = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, { filename: 'lazy.cjs' }).createCachedData().length;
    expect(eager).toBeGreaterThan(lazy + 20_000);
  });

  test.runIf(posix)(`the data of the last ${KEPT_VERSIONS} versions of a bundle are kept`, () => {
    const folder = mkdtempSync(path.join(root, 'cache-'));
    const url = bundle('versions.cjs', SOURCE);
    for (let version = 1; version <= KEPT_VERSIONS + 2; version++) {
      bundle('versions.cjs', `${SOURCE}\nmodule.exports.version = ${'1'.repeat(version)};`);
      expect(loadBundle(url, folder).cached).toBe(false);
      expect(readdirSync(folder)).toHaveLength(Math.min(version, KEPT_VERSIONS));
    }
    // the last one written is among those kept
    expect(loadBundle(url, folder).cached).toBe(true);
  });

  test.runIf(posix)('a scan worker without data compiles what it runs and writes nothing (the main thread keeps the data)', async () => {
    const folder = mkdtempSync(path.join(root, 'cache-'));
    const url = bundle('worker.cjs', SOURCE);
    // the built module (a worker thread cannot load the TypeScript source)
    const built = pathToFileURL(path.join(import.meta.dirname, '..', '..', 'dist', 'esm', 'src', 'node', 'cli', 'code-cache.js')).href;
    const code = `import { workerData, parentPort } from 'node:worker_threads'; const { loadBundle } = await import(workerData.built); const loaded = loadBundle(new URL(workerData.url), workerData.folder); parentPort.postMessage({ cached: loaded.cached, twice: loaded.exports.twice(3) });`;
    const answer = await new Promise<{ cached: boolean; twice: number }>((resolve, reject) => {
      const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData: { built, url: url.href, folder } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(answer).toEqual({ cached: false, twice: 6 });
    expect(readdirSync(folder)).toEqual([]);
    // the main thread writes it
    expect(loadBundle(url, folder).cached).toBe(false);
    expect(readdirSync(folder)).toHaveLength(1);
  });

  test('without a folder, the bundle is required as usual', () => {
    const loaded = loadBundle(bundle('plain.cjs', SOURCE), null);
    expect(loaded.cached).toBe(false);
    expect((loaded.exports as { twice(n: number): number }).twice(5)).toBe(10);
  });
});
