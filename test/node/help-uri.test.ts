// SARIF rules carry a helpUri: the documentation of the code at this version's tag on the
// repository host. Every anchor must be a heading of the docs file as GitHub names it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { ruleRegistry } from '../../src/index.js';
import { CLI_CODES, helpUriOf, REPOSITORY } from '../../src/node/report/code-descriptions.js';
import { toSarif } from '../../src/node/report/sarif.js';
import { repoRoot } from '../support/valid-examples.js';

/** GitHub's anchor of a Markdown heading: lower case, punctuation but `-` and `_` dropped, spaces to `-`. */
const githubAnchor = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

const anchorsOf = (file: string): Set<string> =>
  new Set(readFileSync(path.join(repoRoot, 'docs', file), 'utf8').split('\n').filter((l) => /^#{1,6}\s/.test(l)).map((l) => githubAnchor(l.replace(/^#+\s/, ''))));

const codes = [...Object.keys(CLI_CODES), ...ruleRegistry().map((r) => r.code), 'schema/required', 'schema/const'];

describe('helpUri', () => {
  test.each(codes)('%s points at a section of the docs at the tag of this version', (code) => {
    const uri = helpUriOf(code, '1.2.3') as string;
    const match = /^https:\/\/github\.com\/SourceOS-Linux\/sourceos-contracts\/blob\/v1\.2\.3\/docs\/([a-z-]+\.md)#(.+)$/.exec(uri);
    expect(match, uri).not.toBeNull();
    expect(anchorsOf(match![1] as string)).toContain(match![2]);
  });

  test('in the SARIF log, on each rule, for the running version', () => {
    const issue = { code: 'rule/lease-override-has-reason', severity: 'warning' as const, pointer: '/override_reason', message: 'm', line: 1, column: 1 };
    const result = { documents: [{ file: 'a.json', line: 1, contract: 'Lease', ok: true, issues: [issue] }], skipped: [], summary: { files: 1, documents: 1, valid: 1, invalid: 0, skipped: 0, errors: 0, warnings: 1 } };
    const log = toSarif(result as never, { version: pkg.version, cwd: '/tmp' }) as { runs: { tool: { driver: { rules: { helpUri: string }[] } } }[] };
    expect(log.runs[0]?.tool.driver.rules[0]?.helpUri).toBe(`https://github.com/SourceOS-Linux/sourceos-contracts/blob/v${pkg.version}/docs/rules.md#rulelease-override-has-reason`);
  });

  test('the repository is package.json\'s', () => {
    expect(`git+${REPOSITORY}.git`).toBe(pkg.repository.url);
  });

  test('GitHub anchors', () => {
    expect(githubAnchor('`rule/browser-owner-is-urn`')).toBe('rulebrowser-owner-is-urn');
    expect(githubAnchor('Bad input gets a clear error, never a crash')).toBe('bad-input-gets-a-clear-error-never-a-crash');
  });
});
