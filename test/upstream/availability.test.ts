// Where the comparison finds the upstream schemas, and what happens without them: under CI the test
// files fail with a message saying where to put them; elsewhere they skip with that message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { repoRoot } from '../support/valid-examples.js';

const missing = join(mkdtempSync(join(tmpdir(), 'upstream-')), 'schemas');

/** The upstream module, loaded afresh under the given environment. */
async function loadWith(env: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return import('./support/upstream.js');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

test('by default the schemas are read from ../shared/upstream/sourceos-spec/schemas; SOURCEOS_SPEC_SCHEMAS overrides', async () => {
  expect((await loadWith({ SOURCEOS_SPEC_SCHEMAS: undefined })).upstreamFolder).toBe(resolve(repoRoot, '..', 'shared', 'upstream', 'sourceos-spec', 'schemas'));
  expect((await loadWith({ SOURCEOS_SPEC_SCHEMAS: missing })).upstreamFolder).toBe(missing);
});

test('under CI a missing folder fails, naming it and the variable', async () => {
  const { upstreamAvailable } = await loadWith({ CI: 'true', SOURCEOS_SPEC_SCHEMAS: missing });
  expect(() => upstreamAvailable()).toThrow(`the upstream schema folder (sourceos-spec) is required under CI and is missing: folder ${missing}`);
  expect(() => upstreamAvailable()).toThrow(/SOURCEOS_SPEC_SCHEMAS/);
});

test('elsewhere a missing folder skips, with a message', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { upstreamAvailable } = await loadWith({ CI: '', SOURCEOS_SPEC_SCHEMAS: missing });
  expect(upstreamAvailable()).toBe(false);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining(`skipped: no folder ${missing}`));
});
