// The steps of action.yml (a composite GitHub Action), as one script the test suite runs with a fake
// GITHUB_* environment. Installs @sourceos/contracts at the version of the action's own checkout
// (or the `package` input), runs validate-contracts with `--format github` (annotations on the
// pull request), writes a SARIF file when asked, and reports exit-code and sarif-file as outputs
// and the summary line in the job summary. Exits with the check's exit code (1: a document has an
// error, or warnings exceed max-warnings; 2: a usage error).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const actionRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An input as action.yml passes it: `sarif-file` as INPUT_SARIF_FILE, trimmed; '' when not given. */
const input = (env, name) => (env[`INPUT_${name.toUpperCase().replace(/[- ]/g, '_')}`] ?? '').trim();

/** The package to run: the `package` input, else @sourceos/contracts at the action's own version. */
export function packageSpec(env, root = actionRoot) {
  const given = input(env, 'package');
  if (given) return given;
  const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return `${name}@${version}`;
}

/** The command-line arguments of the check, without --format. */
export function checkArgs(env) {
  const args = [];
  const maxWarnings = input(env, 'max-warnings');
  if (maxWarnings) args.push('--max-warnings', maxWarnings);
  const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
  return [...args, ...(paths.length ? ['--', ...paths] : [])];
}

function validateContracts(spec, args, env, stdout) {
  return spawnSync('npm', ['exec', '--yes', `--package=${spec}`, '--', 'validate-contracts', ...args], {
    cwd: env.GITHUB_WORKSPACE || process.cwd(),
    env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    stdio: ['ignore', stdout, 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Runs the action; returns its exit code. */
export function run(env = process.env, out = process.stdout) {
  const spec = packageSpec(env);
  const args = checkArgs(env);
  out.write(`validate-contracts from ${spec}\n`);
  const check = validateContracts(spec, ['--format', 'github', ...args], env, 'pipe');
  out.write(check.stdout ?? '');
  const code = check.status ?? 2;
  const outputs = [`exit-code=${code}`];
  const sarifFile = input(env, 'sarif-file');
  if (sarifFile) {
    const sarif = validateContracts(spec, ['--format', 'sarif', ...args], env, 'pipe');
    const target = path.resolve(env.GITHUB_WORKSPACE || process.cwd(), sarifFile);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, sarif.stdout ?? '');
    outputs.push(`sarif-file=${target}`);
  }
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${outputs.join('\n')}\n`);
  const summary = (check.stdout ?? '').trim().split('\n').filter((line) => !line.startsWith('::')).pop() ?? '';
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `### validate-contracts\n\n${summary || `exit code ${code}`}\n`);
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = run();
