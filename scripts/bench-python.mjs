#!/usr/bin/env node
// `npm run bench:python`: the Python package's figures. Runs python/bench/bench_validate.py (our
// validate against python-jsonschema's Draft202012Validator on the same valid documents, one
// process, Debian's /usr/bin/python3 with python3-jsonschema), every other python/bench/bench_*.py,
// and measures `import sourceos_contracts` (python3 -I -S, bytecode cached, median of 15 processes)
// with the interpreter binary itself: `python3` on PATH may be a shim (pyenv's is a shell script
// that costs more than the import), so it is asked once for sys.executable.
// Prints one JSON line a benchmark; docs/python.md has the figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'python', 'bench');
const DEBIAN_PYTHON = '/usr/bin/python3';
const python = existsSync(DEBIAN_PYTHON) ? DEBIAN_PYTHON : 'python3';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
  }
  return result.stdout;
}

const scripts = readdirSync(benchDir).filter((f) => /^bench_.*\.py$/.test(f)).sort((a, b) => (a === 'bench_validate.py' ? -1 : b === 'bench_validate.py' ? 1 : a.localeCompare(b)));
for (const script of scripts) process.stdout.write(run(python, [join(benchDir, script)]));

const src = join(root, 'python', 'src');
const interpreter = run('python3', ['-I', '-S', '-c', 'import sys; print(sys.executable)']).trim();
const importOnce = (modules) =>
  Number(run(interpreter, ['-I', '-S', '-c', `import sys, time; sys.path.insert(0, ${JSON.stringify(src)}); t = time.perf_counter(); import ${modules}; print((time.perf_counter() - t) * 1000)`]));
importOnce('sourceos_contracts'); // writes the bytecode caches
const median = (modules) => Array.from({ length: 15 }, () => importOnce(modules)).sort((a, b) => a - b);
const times = median('sourceos_contracts');
// the standard library modules it needs, alone: on a loaded machine both grow alike
const stdlib = median('typing, re, collections.abc');
const version = run(interpreter, ['-I', '-S', '-c', 'import sys; print(sys.version.split()[0])']).trim();
console.log(JSON.stringify({ bench: 'import', python: version, median_ms: Number(times[7].toFixed(1)), min_ms: Number(times[0].toFixed(1)), max_ms: Number(times[14].toFixed(1)), stdlib_median_ms: Number(stdlib[7].toFixed(1)) }));
