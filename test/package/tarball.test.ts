// The packed tarball, installed into a fresh consumer project outside the repository, works for
// each of its users: Node ESM and CommonJS (`.` and `./node`), TypeScript (node16 and bundler
// resolution), the `validate-contracts` bin, and a Python repository that uses the schema files alone.
// Needs `npm run build` first (CI builds before `npm test`); skipped locally without a build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildIsPresent, builtFiles, cleanEnv, listFiles, packAndInstall, repoRoot, run, type PackedConsumer } from './support/pack.js';

const here = path.join(repoRoot, 'test', 'package');
const rootPkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'manifest.json'), 'utf8')) as {
  examples: { path: string; contract: string; valid: boolean; issues: { code: string }[] }[];
};
const built = buildIsPresent();
const cliBuilt = built && existsSync(path.join(repoRoot, 'dist', 'cli.cjs'));

let pkg: PackedConsumer;
/** Folders of documents outside the repository: `valid/` and `invalid/`, one document a contract. */
let docs: string;
const contractNames = [...new Set(manifest.examples.map((e) => e.contract))];

beforeAll(() => {
  if (!built) return;
  // @types/node only for the TypeScript consumer of ./node; the pinned version of this repository.
  pkg = packAndInstall('tarball', [`@types/node@${rootPkg.devDependencies['@types/node']}`]);
  // One shipped example a contract, so the documents of a folder are consistent with each other
  // (the examples of one contract share ids, which a scan of them all reports across documents).
  // The invalid ones break the structure, which needs no other document or file name to see.
  docs = path.join(pkg.tmp, 'docs');
  for (const name of contractNames) {
    const valid = manifest.examples.find((e) => e.contract === name && e.valid)!;
    const invalid = manifest.examples.find((e) => e.contract === name && !e.valid && e.issues.some((i) => i.code === 'schema/required' || i.code === 'schema/enum'))!;
    for (const [kind, example] of [['valid', valid], ['invalid', invalid]] as const) {
      mkdirSync(path.join(docs, kind, name), { recursive: true });
      copyFileSync(path.join(pkg.installed, example.path), path.join(docs, kind, name, path.basename(example.path)));
    }
  }
}, 300_000);

afterAll(() => pkg?.cleanup());

