#!/usr/bin/env node
// npm run bench:git-probe: what one Git probe costs, in process (from dist/, with and without the
// cache) and as the `contracts git-state` process, beside what a classifier that runs git pays for
// one `git rev-parse` process. Builds its repository with git in a temporary folder; prints
// medians of several rounds. A benchmark, never a test: it asserts nothing. Needs `npm run build`.
//
//   node scripts/bench-git-probe.mjs [--probes 5000] [--processes 30]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'dist', 'contracts.js');
const nodeEntry = path.join(repo, 'dist', 'esm', 'src', 'node', 'index.js');
if (!existsSync(bin) || !existsSync(nodeEntry)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { values } = parseArgs({ options: { probes: { type: 'string', default: '5000' }, processes: { type: 'string', default: '30' } } });
const probes = Number(values.probes);
const processes = Number(values.processes);
const { probeGitWorkspace, createGitProbeCache } = await import(pathToFileURL(nodeEntry).href);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-git-probe-'));
const env = { PATH: process.env.PATH, HOME: tmp, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x.invalid', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x.invalid' };
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, stdio: 'ignore' });
const work = path.join(tmp, 'repo');
git(tmp, 'init', '-q', '-b', 'main', 'repo');
writeFileSync(path.join(work, 'a'), 'a\n');
git(work, 'add', 'a');
git(work, 'commit', '-q', '-m', 'a');
git(work, 'remote', 'add', 'origin', 'https://example.invalid/x.git');
const deep = path.join(work, 'src', 'a', 'b');
mkdirSync(deep, { recursive: true });
const plain = path.join(tmp, 'plain', 'a', 'b', 'c');
mkdirSync(plain, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median over 5 rounds of the mean time of one call, in microseconds. */
function perCall(n, call) {
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) call(i);
    rounds.push(Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  return median(rounds);
}
/** Median wall time of one process, in milliseconds. */
function perProcess(command, args) {
  const times = [];
  for (let i = 0; i < processes; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { env, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${run.status}`);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const rows = [];
for (const [label, target] of [['a folder in a work tree', deep], ['a folder in no repository', plain]]) {
  const state = probeGitWorkspace(target, { cache: null }).document.state;
  const cache = createGitProbeCache();
  rows.push([`probeGitWorkspace, no cache: ${label} (${state})`, `${perCall(probes, () => probeGitWorkspace(target, { cache: null })).toFixed(0)} µs`]);
  rows.push([`probeGitWorkspace, cached: ${label}`, `${perCall(probes, () => probeGitWorkspace(target, { cache })).toFixed(1)} µs`]);
}
rows.push(['`contracts git-state` process: a folder in a work tree', `${perProcess(process.execPath, [bin, 'git-state', deep]).toFixed(0)} ms`]);
rows.push(['`node -e 0` process: Node starting, nothing else', `${perProcess(process.execPath, ['-e', '0']).toFixed(0)} ms`]);
rows.push(['one `git rev-parse --show-toplevel` process (for comparison)', `${perProcess('git', ['-C', deep, 'rev-parse', '--show-toplevel']).toFixed(1)} ms`]);
rmSync(tmp, { recursive: true, force: true });

console.log(`Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0].toFixed(1)}, ${probes} probes a round, ${processes} processes\n`);
console.log('| what | median |\n|---|---|');
for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
