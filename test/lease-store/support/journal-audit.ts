// The audit of a stress run's journal. Records are appended under the store's lock, so their order
// is the order of the operations. The audit replays the `done` records on a model of the folder and,
// at every `intent`, compares what the operation read with the model: a difference is allowed only
// on a file that an unfinished operation (its process killed, or its lock taken) was about to write
// or remove, and only to what it would have written or removed. At every instant read it checks the
// budget and that every file was a valid Lease; every lease written must validate.
import type { Lease } from '../../../generated/types/index.js';
import { leaseFileName, validate } from '../../../src/index.js';

export interface JournalRecord {
  w: string;
  pid: number;
  seq: number;
  phase: 'intent' | 'done' | 'result';
  operation?: string;
  now?: string;
  maxLeasesPerDomain?: number;
  observed?: Lease[];
  unreadable?: { file: string; reason: string }[];
  emitted?: { action: 'write' | 'remove'; document: Lease; path?: string }[];
  ok?: boolean;
  code?: string | null;
}

export interface AuditReport {
  operations: number;
  transitions: number;
  unfinished: number;
  writes: number;
  removals: number;
  refusals: Record<string, number>;
  violations: string[];
  /** The folder as the journal says it must be now, file → lease, with what unfinished operations may have done. */
  expected: Map<string, Lease>;
  maybe: Map<string, Lease | null>;
}

const key = (lease: Lease): string => leaseFileName(lease.resource);
const same = (a: Lease | undefined | null, b: Lease | undefined | null): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const seconds = (t: string): number => Date.parse(t) / 1000;

export function auditJournal(lines: readonly string[]): AuditReport {
  const report: AuditReport = { operations: 0, transitions: 0, unfinished: 0, writes: 0, removals: 0, refusals: {}, violations: [], expected: new Map(), maybe: new Map() };
  const model = report.expected;
  // file → what an unfinished operation may have left there (null: removed)
  let maybe = report.maybe;
  let pending: JournalRecord | null = null;
  const fail = (message: string) => report.violations.length < 50 && report.violations.push(message);

  for (const line of lines) {
    if (!line) continue;
    const r = JSON.parse(line) as JournalRecord;
    if (r.phase === 'result') {
      report.operations += 1;
      if (!r.ok) report.refusals[r.code ?? '?'] = (report.refusals[r.code ?? '?'] ?? 0) + 1;
      continue;
    }
    if (r.phase === 'done') {
      if (!pending || pending.w !== r.w || pending.seq !== r.seq - 1) fail(`done of ${r.w}#${r.seq} without its intent just before`);
      pending = null;
      report.transitions += 1;
      for (const e of r.emitted ?? []) {
        if (e.action === 'write') model.set(key(e.document), e.document);
        else model.delete(key(e.document));
      }
      continue;
    }
    // an intent: first settle an operation that never finished
    if (pending) {
      report.unfinished += 1;
      for (const e of pending.emitted ?? []) maybe.set(key(e.document), e.action === 'write' ? e.document : null);
      pending = null;
    }
    const observed = new Map((r.observed ?? []).map((l) => [key(l), l]));
    for (const file of new Set([...model.keys(), ...observed.keys()])) {
      const seen = observed.get(file);
      if (same(seen, model.get(file))) continue;
      if (maybe.has(file) && same(seen, maybe.get(file))) continue;
      fail(`${r.w}#${r.seq} (${r.operation} at ${r.now}) read ${file} as ${JSON.stringify(seen ?? null)}, the journal says ${JSON.stringify(model.get(file) ?? null)}`);
    }
    // what was read is the folder now
    model.clear();
    for (const [file, lease] of observed) model.set(file, lease);
    maybe = report.maybe = new Map();
    for (const u of r.unreadable ?? []) fail(`${r.w}#${r.seq} found ${u.file} unreadable: ${u.reason}`);
    const at = seconds(r.now!);
    const live = [...observed.values()].filter((l) => at < seconds(l.expires_at));
    for (const domain of new Set(live.map((l) => l.domain))) {
      const plain = live.filter((l) => l.domain === domain && !l.override).length;
      if (plain > r.maxLeasesPerDomain!) fail(`${r.w}#${r.seq} at ${r.now}: domain ${domain} holds ${plain} live leases without override, over ${r.maxLeasesPerDomain}`);
    }
    for (const e of r.emitted ?? []) {
      const file = key(e.document);
      const before = observed.get(file);
      if (e.action === 'write') {
        report.writes += 1;
        const result = validate(e.document, { contract: 'Lease' });
        if (!result.ok) fail(`${r.w}#${r.seq} wrote an invalid Lease: ${JSON.stringify(result.issues)}`);
        // two holders: a claim over a live lease, or a renewal of someone else's
        if (r.operation === 'claim' && before && at < seconds(before.expires_at)) fail(`${r.w}#${r.seq} claimed ${file} over the live lease of ${before.owner}`);
        if (r.operation === 'renew' && before?.owner !== e.document.owner) fail(`${r.w}#${r.seq} renewed ${file} of ${before?.owner}`);
        if (r.operation === 'claim' && !e.document.override && live.filter((l) => l.domain === e.document.domain && key(l) !== file).length >= r.maxLeasesPerDomain!) {
          fail(`${r.w}#${r.seq} claimed ${file} in ${e.document.domain} over its budget without override`);
        }
      } else {
        report.removals += 1;
        if (!same(before, e.document)) fail(`${r.w}#${r.seq} removed ${file}, which it did not read as such`);
        if (r.operation === 'gc' && at < seconds(e.document.expires_at)) fail(`${r.w}#${r.seq} collected the live lease ${file}`);
      }
    }
    pending = r;
  }
  if (pending) {
    report.unfinished += 1;
    for (const e of pending.emitted ?? []) report.maybe.set(key(e.document), e.action === 'write' ? e.document : null);
  }
  return report;
}
