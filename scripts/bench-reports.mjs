#!/usr/bin/env node
// npm run bench:reports: what each output format costs on a long log where every line has
// something to say. Writes a JSON Lines log of the five SourceOS contracts with every line broken
// (the bench's receipts, each broken in one of its ways) to a temporary file, and checks it with
// each `--format`, standard output to /dev/null; prints the median wall time, the peak RSS (maxRSS
// reported by the process) and the size of the report. A report that held its documents until the
// end would grow with the log; one that streams stays flat. A benchmark, never a test: it asserts
// nothing. Needs `npm run build` first.
//
//   node scripts/bench-reports.mjs [--lines 50000,200000] [--runs 3] [--formats pretty,json,sarif,github] [--cli dist/cli.cjs]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CORPORA, NOW, writeLog } from './lib/bench-corpus.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '50000,200000' },
    runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: 'pretty,json,sarif,github' },
    cli: { type: 'string', default: path.join(repo, 'dist', 'cli.cjs') },
  },
});
const cli = path.resolve(values.cli);
if (!existsSync(cli)) {
  console.error(`bench-reports: ${cli} is missing; run \`npm run build\` first`);
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'contracts-bench-reports-'));
const rssFile = path.join(work, 'maxrss.cjs');
writeFileSync(rssFile, "process.on('exit', () => process.stderr.write('\\nMAXRSS_KB=' + process.resourceUsage().maxRSS + '\\n'));\n");
const quote = (text) => `'${String(text).replace(/'/g, "'\\''")}'`;

/** One run: wall time, peak RSS, and the report's size (written to a file once, else to /dev/null). */
function once(format, log, output) {
  const argv = [process.execPath, '-r', rssFile, cli, '--now', NOW, '--format', format, log].map(quote).join(' ');
  const start = process.hrtime.bigint();
  const child = spawnSync('sh', ['-c', `${argv} > ${quote(output)}`], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /MAXRSS_KB=(\d+)/.exec(child.stderr ?? '');
  if (child.status !== 1) console.error(`  --format ${format}: exit ${child.status} ${child.stderr.trim().split('\n')[0]}`);
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : NaN };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`node ${process.version}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`cli: ${path.relative(process.cwd(), cli) || cli}`);
const formats = values.formats.split(',');
const peaks = {};
try {
  for (const lines of values.lines.split(',').map(Number)) {
    const log = path.join(work, `receipts-${lines}.jsonl`);
    const bytes = writeLog(log, lines, { ...CORPORA.valid, brokenInTen: 10 });
    console.log(`\na log of ${lines} lines, every one broken (${(bytes / 2 ** 20).toFixed(0)} MiB)`);
    for (const format of formats) {
      const report = path.join(work, `report.${format}`);
      const runs = [once(format, log, report)];
      const size = statSync(report).size;
      rmSync(report);
      for (let r = 1; r < Number(values.runs); r++) runs.push(once(format, log, '/dev/null'));
      const peak = Math.max(...runs.map((r) => r.rssMiB));
      (peaks[format] ??= []).push(peak);
      const times = runs.map((r) => r.ms);
      console.log(
        `  --format ${format.padEnd(7)} median ${(median(times) / 1000).toFixed(2)} s (best ${(Math.min(...times) / 1000).toFixed(2)} s)  peak RSS ${peak.toFixed(0)} MiB (runs: ${runs.map((r) => r.rssMiB.toFixed(0)).join(', ')})  report ${(size / 2 ** 20).toFixed(0)} MiB`,
      );
    }
    rmSync(log);
  }
  const sizes = values.lines.split(',');
  if (sizes.length >= 2) console.log(`\npeak RSS growth, ${sizes[0]} -> ${sizes[sizes.length - 1]} lines: ${formats.map((f) => `${f} +${(peaks[f].at(-1) - peaks[f][0]).toFixed(0)} MiB`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