describe.runIf(built)('the tarball', () => {
  test('every relative link of the README and docs/ leads to a file of the package (they are read inside node_modules)', () => {
    const files = new Set(pkg.files);
    const pages = [...files].filter((f) => f === 'README.md' || (f.startsWith('docs/') && f.endsWith('.md')));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const prose = readFileSync(path.join(pkg.installed, page), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target as string)) continue;
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(page), (target as string).split('#')[0] as string));
        expect(files, `${page} links to ${target}`).toContain(file);
      }
    }
  });

  test('holds what users need and nothing else', () => {
    const files = new Set(pkg.files);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'examples/manifest.json', 'docs/cli.md', 'contracts-config.schema.json', ...builtFiles()]) {
      expect(files, required).toContain(required);
    }
    for (const schema of readdirSync(path.join(repoRoot, 'schemas'))) expect(files).toContain(`schemas/${schema}`);
    // The manifest's vectors run from the installed copy: every example it names is shipped.
    for (const example of manifest.examples) expect(files).toContain(example.path);
    const unwanted = [...files].filter((f) => /^(src|test|generated|scripts|\.ci|\.changeset|node_modules|packages)\//.test(f) || /\.(map|ts\.fixture)$/.test(f) || /^(tsconfig|tsup\.config|vitest\.config|size-budget)/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')));
    expect(unwanted).toEqual([]);
  });

  test('every bare import of the built code is a dependency or a Node built-in (no devDependency at run time)', async () => {
    const dist = path.join(pkg.installed, 'dist');
    const entries = listFiles(dist).filter((f) => /\.(c?js)$/.test(f)).map((f) => path.join(dist, f));
    // esbuild reads every import, require() and import() of the built files; bare ones stay external.
    const { metafile } = await build({ entryPoints: entries, bundle: true, write: false, outdir: path.join(pkg.tmp, 'deps'), entryNames: '[name]-[hash]', platform: 'node', format: 'esm', packages: 'external', metafile: true, logLevel: 'silent' });
    const found = new Set(Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path)));
    const declared = new Set(Object.keys(rootPkg.dependencies));
    const pkgName = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    const undeclared = [...found].filter((s) => !s.startsWith('node:') && !declared.has(pkgName(s)));
    expect(undeclared).toEqual([]);
    // Each of them resolves from the installed copy, where only `dependencies` were installed.
    for (const spec of found) {
      if (spec.startsWith('node:')) continue;
      expect(run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(spec)})`], { cwd: pkg.installed })).toBe('');
    }
  });

  test('installs no devDependency of this repository', () => {
    const installed = new Set(readdirSync(path.join(pkg.consumer, 'node_modules')).flatMap((d) => (d.startsWith('@') ? readdirSync(path.join(pkg.consumer, 'node_modules', d)).map((n) => `${d}/${n}`) : [d])));
    // (@types/node is installed on purpose, for the TypeScript consumer; the package itself is a
    // devDependency of this repository only so that `npx validate-contracts` works here.)
    const devOnly = Object.keys(rootPkg.devDependencies).filter((d) => d !== '@types/node' && d !== '@sourceos/contracts' && !(d in rootPkg.dependencies));
    expect(devOnly.filter((d) => installed.has(d))).toEqual([]);
  });
});

describe.runIf(built)('Node consumers', () => {
  function runConsumer(file: string): Record<string, unknown> {
    copyFileSync(path.join(here, 'consumer', file), path.join(pkg.consumer, file));
    copyFileSync(path.join(here, 'consumer', 'node-entry.mjs'), path.join(pkg.consumer, 'node-entry.mjs'));
    return JSON.parse(run(process.execPath, [file], { cwd: pkg.consumer, env: cleanEnv({ DOCS_DIR: docs }) })) as Record<string, unknown>;
  }

  const expectations = (report: Record<string, unknown>) => {
    expect(report.name).toBe('@sourceos/contracts');
    expect(report.checked).toBe(manifest.examples.length);
    expect(report.mismatches).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.invalid).toBe(false);
    expect((report.invalidCodes as string[]).length).toBeGreaterThan(0);
    expect(report.is).toEqual([true, false]);
    expect(report.assertThrew).toBe(true);
    expect(report.standardIssues).toBeGreaterThan(0);
    expect(report.vendor).toBe('sourceos-contracts');
    expect(report.schemaId).toBe('https://schemas.sourceos.dev/contracts/v0/lease.schema.json');
    expect(report.sameSchema).toBe(true);
    expect(report.coreExports).toEqual(expect.arrayContaining(['contracts', 'validate', 'Lease', 'Signal', 'CapabilityLedger', 'ContractValidationError', 'STANDARD_VENDOR']));
  };

  const validCount = contractNames.length;
  const invalidCount = contractNames.length;
  const nodeExpectations = (node: unknown) => {
    expect(node).toMatchObject({
      ok: true,
      exports: expect.arrayContaining(['scan', 'loadReporter', 'parseJson', 'toJsonReport', 'main']),
      valid: { documents: validCount, valid: validCount, invalid: 0, errors: 0 },
      invalid: { documents: invalidCount, valid: 0, invalid: invalidCount },
      reportVersion: 1,
      located: true,
      coreAgrees: true,
      parseProblem: expect.stringMatching(/^parse\//),
    });
  };

  test('ESM `import` of `.` and `./node` validates every shipped example as the manifest says', () => {
    const report = runConsumer('esm.mjs');
    expectations(report);
    expect(report.format).toBe('esm');
    nodeExpectations(report.node);
  });

  test('CommonJS `require` of `.` and `./node` validates every shipped example as the manifest says', () => {
    const report = runConsumer('cjs.cjs');
    expectations(report);
    expect(report.format).toBe('cjs');
    expect(report.resolved).toBe('dist/index.cjs');
    expect(report.resolvedNode).toBe('dist/node.cjs');
    nodeExpectations(report.node);
  });
});

describe.runIf(built)('TypeScript consumers (strict, isolatedModules, verbatimModuleSyntax)', () => {
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  let project: string;

  beforeAll(() => {
    project = path.join(pkg.consumer, 'ts');
    mkdirSync(project, { recursive: true });
    for (const file of readdirSync(path.join(here, 'consumer', 'ts'))) {
      copyFileSync(path.join(here, 'consumer', 'ts', file), path.join(project, file.replace(/\.fixture$/, '')));
    }
  });

  const typecheck = (config: string) => {
    const result = spawnSync(process.execPath, [tsc, '-p', config], { cwd: project, encoding: 'utf8', env: cleanEnv() });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  test.each([
    ['module/moduleResolution node16 (ESM and a .cts file)', 'tsconfig.node16.json'],
    ['module esnext + moduleResolution bundler', 'tsconfig.bundler.json'],
    ['the core alone with no @types/node and no DOM lib', 'tsconfig.core-only.json'],
  ])('%s type-checks the generated types, a type guard and StandardSchemaV1.InferOutput', (_label, config) => {
    const { status, output } = typecheck(config);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  test("the README's example compiles: document types by contract name, `contracts.CapabilityLedger.assert(doc)` narrows", () => {
    const { status, output } = typecheck('tsconfig.names.json');
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  test('and the checks bite: a wrong use of a generated type fails to compile', () => {
    writeFileSync(path.join(project, 'wrong.ts'), "import type { ContractTypes } from '@sourceos/contracts';\nexport const l: ContractTypes['Lease'] = { owner: 1 };\n");
    writeFileSync(path.join(project, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.bundler.json', files: ['wrong.ts'] }));
    const { status, output } = typecheck('tsconfig.wrong.json');
    expect(status).not.toBe(0);
    expect(output).toMatch(/TS2322|TS2739|TS2740/);
  });
});

describe.runIf(built)('the validate-contracts bin from the installed tarball', () => {
  const npx = (args: string[]) => spawnSync('npx', ['--no', 'validate-contracts', ...args], { cwd: pkg.consumer, encoding: 'utf8', env: cleanEnv() });

  test.runIf(cliBuilt)('is linked as node_modules/.bin/validate-contracts', () => {
    expect(existsSync(path.join(pkg.consumer, 'node_modules', '.bin', 'validate-contracts'))).toBe(true);
  });

  test.runIf(cliBuilt)('exits 0 on a folder of valid documents', () => {
    const result = npx([path.join(docs, 'valid'), '--format', 'json']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { summary: { invalid: number; valid: number; errors: number } };
    expect(report.summary).toMatchObject({ valid: contractNames.length, invalid: 0, errors: 0 });
  });

  test.runIf(cliBuilt)('exits 1 on a folder of invalid documents, with a readable report and no stack trace', () => {
    const result = npx([path.join(docs, 'invalid')]);
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`${contractNames.length} invalid`));
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

describe.runIf(built)('the contracts bin from the installed tarball: npx @sourceos/contracts <command>', () => {
  // npx picks a scoped package's bin by the package's unscoped name: `contracts`, not `validate-contracts`.
  const npx = (args: string[], cwd = pkg.consumer) => spawnSync('npx', ['--no', '@sourceos/contracts', ...args], { cwd, encoding: 'utf8', env: cleanEnv() });

  test('is linked as node_modules/.bin/contracts beside validate-contracts', () => {
    expect(existsSync(path.join(pkg.consumer, 'node_modules', '.bin', 'contracts'))).toBe(true);
    expect(existsSync(path.join(pkg.consumer, 'node_modules', '.bin', 'validate-contracts'))).toBe(true);
  });

  test('npx -- @sourceos/contracts --version runs the contracts bin (without `--`, npm reads --version itself)', () => {
    const result = spawnSync('npx', ['--no', '--', '@sourceos/contracts', '--version'], { cwd: pkg.consumer, encoding: 'utf8', env: cleanEnv() });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
    expect(npx(['--', '--help']).stdout).toContain('Usage: contracts <command>');
  });

  test('npx @sourceos/contracts git-state <path> prints a valid GitWorkspaceState, exit 0', () => {
    const repo = path.join(pkg.tmp, 'a-repo');
    mkdirSync(repo);
    spawnSync('git', ['init', '-q', repo], { encoding: 'utf8', env: { ...cleanEnv(), GIT_CONFIG_NOSYSTEM: '1', HOME: pkg.tmp } });
    for (const [target, state] of [[repo, 'worktree_no_remote'], [docs, 'not_a_repo'], [path.join(repo, '.git'), 'inside_git_dir']] as const) {
      const result = npx(['git-state', target, '--json']);
      expect(result.status, result.stderr).toBe(0);
      const document = JSON.parse(result.stdout) as { state: string; severity: string };
      expect(document.state).toBe(state);
      expect(document.severity).toBe('info');
      const check = spawnSync('npx', ['--no', 'validate-contracts', '-'], { cwd: pkg.consumer, input: result.stdout, encoding: 'utf8', env: cleanEnv() });
      expect(check.status, check.stdout).toBe(0);
    }
  });

  test('npx @sourceos/contracts lease claim|list|release works on a folder, and validate-contracts accepts what it wrote', () => {
    const root = path.join(pkg.tmp, 'oxygen-root');
    mkdirSync(path.join(root, '.substrate'), { recursive: true });
    const lease = (args: string[]) => npx(['lease', ...args, '--root', root]);
    const claim = lease(['claim', 'tool:githubwatch', '--owner', 'scribe', '--domain', 'scribe', '--ttl', '1800', '--json']);
    expect(claim.status, claim.stderr).toBe(0);
    expect(JSON.parse(claim.stdout)).toMatchObject({ resource: 'tool:githubwatch', owner: 'scribe', _path: '.substrate/state/leases/tool:githubwatch.json' });
    const again = lease(['claim', 'tool:githubwatch', '--owner', 'builder', '--domain', 'builder']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('lease/resource-held');
    const check = spawnSync('npx', ['--no', 'validate-contracts', root, '--format', 'json'], { cwd: pkg.consumer, encoding: 'utf8', env: cleanEnv() });
    expect(check.status, check.stdout).toBe(0);
    expect((JSON.parse(check.stdout) as { summary: { valid: number } }).summary.valid).toBe(1);
    expect(lease(['list', '--json']).stdout).toContain('tool:githubwatch');
    const release = lease(['release', 'tool:githubwatch', '--owner', 'scribe']);
    expect(release.status, release.stderr).toBe(0);
    expect(existsSync(path.join(root, '.substrate', 'state', 'leases', 'tool:githubwatch.json'))).toBe(false);
    expect(lease(['claim', 'x']).status).toBe(2);
  });

  test('npx @sourceos/contracts validate <folder> is validate-contracts: exit 0 valid, 1 invalid', () => {
    const valid = npx(['validate', path.join(docs, 'valid'), '--format', 'json']);
    expect(valid.status, valid.stdout + valid.stderr).toBe(0);
    expect((JSON.parse(valid.stdout) as { summary: { valid: number } }).summary.valid).toBe(contractNames.length);
    const invalid = npx(['validate', path.join(docs, 'invalid')]);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout).toMatch(new RegExp(`${contractNames.length} invalid`));
  });
});

describe.runIf(built)('a Python repository with the shipped schema files alone', () => {
  const script = path.join(here, 'python', 'validate_with_schemas.py');
  const debianPython = '/usr/bin/python3';
  const hasJsonschema = (python: string) => spawnSync(python, ['-c', 'import jsonschema'], { encoding: 'utf8' }).status === 0;
  // Debian's python3-jsonschema (4.10 on Debian 12, RefResolver) is the interpreter that counts; a
  // newer jsonschema on PATH (with `referencing`) is checked as well when there is one.
  const pythons = [...new Set([debianPython, 'python3'])].filter((p) => (p === debianPython ? existsSync(p) : true) && hasJsonschema(p));

  test('Debian python3-jsonschema is present (CI installs it)', () => {
    if (!process.env.CI && !pythons.includes(debianPython)) {
      console.warn('[packaging tests] /usr/bin/python3 with jsonschema missing: apt-get install -y python3-jsonschema');
      return;
    }
    expect(pythons).toContain(debianPython);
  });

  test.each(pythons.map((p) => [p]))('%s validates every shipped example with the schema files only', (python) => {
    const schemas = path.join(pkg.installed, 'schemas');
    // The schema files copied to a folder of their own, as a Python repository vendors them.
    const vendored = path.join(pkg.tmp, `vendored-${path.basename(path.dirname(python))}-${python.length}`);
    cpSync(schemas, vendored, { recursive: true });
    const result = spawnSync(python, [script, vendored, '--manifest', path.join(pkg.installed, 'examples', 'manifest.json')], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { jsonschema: string; refs: string; results: { path: string; valid: boolean; errors: unknown[] }[] };
    expect(report.results).toHaveLength(manifest.examples.length);
    const byPath = new Map(report.results.map((r) => [r.path, r]));
    for (const example of manifest.examples) {
      const got = byPath.get(example.path)!;
      if (example.valid) expect(got.errors, example.path).toEqual([]);
      // Invalid examples that break a rule the schema states (schema/*) fail there too; those that
      // break only a code rule (rule/*) need code, which is the point of the package's rules.
      else if (example.issues.some((i) => i.code.startsWith('schema/'))) expect(got.valid, example.path).toBe(false);
    }
    const [major, minor] = report.jsonschema.split('.').map(Number) as [number, number];
    expect(report.refs).toBe(major > 4 || (major === 4 && minor >= 18) ? 'referencing' : 'RefResolver');
    console.info(`[packaging tests] ${python}: jsonschema ${report.jsonschema} (${report.refs}), ${report.results.filter((r) => r.valid).length}/${report.results.length} valid`);

    // One document at a time, as a script in a Python repository would: exit 0 valid, 1 invalid.
    const one = (kind: 'valid' | 'invalid') => {
      const example = manifest.examples.find((e) => e.contract === 'Lease' && e.valid === (kind === 'valid') && e.issues.every((i) => i.code.startsWith('schema/')))!;
      return spawnSync(python, [script, vendored, '--contract', 'Lease', path.join(pkg.installed, example.path)], { encoding: 'utf8' }).status;
    };
    expect([one('valid'), one('invalid')]).toEqual([0, 1]);
  });
});
