// The browser-safe core, for real: the packed tarball is installed into a fresh consumer project
// outside the repository, an app that imports `@sourceos/contracts` is bundled for the browser with
// esbuild, served on 127.0.0.1 under a Content-Security-Policy without 'unsafe-eval' (nor
// 'unsafe-inline'), and run in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is ever downloaded). The app validates a valid and an invalid
// document and runs one state-machine step; no CSP violation may be reported.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIsPresent, packAndInstall, repoRoot, type PackedConsumer } from '../package/support/pack.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
// Flags for headless Chromium as root in a container, with nothing reaching out to the network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const built = buildIsPresent();
const haveChromium = existsSync(CHROMIUM);
if (built && !haveChromium) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: CI installs Debian's chromium (apt-get install -y chromium)`);
  console.warn(`[browser test] skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'manifest.json'), 'utf8')) as {
  examples: { path: string; contract: string; valid: boolean; issues: { code: string; pointer: string }[] }[];
};

let pkg: PackedConsumer;
let server: Server;
let origin: string;
let context: BrowserContext;
let userDataDir: string;
let bundleText: string;

const pages: Record<string, string> = {
  '/': '<!doctype html><html><head><meta charset="utf-8"><title>contracts</title><script src="/csp-listener.js"></script><script type="module" src="/app.js"></script></head><body></body></html>',
  '/control.html': '<!doctype html><html><head><meta charset="utf-8"><title>control</title><script src="/csp-listener.js"></script><script src="/control.js"></script></head><body></body></html>',
};

interface PageRun {
  results: Record<string, unknown>;
  violations: { directive: string; blockedURI: string; sample: string }[];
  consoleErrors: string[];
  pageErrors: string[];
}

async function open(url: string, resultKey: string): Promise<PageRun> {
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const response = await page.goto(`${origin}${url}`);
  expect(response?.headers()['content-security-policy']).toBe(CSP);
  await page.waitForSelector('html[data-done="true"]', { state: 'attached', timeout: 30_000 });
  const { results, violations } = await page.evaluate((key) => {
    const w = window as unknown as Record<string, unknown>;
    return { results: w[key] as Record<string, unknown>, violations: w.__violations as PageRun['violations'] };
  }, resultKey);
  // Violations are reported asynchronously: give a late one the time to arrive.
  await page.waitForTimeout(200);
  const late = await page.evaluate(() => (window as unknown as { __violations: PageRun['violations'] }).__violations);
  await page.close();
  return { results, violations: late.length > violations.length ? late : violations, consoleErrors, pageErrors };
}

describe.runIf(built && haveChromium)('the core in headless Chromium under a strict CSP', () => {
  beforeAll(async () => {
    pkg = packAndInstall('browser');
    const app = path.join(pkg.consumer, 'app');
    const pageDir = path.join(repoRoot, 'test', 'browser', 'page');
    for (const f of readdirSync(pageDir)) copyFileSync(path.join(pageDir, f), path.join(pkg.consumer, f));

    // One valid and one structurally invalid CapabilityLedger, and a valid Lease, from the examples.
    const pick = (contract: string, valid: boolean) => manifest.examples.find((e) => e.contract === contract && e.valid === valid && (valid || e.issues.some((i) => i.code === 'schema/required')))!;
    const read = (rel: string) => JSON.parse(readFileSync(path.join(pkg.installed, rel), 'utf8')) as unknown;
    const invalid = pick('CapabilityLedger', false);
    writeFileSync(
      path.join(pkg.consumer, 'docs.json'),
      JSON.stringify({ contract: 'CapabilityLedger', valid: read(pick('CapabilityLedger', true).path), invalid: read(invalid.path), invalidIssues: invalid.issues, lease: read(pick('Lease', true).path) }),
    );

    // Bundled for the browser from the installed package, as an app's bundler would.
    await build({
      entryPoints: [path.join(pkg.consumer, 'app.js')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      outfile: path.join(app, 'app.js'),
      logLevel: 'silent',
    });
    bundleText = readFileSync(path.join(app, 'app.js'), 'utf8');

    const files: Record<string, string> = {
      '/app.js': bundleText,
      '/csp-listener.js': readFileSync(path.join(pageDir, 'csp-listener.js'), 'utf8'),
      '/control.js': readFileSync(path.join(pageDir, 'control.js'), 'utf8'),
    };
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const html = pages[url];
      const js = files[url];
      if (html === undefined && js === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': CSP }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': html !== undefined ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8',
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      });
      res.end(html ?? js);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sourceos-contracts-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    pkg?.cleanup();
  });

  test('the bundle carries no eval, no Function constructor and no Node built-in', () => {
    expect(bundleText).not.toMatch(/\bnew Function\s*\(|\beval\s*\(/);
    expect(bundleText).not.toMatch(/["']node:[a-z_]+["']/);
  });

  test('the CSP is enforced and its violations are seen (positive control)', async () => {
    const run = await open('/control.html', '__control');
    expect(run.results).toBe('EvalError');
    expect(run.violations.map((v) => v.directive)).toContain('script-src');
  });

  test('validates a valid and an invalid document and runs a state-machine step, with no CSP violation', async () => {
    const run = await open('/', '__results');
    expect(run.pageErrors).toEqual([]);
    expect(run.consoleErrors).toEqual([]);
    expect(run.violations).toEqual([]);
    const results = run.results as {
      error?: string;
      userAgent: string;
      vendor: string;
      valid: { ok: boolean; contract: string; issues: string[] };
      invalid: { ok: boolean; contract: string; issues: string[] };
      detected: string;
      standardLease: boolean;
      machine: Record<string, unknown>;
    };
    expect(results.error).toBeUndefined();
    expect(results.userAgent).toMatch(/Chrome\//);
    expect(results.vendor).toBe('sourceos-contracts');
    expect(results.valid).toEqual({ ok: true, contract: 'CapabilityLedger', issues: [] });
    expect(results.invalid.ok).toBe(false);
    expect(results.invalid.contract).toBe('CapabilityLedger');
    const docs = JSON.parse(readFileSync(path.join(pkg.consumer, 'docs.json'), 'utf8')) as { invalidIssues: { code: string; pointer: string }[] };
    for (const expected of docs.invalidIssues) expect(results.invalid.issues).toContain(`${expected.code} ${expected.pointer}`);
    expect(results.detected).toBe('CapabilityLedger');
    expect(results.standardLease).toBe(true);
    // The lease machine's step: free → held, a valid Lease emitted at its file, a second claim refused.
    expect(results.machine).toEqual({
      before: 'free',
      after: 'held',
      emittedContract: 'Lease',
      emittedPath: '.substrate/state/leases/tool:githubwatch.json',
      emittedExpiresAt: '2026-01-30T06:31:33Z',
      emittedValid: true,
      secondClaim: 'lease/resource-held',
    });
  });
});
