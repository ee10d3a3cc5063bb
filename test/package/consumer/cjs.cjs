// A CommonJS consumer of the installed tarball: every shipped example through `.`, the schema and
// manifest subpaths, and the Node entry. Prints one JSON report on stdout.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const core = require('@sourceos/contracts');
const { ContractValidationError, Lease, contracts, validate } = require('@sourceos/contracts');
const manifest = require('@sourceos/contracts/examples/manifest.json');
const leaseSchema = require('@sourceos/contracts/schemas/lease.schema.json');
const pkg = require('@sourceos/contracts/package.json');
const node = require('@sourceos/contracts/node');

const root = path.dirname(require.resolve('@sourceos/contracts/package.json'));
const read = (rel) => JSON.parse(readFileSync(path.join(root, rel), 'utf8'));

async function main() {
  const { exerciseNodeEntry } = await import('./node-entry.mjs');
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
      format: 'cjs',
      name: pkg.name,
      resolved: path.relative(root, require.resolve('@sourceos/contracts')),
      resolvedNode: path.relative(root, require.resolve('@sourceos/contracts/node')),
      checked,
      mismatches,
      valid: Lease.validate(validLease).ok,
      invalid: Lease.validate(invalidLease).ok,
      invalidCodes: Lease.validate(invalidLease).issues.map((i) => i.code),
      is: [Lease.is(validLease), Lease.is(invalidLease)],
      assertThrew,
      standardIssues: standard.issues ? standard.issues.length : 0,
      vendor: Lease['~standard'].vendor,
      schemaId: leaseSchema.$id,
      sameSchema: Lease.schema.$id === leaseSchema.$id,
      coreExports: Object.keys(core).sort(),
      node: await exerciseNodeEntry(node, root, core),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
