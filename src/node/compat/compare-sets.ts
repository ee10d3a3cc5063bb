/**
 * Two sets of schemas: matched by `$id`, else by relative path; each matched pair walked from its
 * root (references resolved within each side), each unmatched one listed as added or removed.
 */
import { COMPAT_REPORT_VERSION, maxClass, type CompatChange, type CompatReport, type SchemaCompat } from './classes.js';
import type { RawChange } from './changes.js';
import type { SchemaFile, SchemaSet } from './load.js';
import { isRecord, Resolver } from './resolve.js';
import { pairUp } from './pairing.js';
import { Walker } from './walker.js';

const idOf = (file: SchemaFile): string | undefined => (isRecord(file.schema) && typeof file.schema.$id === 'string' ? file.schema.$id : undefined);

/** Files paired by `$id`, then by relative path. */
const pairFiles = (before: readonly SchemaFile[], after: readonly SchemaFile[]) =>
  pairUp(before, after, [(x, y) => idOf(x) !== undefined && idOf(x) === idOf(y), (x, y) => x.rel === y.rel]);

function toChanges(raw: readonly RawChange[], files: readonly string[]): CompatChange[] {
  const seen = new Set<string>();
  const out: CompatChange[] = [];
  for (const c of raw) {
    const inFile = files.includes(c.file);
    const change: CompatChange = { pointer: inFile ? c.pointer : '', class: c.class, code: c.code, message: inFile ? c.message : `${c.message} (at ${c.file}#${c.pointer})` };
    const key = `${change.pointer}\u0000${change.code}\u0000${change.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(change);
  }
  return out;
}

/**
 * The changes between two matched files. A comparison that cannot finish (a nesting or chain of
 * references deeper than the engine's stack) proves nothing: the pair is major, never a crash.
 */
function walkPair(oldSide: Resolver, newSide: Resolver, x: SchemaFile, y: SchemaFile): RawChange[] {
  try {
    return [...new Walker(oldSide, newSide).compare(oldSide.root(x), newSide.root(y))];
  } catch (error) {
    const why = error instanceof RangeError ? 'the schemas nest (or refer) deeper than the comparison can follow' : `the comparison failed: ${error instanceof Error ? error.message : String(error)}`;
    return [{ file: y.rel, pointer: '', class: 'major', code: 'cannot-prove-compatible', message: `cannot prove compatible: ${why}` }];
  }
}

/** Compares every schema of OLD with its match in NEW. */
export function compareSchemaSets(oldSet: SchemaSet, newSet: SchemaSet): CompatReport {
  const oldSide = new Resolver(oldSet);
  const newSide = new Resolver(newSet);
  const { pairs, added, removed } = pairFiles(oldSet.files, newSet.files);
  const schemas: SchemaCompat[] = [];
  for (const [x, y] of pairs) {
    const changes = toChanges(walkPair(oldSide, newSide, x, y), [x.rel, y.rel]);
    schemas.push({ id: idOf(y) ?? idOf(x) ?? y.rel, old: x.rel, new: y.rel, class: maxClass(changes.map((c) => c.class)), changes });
  }
  for (const y of added) {
    schemas.push({ id: idOf(y) ?? y.rel, old: null, new: y.rel, class: 'minor', changes: [{ pointer: '', class: 'minor', code: 'schema-added', message: `a new schema ${y.rel}` }] });
  }
  for (const x of removed) {
    schemas.push({ id: idOf(x) ?? x.rel, old: x.rel, new: null, class: 'major', changes: [{ pointer: '', class: 'major', code: 'schema-removed', message: `the schema ${x.rel} is gone: documents and $refs that name it break` }] });
  }
  schemas.sort((p, q) => (p.new ?? p.old ?? '').localeCompare(q.new ?? q.old ?? ''));
  return { version: COMPAT_REPORT_VERSION, class: maxClass(schemas.map((s) => s.class)), schemas };
}

/** Adds entries (the rule registry's, say) to a report, recomputing its class. */
export function withEntries(report: CompatReport, entries: readonly SchemaCompat[]): CompatReport {
  const schemas = [...report.schemas, ...entries];
  return { version: COMPAT_REPORT_VERSION, class: maxClass(schemas.map((s) => s.class)), schemas };
}
