// An ESM consumer of the installed tarball: every shipped example through `.`, the schema and
// manifest subpaths, and the Node entry. Prints one JSON report on stdout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as core from '@sourceos/contracts';
import { ContractValidationError, Lease, contracts, validate } from '@sourceos/contracts';
import manifest from '@sourceos/contracts/examples/manifest.json' with { type: 'json' };
import leaseSchema from '@sourceos/contracts/schemas/lease.schema.json' with { type: 'json' };
import pkg from '@sourceos/contracts/package.json' with { type: 'json' };
import * as node from '@sourceos/contracts/node';
import { exerciseNodeEntry } from './node-entry.mjs';

const require = createRequire(import.meta.url);
const root = path.dirname(require.resolve('@sourceos/contracts/package.json'));
const read = (rel) => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

const mismatches = [];
let checked = 0;
for (const example of manifest.examples) {
  const doc = read(example.path);
  const filename = example.filename; // the file name a rule about file names judges, when the example names one
  const own = contracts[example.contract].validate(doc, { filename });
  const detected = validate(doc, { contract: example.contract, filename });
  if (own.ok !== example.valid || detected.ok !== example.valid) mismatches.push(example.path);
  checked++;
}

const validLease = read(manifest.examples.find((e) => e.contract === 'Lease' && e.valid).path);
const invalidLease = read(manifest.examples.find((e) => e.contract === 'Lease' && !e.valid).path);
let assertThrew = false;
try {
  Lease.assert(invalidLease);
} catch (error) {
  assertThrew = error instanceof ContractValidationError && error.issues.length > 0;
}
const standard = await Lease['~standard'].validate(invalidLease);

console.log(
  JSON.stringify({
    format: 'esm',
    name: pkg.name,
    checked,
    mismatches,
    valid: Lease.validate(validLease).ok,
    invalid: Lease.validate(invalidLease).ok,
    invalidCodes: Lease.validate(invalidLease).issues.map((i) => i.code),
    is: [Lease.is(validLease), Lease.is(invalidLease)],
    assertThrew,
    standardIssues: standard.issues?.length ?? 0,
    vendor: Lease['~standard'].vendor,
    schemaId: leaseSchema.$id,
    sameSchema: Lease.schema.$id === leaseSchema.$id,
    coreExports: Object.keys(core).sort(),
    node: await exerciseNodeEntry(node, root, core),
  }),
);
