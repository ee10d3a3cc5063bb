// Exercises the Node entry (`@sourceos/contracts/node`) the same way from ESM and CommonJS: scans a
// folder of valid and a folder of invalid documents (DOCS_DIR/valid, DOCS_DIR/invalid, written by
// the test outside the repository), renders a report through a lazily loaded reporter, and checks
// that the scan and the core agree on an invalid document.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export async function exerciseNodeEntry(node, root, core) {
  const docs = process.env.DOCS_DIR;
  const exports = Object.keys(node).sort();
  const valid = await node.scan({ paths: ['valid'], cwd: docs, retention: 'all' });
  const invalid = await node.scan({ paths: ['invalid'], cwd: docs, retention: 'all' });
  const json = await node.loadReporter('json');
  const report = JSON.parse(json.render(invalid, { color: false, quiet: false, version: '0', cwd: docs }));
  const firstBad = invalid.documents.find((d) => !d.ok);
  const located = firstBad ? firstBad.issues.every((i) => i.line >= 1 && i.column >= 1) : false;
  const parsed = node.parseJson('{"a": [1, 2', 64);
  return {
    ok: true,
    exports,
    valid: valid.summary,
    invalid: invalid.summary,
    reportVersion: report.version,
    located,
    firstBadContract: firstBad?.contract ?? null,
    coreAgrees: firstBad ? core.validate(JSON.parse(readFileSync(path.join(docs, firstBad.file), 'utf8'))).ok === false : false,
    parseProblem: parsed.parsed ? null : parsed.problems[0]?.code ?? null,
  };
}
