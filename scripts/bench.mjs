#!/usr/bin/env node
// npm run bench: how fast `validate-contracts` checks a corpus, beside a floor that only walks,
// reads and JSON.parses the same files, and a reference: the floor plus validate(). Writes
// deterministic corpora (all seven contracts, nested folders; templates: the canonical documents
// of ../shared/conformance) to a temporary folder: a valid one (one document in ten invalid), an
// error-heavy one (seven in ten), an error-dense one (seven in ten, each broken in three ways) and
// one of large documents (a fifth as many, each listing 600 references; see lib/bench-corpus.mjs),
// runs whole processes several times, and prints median wall
// times, the ratios to the reference and the floor, and peak memory (maxRSS reported by the process,
// the median of the same runs).
// A benchmark, never a test: it asserts nothing. Needs `npm run build` first.
//
// Then a receipt log: JSON Lines of the five SourceOS contracts (one line in ten invalid), of
// --log-lines lines each, written to a temporary file and checked from the file and from standard
// input (a pipe), with the pretty report (--quiet) and --format json, beside a reference that reads
// the log a chunk at a time, JSON.parses and validate()s each line in one process.
//
//   node scripts/bench.mjs [--sizes 10000,100000] [--runs 5] [--corpora valid,error-heavy,error-dense,large-documents] [--log-lines 50000,200000] [--log-runs 3] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPORA, describeCorpus, NOW, templates, writeCorpus, writeLog } from './lib/bench-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'dist', 'cli.cjs');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    runs: { type: 'string', default: '5' },
    corpora: { type: 'string', default: Object.keys(CORPORA).join(',') },
    keep: { type: 'boolean', default: false },
    'log-lines': { type: 'string', default: '50000,200000' },
    'log-runs': { type: 'string', default: '3' },
  },
});
const corpora = values.corpora.split(',');
for (const name of corpora) if (!(name in CORPORA)) throw new Error(`--corpora: no corpus ${name} (${Object.keys(CORPORA).join(', ')})`);
const sizes = values.sizes === '' ? [] : values.sizes.split(',').map(Number);
const runs = Number(values.runs);

if (!existsSync(cli)) {
  console.error('bench: dist/cli.cjs is missing; run `npm run build` first');
  process.exit(2);
}

// ---- the floor, and a reference: the same walk, one adds validate() --------------------------
/** A script that walks the folders named on its command line (default `.`), reads and parses every .json file, then runs `perDocument`. */
const walkingScript = (imports, perDocument = '') => `${imports}
let files = 0, bad = 0, invalid = 0;
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && p.endsWith('.json')) {
      files++;
      let value;
      try { value = JSON.parse(fs.readFileSync(p, 'utf8')); } catch { bad++; continue; }
      ${perDocument}
    }
  }
}
for (const dir of process.argv.length > 2 ? process.argv.slice(2) : ['.']) walk(dir);
console.log(files + ' files, ' + bad + ' not JSON, ' + invalid + ' invalid');
`;

// The floor: walk, read, JSON.parse; nothing else.
const floorScript = walkingScript("const fs = require('node:fs'); const path = require('node:path');");

// The reference: the floor plus this package's precompiled validators, the contract by place or by
// `type`: what a plain validating script costs (no positions, no duplicate keys, no checks across
// documents, no report).
const coreUrl = pathToFileURL(path.join(repo, 'dist/esm/src/index.js')).href;
const referenceScript = walkingScript(
  `import fs from 'node:fs'; import path from 'node:path'; import { detectContract, validate } from ${JSON.stringify(coreUrl)};`,
  "const contract = p.includes('/.substrate/state/leases/') ? 'Lease' : p.includes('/.bridges/signals/') ? 'Signal' : detectContract(value);\n      if (contract && !validate(value, { contract }).ok) invalid++;",
);

