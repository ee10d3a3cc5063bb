// The browser app: bundled by esbuild from the installed tarball and run in Chromium under a CSP
// without 'unsafe-eval'. Validates a valid and an invalid document and runs one state-machine step;
// the test reads window.__results.
import { Lease, STANDARD_VENDOR, contracts, validate } from '@sourceos/contracts';
import docs from './docs.json';
import { machineStep } from './machine-step.js';

function run() {
  const valid = contracts[docs.contract].validate(docs.valid);
  const invalid = validate(docs.invalid, { contract: docs.contract });
  const standard = Lease['~standard'].validate(docs.lease);
  return {
    userAgent: navigator.userAgent,
    vendor: STANDARD_VENDOR,
    valid: { ok: valid.ok, contract: valid.contract, issues: valid.issues.map((i) => i.code) },
    invalid: { ok: invalid.ok, contract: invalid.contract, issues: invalid.issues.map((i) => `${i.code} ${i.pointer}`) },
    detected: validate(docs.valid).contract,
    standardLease: 'value' in standard,
    machine: machineStep(docs),
  };
}

try {
  window.__results = run();
} catch (error) {
  window.__results = { error: String(error && error.stack ? error.stack : error) };
}
document.documentElement.dataset.done = 'true';
