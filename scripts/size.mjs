#!/usr/bin/env node
// Size budget of the browser bundle: `npm run size` (after `npm run build`).
//
// Bundles small apps that import the built package by its name, exactly as a web app's bundler
// would (through package.json `exports` and `sideEffects: false`), with esbuild for the browser,
// minified, then gzips them (zlib level 9) and compares the bytes with size-budget.json:
//   - core:   every export of `@sourceos/contracts` (`export * from '@sourceos/contracts'`)
//   - lease:  an app that imports one contract (`import { Lease } ...; Lease.validate(doc)`)
// and, for information, the same one-contract app for every other contract.
// Exits 1 when a figure is over its budget, when the whole core is not under 64 KiB, or when the
// one-contract app is not smaller than the core (tree shaking must work).
//
//   node scripts/size.mjs           check against size-budget.json
//   node scripts/size.mjs --json    print the figures as JSON
//   node scripts/size.mjs --update  write size-budget.json: each budget = measured + 8%, rounded up to 64 bytes
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const budgetFile = path.join(root, 'size-budget.json');
const CORE_LIMIT = 64 * 1024;
const HEADROOM = 1.08;
const args = new Set(process.argv.slice(2));

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const esmEntry = pkg.exports['.'].import.default;
if (!existsSync(path.join(root, esmEntry))) {
  console.error(`size: ${esmEntry} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const contractNames = ['BrowserAutomationReceipt', 'CapabilityLedger', 'GitWorkspaceState', 'Lease', 'OrphanEventReceipt', 'RuntimeInstallReceipt', 'Signal'];

const apps = {
  core: `export * from '${pkg.name}';\n`,
  ...Object.fromEntries(
    contractNames.map((name) => [
      name === 'Lease' ? 'lease' : `only ${name}`,
      `import { ${name} } from '${pkg.name}';\nglobalThis.result = ${name}.validate(globalThis.doc);\n`,
    ]),
  ),
};

// A throwaway app project that sees this package under its name, as node_modules would.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'sourceos-contracts-size-'));
try {
  const scope = path.join(tmp, 'node_modules', ...pkg.name.split('/').slice(0, -1));
  mkdirSync(scope, { recursive: true });
  symlinkSync(root, path.join(tmp, 'node_modules', ...pkg.name.split('/')), 'dir');

  const figures = {};
  for (const [name, source] of Object.entries(apps)) {
    const entry = path.join(tmp, `${name.replace(/\W+/g, '-')}.js`);
    writeFileSync(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      absWorkingDir: tmp,
    });
    const code = result.outputFiles[0].contents;
    figures[name] = { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  }

  if (args.has('--update')) {
    const budget = {
      $comment: 'Bytes of the minified (esbuild) and gzipped (zlib level 9) browser bundle; checked by `npm run size`. Each budget is at most 10% above the measured size; the whole core must stay under 64 KiB.',
      core: { gzip: Math.min(Math.ceil((figures.core.gzip * HEADROOM) / 64) * 64, CORE_LIMIT - 64) },
      lease: { gzip: Math.ceil((figures.lease.gzip * HEADROOM) / 64) * 64 },
    };
    writeFileSync(budgetFile, `${JSON.stringify(budget, null, 2)}\n`);
    console.log(`size: wrote ${path.relative(root, budgetFile)}`);
  }

  const budget = JSON.parse(readFileSync(budgetFile, 'utf8'));
  const failures = [];
  for (const [name, { gzip }] of Object.entries(budget).filter(([k]) => !k.startsWith('$'))) {
    const measured = figures[name]?.gzip;
    if (measured === undefined) failures.push(`${name}: no such bundle`);
    else if (measured > gzip) failures.push(`${name}: ${measured} B min+gzip is over its budget of ${gzip} B`);
  }
  if (figures.core.gzip >= CORE_LIMIT) failures.push(`core: ${figures.core.gzip} B min+gzip is not under 64 KiB (${CORE_LIMIT} B)`);
  for (const [name, f] of Object.entries(figures)) {
    if (name !== 'core' && f.gzip >= figures.core.gzip) failures.push(`${name}: ${f.gzip} B is not smaller than the whole core (${figures.core.gzip} B): tree shaking does not work`);
  }

  if (args.has('--json')) {
    console.log(JSON.stringify({ figures, budget }, null, 2));
  } else {
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    console.log('bundle                          minified        min+gzip   budget');
    for (const [name, f] of Object.entries(figures)) {
      const b = budget[name]?.gzip;
      console.log(`${name.padEnd(30)} ${String(f.minified).padStart(8)} B  ${String(f.gzip).padStart(8)} B  ${b ? `${b} B` : '-'}   (${kib(f.gzip)})`);
    }
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(`size: ${f}`);
    process.exitCode = 1;
  } else if (!args.has('--json')) {
    console.log('size: within budget');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