// The log's reference: read a chunk at a time (the file named, or standard input), JSON.parse and
// validate() each line, the contract by `type`: what a plain validating loop costs.
const logReferenceScript = `import fs from 'node:fs'; import { StringDecoder } from 'node:string_decoder';
import { detectContract, validate } from ${JSON.stringify(coreUrl)};
const fd = process.argv[2] ? fs.openSync(process.argv[2], 'r') : 0;
const chunk = Buffer.allocUnsafe(1 << 20);
const decoder = new StringDecoder('utf8');
let rest = '', lines = 0, bad = 0, invalid = 0;
function check(line) {
  if (line.trim() === '') return;
  lines++;
  let value;
  try { value = JSON.parse(line); } catch { bad++; return; }
  const contract = detectContract(value);
  if (contract && !validate(value, { contract }).ok) invalid++;
}
for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
  const parts = (rest + decoder.write(chunk.subarray(0, n))).split('\\n');
  rest = parts.pop();
  for (const line of parts) check(line);
}
check(rest + decoder.end());
console.log(lines + ' lines, ' + bad + ' not JSON, ' + invalid + ' invalid');
`;

/** The corpus's repository folders in two halves, for two floors side by side. */
function halves(corpus) {
  const repos = readdirSync(corpus).flatMap((group) => readdirSync(path.join(corpus, group)).map((repoDir) => path.join(group, repoDir)));
  const cut = Math.ceil(repos.length / 2);
  return [repos.slice(0, cut), repos.slice(cut)];
}

// ---- measuring -----------------------------------------------------------------------------
const work = mkdtempSync(path.join(os.tmpdir(), 'contracts-bench-tools-'));
const floorFile = path.join(work, 'floor.cjs');
const referenceFile = path.join(work, 'reference.mjs');
const rssFile = path.join(work, 'maxrss.cjs');
writeFileSync(floorFile, floorScript);
writeFileSync(referenceFile, referenceScript);
const logReferenceFile = path.join(work, 'log-reference.mjs');
writeFileSync(logReferenceFile, logReferenceScript);
writeFileSync(rssFile, "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nMAXRSS_KB=' + u.maxRSS + ' CPU_US=' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n");

