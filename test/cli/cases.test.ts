// End-to-end cases, discovered: every folder test/cli/cases/<name>/ with an expected.json is a
// test that runs the built CLI on that folder's input/ (copied to a temporary place, where the
// files git cannot hold are made) and checks the exit code, the JSON report (summary, every
// document with issues and each issue's code, severity, pointer, line and column, the skipped
// entries) and the pretty summary line; then, with --quiet (where the scan only counts warnings),
// that the GitHub report gives the same exit code, each error at its place and the same summary.
// Adding a folder adds a test.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { prepareCase, type SetupStep } from './support/case-setup.js';
import { ensureBuilt, expectedSummaryLine, runCli, type SkippedAs } from './support/cli.js';

interface ExpectedIssue {
  code: string;
  severity: 'error' | 'warning';
  pointer: string;
  line: number;
  column: number;
}

interface Expected {
  description: string;
  args?: string[];
  /** A file of the case folder to pipe to standard input, or a folder of the root to open as standard input. */
  stdin?: string;
  stdinFolder?: string;
  setup?: SetupStep[];
  /** Run as an unprivileged user (chmod does not deny root): as nobody through setpriv, or skipped with this reason. */
  asUnprivileged?: string;
  exit: 0 | 1 | 2;
  /** For exit 2: what standard error must say. */
  stderr?: string;
  summary?: { files: number; documents: number; valid: number; invalid: number; skipped: number; errors: number; warnings: number; skippedAs?: SkippedAs };
  /** The documents with issues; `by`, when given, is what decided the contract (the report's `detection.by`). */
  documents?: { file: string; line: number; contract: string | null; by?: string; ok: boolean; issues: ExpectedIssue[] }[];
  /** The skipped entries; `by`, when given, is what decided they are no contract. */
  skipped?: { file: string; reason: string; by?: string }[];
  /** Lines the pretty output must hold, exactly. */
  prettyLines?: string[];
}

/** An issue of the GitHub report: `::<severity> file=…,line=…,col=…,title=<code>::…`, its properties unescaped. */
function githubCommand(line: string): { file: string; line: number; column: number; code: string } {
  const match = /^::error file=([^,]*),line=(\d+),col=(\d+),title=([^:]*)::/.exec(line);
  expect(match, line).not.toBeNull();
  const unescape = (s: string): string => s.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  const [, file, at, column, code] = match as RegExpExecArray;
  return { file: unescape(file as string), line: Number(at), column: Number(column), code: unescape(code as string) };
}

const casesDir = path.join(import.meta.dirname, 'cases');
const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(casesDir, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canDropPrivileges = isRoot && spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '0']).status === 0;

beforeAll(() => ensureBuilt());

describe('CLI cases', () => {
  test('the case folders are found', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    const caseDir = path.join(casesDir, name);
    const expected = JSON.parse(readFileSync(path.join(caseDir, 'expected.json'), 'utf8')) as Expected;
    const unprivileged = expected.asUnprivileged !== undefined && isRoot;
    const skip = unprivileged && !canDropPrivileges;
    test.skipIf(skip)(`${name}: ${expected.description}${skip ? ` (skipped: ${expected.asUnprivileged})` : ''}`, () => {
      const { root, base } = prepareCase(caseDir, expected.setup);
      if (unprivileged) for (const folder of [base, root]) chmodSync(folder, 0o755);
      try {
        const run = (format?: string, ...more: string[]) => {
          let fd: number | undefined;
          try {
            if (expected.stdinFolder) fd = openSync(path.join(root, expected.stdinFolder), 'r');
            const stdin = fd ?? (expected.stdin ? readFileSync(path.join(caseDir, expected.stdin)) : undefined);
            const args = [...(expected.args ?? ['.']), ...(format ? ['--format', format] : []), ...more];
            return runCli(args, { cwd: root, asNobody: unprivileged, ...(stdin === undefined ? {} : { stdin }) });
          } finally {
            if (fd !== undefined) closeSync(fd);
          }
        };
        const json = run(expected.exit === 2 ? undefined : 'json');
        expect(json.status, json.stderr).toBe(expected.exit);
        if (expected.exit === 2) {
          expect(json.stdout).toBe('');
          expect(json.stderr).toMatch(new RegExp(expected.stderr ?? '.'));
          expect(json.stderr).not.toMatch(/\n\s+at /); // never a stack trace
          return;
        }
        expect(json.stderr).not.toMatch(/\n\s+at /);
        const report = JSON.parse(json.stdout);
        expect(report.version).toBe(1);
        // the skipped entries by why: they add up to `skipped`, and equal the expected counts when given
        const { skippedAs, ...counts } = report.summary as { skippedAs: SkippedAs };
        const { skippedAs: expectedAs, ...expectedCounts } = expected.summary!;
        expect(counts).toEqual(expectedCounts);
        expect(Object.values(skippedAs).reduce((sum, n) => sum + n, 0)).toBe(expectedCounts.skipped);
        if (expectedAs) expect(skippedAs).toEqual(expectedAs);
        type Reported = { file: string; line: number; contract: string | null; detection: { by: string } | null; ok: boolean; issues: ExpectedIssue[] };
        const withIssues = (report.documents as Reported[])
          .filter((d) => d.issues.length > 0)
          .map((d, i) => ({
            file: d.file,
            line: d.line,
            contract: d.contract,
            ...(expected.documents?.[i]?.by === undefined ? {} : { by: d.detection?.by }),
            ok: d.ok,
            issues: d.issues.map((i) => ({ code: i.code, severity: i.severity, pointer: i.pointer, line: i.line, column: i.column })),
          }));
        expect(withIssues).toEqual(expected.documents ?? []);
        if (expected.skipped) {
          const skipped = (report.skipped as { file: string; reason: string; detection: { by: string } | null }[]).map((e, i) => ({
            file: e.file,
            reason: e.reason,
            ...(expected.skipped?.[i]?.by === undefined ? {} : { by: e.detection?.by }),
          }));
          expect(skipped).toEqual(expected.skipped);
        }
        const pretty = run('pretty');
        expect(pretty.status).toBe(expected.exit);
        const mark = expected.summary!.errors > 0 ? '✖' : expected.summary!.warnings > 0 ? '⚠' : '✔';
        const verbose = expected.args?.includes('--verbose') === true;
        expect(pretty.stdout.trimEnd().split('\n').at(-1)).toBe(`${mark} ${expectedSummaryLine({ ...expected.summary!, skippedAs }, verbose)}`);
        for (const line of expected.prettyLines ?? []) expect(pretty.stdout.split('\n')).toContain(line);
        // errors only: warnings are counted, not listed; the same errors, places, summary and exit code
        const quiet = run('github', '--quiet');
        expect(quiet.status, quiet.stderr).toBe(expected.exit);
        const lines = quiet.stdout.split('\n').filter((line) => line !== '');
        const errors = lines.filter((line) => line.startsWith('::')).map(githubCommand);
        const expectedErrors = withIssues.flatMap((d) => d.issues.filter((i) => i.severity === 'error').map((i) => ({ file: d.file, line: i.line, column: i.column, code: i.code })));
        expect(errors).toEqual(expectedErrors);
        expect(lines.filter((line) => !line.startsWith('::'))).toEqual(expected.summary!.errors > 0 ? [expectedSummaryLine({ ...expected.summary!, skippedAs })] : []);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    });
  }
});
