/**
 * Loads a bin's command, a CommonJS bundle, compiled once and then reused from V8's code cache:
 *
 * - where Node has its own compile cache (`module.enableCompileCache`, Node 22.1 and later), that
 *   one, and the bundle is required as usual;
 * - elsewhere (Node 20), compiled by `vm.Script` with the code V8 produced for it in an earlier run
 *   (`cachedData`), kept in a folder of the user's own (`<tmpdir>/sourceos-contracts-cache-<uid>`,
 *   mode 0700, used only when it is a real folder of this user that no one else may write). A run
 *   that finds none compiles every function of the bundle at once (V8's `--no-lazy`, about 40 ms
 *   for the CLI's bundle) and writes the data before it runs the bundle: whatever that first run
 *   does (`--help`, one file), later runs find every function compiled, where data written after a
 *   small run lacked most of a scan's (a 10,000-document scan then took 4 % longer). V8 refuses
 *   data made by another V8, other V8 flags or another source length, and the file's name holds
 *   the bundle's size, time and inode, so an updated bundle never meets old code; the data of the
 *   KEPT_VERSIONS bundles written last are kept (two installed versions do not evict each other).
 *   A scan worker that finds none compiles lazily and writes nothing, so that it is ready soon.
 *   Without a usable folder (no user id, as on Windows; `NODE_DISABLE_COMPILE_CACHE` set), the
 *   bundle is compiled each run.
 *
 * Never fatal: a cache that cannot be read or written leaves the run uncached. V8 flags that the
 * process sets must be set before this runs, so that the data a run writes matches the next run's.
 */
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { useCompileCache } from './compile-cache.js';

/** The user's own cache folder, created if missing; undefined when there is none to trust. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, tmp: string = os.tmpdir()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  const folder = path.join(tmp, `sourceos-contracts-cache-${uid}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const stat = lstatSync(folder);
    // another user's folder, a link, or one others may write: its data could run as our code
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0 ? folder : undefined;
  } catch {
    return undefined;
  }
}

const readIfThere = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
};

/** The data of this many versions of a bundle are kept: those written last. */
export const KEPT_VERSIONS = 4;

/** Writes the code V8 made for `script` to `file`, whole or not at all, and removes the data of all but the last versions of the bundle. */
function keep(script: vm.Script, folder: string, file: string, prefix: string): void {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
    const others = readdirSync(folder)
      .filter((name) => name.startsWith(prefix) && path.join(folder, name) !== file && !name.endsWith('.tmp'))
      .map((name) => ({ name, used: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    for (const { name } of others.slice(KEPT_VERSIONS - 1)) rmSync(path.join(folder, name), { force: true });
  } catch {
    // a full disk, a folder removed meanwhile: the next run compiles again
  }
}

/** Compiles `source` with every function compiled at once (V8's `--no-lazy`), so that its cached data holds them all. */
function compileEagerly(source: string, options: vm.ScriptOptions): vm.Script {
  setFlagsFromString('--no-lazy');
  try {
    return new vm.Script(source, options);
  } finally {
    setFlagsFromString('--lazy');
  }
}

export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  /** Whether V8 took the code from the cache (otherwise the run compiled it and wrote the cache). */
  cached: boolean;
}

/** Node's own loader for `import()` in a script (Node 20.12 and later; undefined before). */
const IMPORT_AS_MAIN = (vm.constants as typeof vm.constants | undefined)?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

/**
 * Loads the CommonJS bundle at `bundle`, from V8's code cache where it can (see above). `folder`:
 * where the cache is kept (null: none; by default the user's, or Node's own compile cache).
 */
export function loadBundle(bundle: URL, folder: string | null = (useCompileCache() ? undefined : cacheFolder()) ?? null): LoadedBundle {
  const file = fileURLToPath(bundle);
  const require = createRequire(file);
  if (!folder) return { exports: require(file) as unknown, cached: false };
  const fd = openSync(file, 'r');
  let source: string;
  let stat;
  try {
    stat = fstatSync(fd);
    source = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  const prefix = `${path.basename(file)}-`;
  const cacheFile = path.join(folder, `${prefix}${stat.size}-${Math.trunc(stat.mtimeMs)}-${stat.ino}-${process.versions.v8}-${process.arch}.v8`);
  const cachedData = readIfThere(cacheFile);
  // the wrapper of a CommonJS module, so that the bundle sees what `require` would give it
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const options: vm.ScriptOptions = {
    filename: file,
    // `import()` in the bundle as in a module of the bin, where Node can (20.12 and later); the CLI
    // loads its dependencies with `require` (module-loader.ts) and needs it nowhere
    ...(IMPORT_AS_MAIN === undefined ? {} : { importModuleDynamically: IMPORT_AS_MAIN }),
  };
  const fromCache = cachedData && new vm.Script(wrapped, { ...options, cachedData });
  const cached = fromCache !== undefined && fromCache.cachedDataRejected !== true;
  let script: vm.Script;
  if (cached) script = fromCache;
  else if (isMainThread) {
    // none, or made by another V8: compiled whole, and kept before it runs
    script = compileEagerly(wrapped, options);
    keep(script, folder, cacheFile, prefix);
  } else {
    // a scan worker without data compiles only what it runs, to be ready soon; the main thread keeps the data
    script = fromCache ?? new vm.Script(wrapped, options);
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: { exports: unknown }, filename: string, dirname: string) => void;
  const loaded = { exports: {} as unknown };
  wrapper.call(loaded.exports, loaded.exports, require, loaded, file, path.dirname(file));
  return { exports: loaded.exports, cached };
}