/** `args`: node's arguments; or `{ stdin, output }`: node's arguments with standard input piped from a file by `cat` and standard output to a file. */
function once(args, cwd, withRss = false) {
  const argv = withRss ? ['-r', rssFile, ...(args.node ?? args)] : (args.node ?? args);
  const start = process.hrtime.bigint();
  const child = args.node
    ? spawnSync('sh', ['-c', `${args.stdin ? `cat ${quote(args.stdin)} | ` : ''}${[process.execPath, ...argv].map(quote).join(' ')} > ${quote(args.output ?? '/dev/null')}`], { cwd, encoding: 'utf8' })
    : spawnSync(process.execPath, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /MAXRSS_KB=(\d+) CPU_US=(\d+)/.exec(child.stderr ?? '');
  return { ms, status: child.status, rssMiB: rss ? Number(rss[1]) / 1024 : undefined, cpuMs: rss ? Number(rss[2]) / 1000 : undefined, stdout: child.stdout };
}

const quote = (text) => `'${String(text).replace(/'/g, "'\\''")}'`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the commands alternately `runs` times; returns the median and the best wall time, and the
 * medians of the peak RSS and CPU time (user + system, all threads) of the same runs, with the
 * range of the peaks: one run's peak varies by several MiB with when V8's background threads ran.
 */
function compare(commands, cwd, n) {
  const runs = commands.map(() => []);
  for (let r = 0; r < n; r++) commands.forEach((c, k) => runs[k].push(once(c.args, cwd, true)));
  return commands.map((c, k) => {
    const all = runs[k];
    const last = all[all.length - 1];
    const peaks = all.map((x) => x.rssMiB);
    const times = all.map((x) => x.ms);
    return { name: c.name, median: median(times), best: Math.min(...times), rssMiB: median(peaks), rssRange: [Math.min(...peaks), Math.max(...peaks)], cpuMs: median(all.map((x) => x.cpuMs)), status: last.status, stdout: last.stdout };
  });
}

/**
 * Do file reads scale across the cores here? Wall times of two floors side by side, each on half of
 * the corpus, and of one floor on all of it, run alternately; their medians.
 */
async function floorsSideBySide(corpus, n) {
  const [a, b] = halves(corpus);
  const run = (dirs) => new Promise((resolve) => spawn(process.execPath, [floorFile, ...dirs], { cwd: corpus, stdio: 'ignore' }).on('close', resolve));
  const timed = async (work) => {
    const start = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const one = [];
  const pair = [];
  for (let r = 0; r < n; r++) {
    one.push(await timed(() => run(['.'])));
    pair.push(await timed(() => Promise.all([run(a), run(b)])));
  }
  return { one: median(one), pair: median(pair) };
}

const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
const results = {};
console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

for (const size of sizes) {
  for (const kind of corpora) {
    process.stdout.write(`\nwriting a corpus of ${Math.round(size * CORPORA[kind].share)} documents, ${kind} (${describeCorpus(CORPORA[kind])})... `);
    const corpus = writeCorpus(size, CORPORA[kind]);
    console.log(corpus);
    const n = size >= 100000 ? Math.min(runs, 3) : runs;
    // all alternate run by run, so that a slower minute of a shared machine hits them alike
    const commands = [
      { name: 'floor (walk + read + JSON.parse)', args: [floorFile, '.'] },
      { name: 'reference (floor + validate())', args: [referenceFile] },
      { name: 'validate-contracts', args: [cli, '--now', NOW, '--quiet', '.'] },
    ];
    // one worker thread beside the main one (the default starts workers from 4 cores on)
    if (kind === 'valid') commands.push({ name: 'validate-contracts --workers 1', args: [cli, '--workers', '1', '--now', NOW, '--quiet', '.'] });
    const [floor, reference, tool, threaded] = compare(commands, corpus, n);
    const summary = /Checked .*/.exec(tool.stdout ?? '')?.[0] ?? `(exit ${tool.status})`;
    if (kind === 'valid') results[size] = { floor: floor.median, tool: tool.median, ratio: tool.median / floor.median, floorRss: floor.rssMiB, toolRss: tool.rssMiB };
    const line = (r) => `  ${r.name.padEnd(34)} median ${fmt(r.median)}  best ${fmt(r.best)}  cpu ${fmt(r.cpuMs)}  peak RSS ${r.rssMiB?.toFixed(0)} MiB`;
    console.log(line(floor));
    console.log(`${line(reference)}   ${(reference.median / floor.median).toFixed(2)}x the floor`);
    console.log(`${line(tool)}   exit ${tool.status}`);
    console.log(`  ratio to the reference: ${(tool.median / reference.median).toFixed(2)}x median, ${(tool.best / reference.best).toFixed(2)}x best, ${(tool.cpuMs / reference.cpuMs).toFixed(2)}x cpu`);
    console.log(`  ratio to the floor: ${(tool.median / floor.median).toFixed(2)}x median, ${(tool.best / floor.best).toFixed(2)}x best, ${(tool.cpuMs / floor.cpuMs).toFixed(2)}x cpu    ${summary}`);
    if (threaded) console.log(line(threaded));
    if (kind === 'valid') {
      const paired = await floorsSideBySide(corpus, n);
      console.log(`  two floors side by side, each on half the folders: median ${fmt(paired.pair)}, one floor on all ${fmt(paired.one)}: ${(paired.pair / paired.one).toFixed(2)}x`);
    }
    if (!values.keep) rmSync(corpus, { recursive: true, force: true });
  }
}

// ---- a receipt log, from a file and from standard input ----------------------------------------
const logSizes = values['log-lines'] === '' ? [] : values['log-lines'].split(',').map(Number);
const logRss = {};
for (const lines of logSizes) {
  const logDir = mkdtempSync(path.join(os.tmpdir(), 'contracts-bench-log-'));
  const log = path.join(logDir, 'receipts.jsonl');
  process.stdout.write(`\nwriting a receipt log of ${lines} lines (one in ten invalid)... `);
  const bytes = writeLog(log, lines);
  console.log(`${(bytes / 1048576).toFixed(0)} MiB`);
  const summaryFile = path.join(logDir, 'summary.txt');
  const tool = (format, stdin) => ({
    node: [cli, '--now', NOW, ...(format === 'json' ? ['--format', 'json'] : ['--quiet']), ...(stdin ? ['--stdin-filename', 'receipts.jsonl', '-'] : [log])],
    ...(stdin ? { stdin: log } : {}),
    ...(format === 'pretty' && !stdin ? { output: summaryFile } : {}),
  });
  const commands = [
    { name: 'reference (read + JSON.parse + validate())', args: { node: [logReferenceFile, log] } },
    { name: 'validate-contracts --quiet FILE', args: tool('pretty', false) },
    { name: 'validate-contracts --format json FILE', args: tool('json', false) },
    { name: 'reference, from a pipe', args: { node: [logReferenceFile], stdin: log } },
    { name: 'cat FILE | validate-contracts --quiet -', args: tool('pretty', true) },
    { name: 'cat FILE | validate-contracts -f json -', args: tool('json', true) },
  ];
  const measured = compare(commands, logDir, Number(values['log-runs']));
  const [refFile, , , refPipe] = measured;
  for (const [k, r] of measured.entries()) {
    const reference = k < 3 ? refFile : refPipe;
    const ratio = k === 0 || k === 3 ? '' : `   ${(r.median / reference.median).toFixed(2)}x the reference`;
    console.log(`  ${r.name.padEnd(42)} median ${fmt(r.median)}  best ${fmt(r.best)}  cpu ${fmt(r.cpuMs)}  peak RSS ${r.rssMiB?.toFixed(0)} MiB (${r.rssRange.map((x) => x.toFixed(0)).join('–')})${ratio}`);
  }
  console.log(`  ${readFileSync(summaryFile, 'utf8').trim().split('\n').pop()}`);
  logRss[lines] = measured.slice(1).filter((_, k) => k !== 2).map((r) => r.rssMiB);
  rmSync(logDir, { recursive: true, force: true });
}
if (logSizes.length >= 2) {
  const [a, b] = [logRss[logSizes[0]], logRss[logSizes[logSizes.length - 1]]];
  console.log(`\npeak RSS growth of the log's runs (medians), ${logSizes[0]} -> ${logSizes[logSizes.length - 1]} lines: ${a.map((x, k) => `+${(b[k] - x).toFixed(0)} MiB`).join(', ')}`);
}

// ---- startup: a folder of one document beside `node -e 0` -----------------------------------
const one = mkdtempSync(path.join(os.tmpdir(), 'contracts-bench-one-'));
writeFileSync(path.join(one, 'ledger.json'), `${JSON.stringify(templates.CapabilityLedger, null, 2)}\n`);
const [bare, single] = compare(
  [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'validate-contracts (one document)', args: [cli, '.'] },
  ],
  one,
  Math.max(runs * 2, 10),
);
console.log('\nstartup');
console.log(`  ${bare.name.padEnd(34)} ${fmt(bare.median)}`);
console.log(`  ${single.name.padEnd(34)} ${fmt(single.median)}   (+${(single.median - bare.median).toFixed(0)} ms)   peak RSS ${single.rssMiB?.toFixed(0)} MiB`);

const sizesRun = Object.keys(results).map(Number);
if (sizesRun.length >= 2) {
  const [a, b] = [results[sizesRun[0]], results[sizesRun[sizesRun.length - 1]]];
  console.log(`\npeak RSS growth ${sizesRun[0]} -> ${sizesRun[sizesRun.length - 1]} documents: ${(b.toolRss / a.toolRss).toFixed(2)}x (the floor: ${(b.floorRss / a.floorRss).toFixed(2)}x)`);
}
rmSync(one, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });
