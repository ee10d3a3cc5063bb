// Packs this package with `npm pack` and installs the tarball into fresh consumer projects written
// outside the repository (under os.tmpdir()), so the packaging tests prove what a user installs,
// not what the source tree happens to hold.
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every file package.json points at under dist/ (exports of `.` and `./node`, main, types, bin). */
export function builtFiles(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('./dist/')) targets.add(value.slice(2));
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) collect(v);
  };
  collect([pkg.exports, pkg.main, pkg.module, pkg.types, pkg.bin]);
  return [...targets].sort();
}

/**
 * Whether `npm run build` has run. The packaging tests test the built package: without a build
 * they are skipped locally (with a message) and fail under CI, where .ci/run builds first.
 */
export function buildIsPresent(): boolean {
  const expected = builtFiles();
  const present = expected.every((f) => existsSync(path.join(repoRoot, f)));
  if (!present && process.env.CI) {
    throw new Error(`dist/ is incomplete (expected ${expected.join(', ')}): CI must run \`npm run build\` before \`npm test\``);
  }
  if (!present) console.warn('[packaging tests] skipped: run `npm run build` first (they test the packed tarball, built from dist/)');
  return present;
}

/**
 * The environment for npm commands run from inside `npm test`: without the variables npm sets for
 * the outer script (they describe this repository, not the consumer project).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$|command$|execpath$)/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

export function run(command: string, args: readonly string[], options: ExecFileSyncOptions = {}): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv(), maxBuffer: 64 * 1024 * 1024, ...options }) as string;
}

export interface PackedConsumer {
  /** The temporary folder holding the tarball and the consumer project. */
  readonly tmp: string;
  /** The path of the packed tarball. */
  readonly tarball: string;
  /** The consumer project, with the tarball installed. */
  readonly consumer: string;
  /** The installed package, `<consumer>/node_modules/@sourceos/contracts`. */
  readonly installed: string;
  /** The files in the tarball (paths inside the package). */
  readonly files: readonly string[];
  cleanup(): void;
}

/**
 * `npm pack` (of dist/ as built: no lifecycle script runs) into a fresh temporary folder, then `npm install <tarball> ...extra` into a fresh
 * consumer project there (`"type": "module"`). `extra` are further packages the consumer needs
 * (exact versions, e.g. `@types/node@20.19.43`); npm's cache of this machine serves them.
 */
export function packAndInstall(name: string, extra: readonly string[] = []): PackedConsumer {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `sourceos-contracts-${name}-`));
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: repoRoot })) as {
    filename: string;
    files: { path: string }[];
  }[];
  const info = packed[0];
  if (!info) throw new Error('npm pack printed no package');
  const tarball = path.join(tmp, path.basename(info.filename));
  const consumer = path.join(tmp, 'consumer');
  mkdirSync(consumer);
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: `consumer-${name}`, version: '0.0.0', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...extra], { cwd: consumer });
  const installed = path.join(consumer, 'node_modules', '@sourceos', 'contracts');
  if (!existsSync(path.join(installed, 'package.json'))) throw new Error(`the tarball did not install into ${consumer}`);
  return {
    tmp,
    tarball,
    consumer,
    installed,
    files: info.files.map((f) => f.path),
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

/** Every file under a folder, relative to it, with '/' separators. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}
