// Differential test: the same documents (as JSON text) validated by the TypeScript `validate` and
// by the Python package in one long-lived `python3 -I -S` process over JSON lines. Zero
// disagreements on ok, contract, the multiset of (code, severity, pointer), and the messages.
// `npm run test:python-differential` runs a larger number (DIFFERENTIAL_RUNS, DIFFERENTIAL_SEED).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { validate } from '../../src/index.js';
import { differentialCases, type Case } from './differential-cases.js';
import { PYTHON, pythonPresent, repoRoot } from './support.js';

const RUNS = Number(process.env.DIFFERENTIAL_RUNS ?? 1500);
const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261206);

interface Verdict {
  ok: boolean;
  contract: string | null;
  issues: { code: string; severity: string; pointer: string; message: string }[];
}

interface PythonVerdict extends Verdict {
  /** The short-circuiting check agrees with the full schema validator (null: no contract chosen). */
  fast_agrees: boolean | null;
}

const key = (v: Verdict) => ({ ok: v.ok, contract: v.contract, issues: v.issues.map((i) => `${i.code} ${i.severity} ${i.pointer}`).sort() });
const messages = (v: Verdict) => v.issues.map((i) => `${i.code} ${i.pointer} ${i.message}`).sort();

function pythonVerdicts(cases: Case[]): PythonVerdict[] {
  const input = cases.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const run = spawnSync(PYTHON, ['-I', '-S', join(repoRoot, 'test', 'python', 'validate_jsonl.py')], { input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as PythonVerdict);
}

test.runIf(pythonPresent())(`TypeScript and Python agree on ${RUNS} generated documents (seed ${SEED})`, () => {
  const cases = differentialCases(RUNS, SEED);
  const python = pythonVerdicts(cases);
  expect(python).toHaveLength(cases.length);
  const disagreements: unknown[] = [];
  let invalid = 0;
  let fastChecked = 0;
  cases.forEach((c, i) => {
    const ts = validate(JSON.parse(c.text), { contract: c.contract ?? undefined, filename: c.filename ?? undefined }) as Verdict;
    const py = python[i]!;
    if (!ts.ok) invalid++;
    if (py.fast_agrees === false && disagreements.length < 5) disagreements.push({ case: c, fastPathDisagrees: true });
    if (py.fast_agrees !== null) fastChecked++;
    const same = JSON.stringify(key(ts)) === JSON.stringify(key(py)) && JSON.stringify(messages(ts)) === JSON.stringify(messages(py));
    if (!same && disagreements.length < 5) disagreements.push({ case: c, ts: { ok: ts.ok, contract: ts.contract, issues: messages(ts) }, python: { ok: py.ok, contract: py.contract, issues: messages(py) } });
  });
  expect(disagreements).toEqual([]);
  expect(fastChecked).toBeGreaterThan(RUNS / 2);
  // the cases are worth something: both verdicts occur, in numbers
  expect(invalid).toBeGreaterThan(RUNS / 4);
  expect(RUNS - invalid).toBeGreaterThan(RUNS / 20);
}, 900_000);

