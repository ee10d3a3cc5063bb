// The bench's corpora: deterministic folders of contract documents (all seven contracts, nested
// folders; one in ten broken in one of six ways, or seven in ten for an error-heavy corpus, as a
// repository in the middle of a migration; seven in ten broken in three ways at once; or a fifth as
// many documents, each listing hundreds of references), made from the canonical documents of
// ../shared/conformance. Used by scripts/bench.mjs.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const conformance = path.resolve(repo, '../shared/conformance');

/** The time the corpus's leases are written around (and judged at, with `--now`). */
export const NOW = '2026-06-01T00:00:00Z';

// ---- templates ---------------------------------------------------------------------------
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const examples = path.join(conformance, 'sourceos-spec/examples');
export const templates = {
  CapabilityLedger: readJson(path.join(examples, 'capabilityledger.json')),
  BrowserAutomationReceipt: readJson(path.join(examples, 'browserautomationreceipt.json')),
  GitWorkspaceState: readJson(path.join(examples, 'gitworkspacestate.json')),
  OrphanEventReceipt: readJson(path.join(examples, 'orphaneventreceipt.json')),
  RuntimeInstallReceipt: readJson(path.join(examples, 'runtimeinstallreceipt.json')),
  Lease: readJson(path.join(conformance, 'nosos-protocol/.substrate/state/leases/tool:githubwatch.json')),
  Signal: readJson(path.join(conformance, 'nosos-protocol/.bridges/signals/20260130-040219_missive_assignment.json')),
};
const kinds = Object.keys(templates);

// A small deterministic generator (mulberry32), so every run writes the same corpus.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, '0');

/**
 * The corpora: how many documents in ten are broken (`brokenInTen`), in how many ways each (`ways`),
 * how many references each SourceOS receipt and ledger lists (`refs`, as `evidenceRefs`; 0: the
 * template's), and what share of the size given is written (`share`).
 */
export const CORPORA = {
  valid: { brokenInTen: 1, ways: 1, refs: 0, share: 1 },
  'error-heavy': { brokenInTen: 7, ways: 1, refs: 0, share: 1 },
  'error-dense': { brokenInTen: 7, ways: 3, refs: 0, share: 1 },
  'large-documents': { brokenInTen: 1, ways: 1, refs: 600, share: 0.2 },
};

/** What a corpus is, said in a line. */
export function describeCorpus({ brokenInTen, ways, refs }) {
  return `${brokenInTen} in ten invalid${ways > 1 ? `, each in ${ways} ways` : ''}${refs > 0 ? `, ${refs} references a receipt or ledger` : ''}`;
}

/** One document: the template with its ids made unique; and, for `brokenInTen` in ten, broken in `ways` ways. */
function makeDocument(kind, i, repoId, rand, { brokenInTen, ways = 1, refs = 0 }) {
  const doc = structuredClone(templates[kind]);
  const tag = `bench-${repoId}-${pad(i, 6)}`;
  const ledgerRef = `urn:srcos:capability-ledger:bench-${repoId}-ledger`;
  let name;
  let folder;
  if (kind === 'Lease') {
    const created = new Date(Date.parse(NOW) + (i % 600) * 1000);
    doc.resource = `tool:${tag}`;
    doc.domain = `domain-${tag}`;
    doc.created_at = created.toISOString().replace('.000Z', 'Z');
    doc.expires_at = new Date(created.getTime() + doc.ttl_seconds * 1000).toISOString().replace('.000Z', 'Z');
    folder = '.substrate/state/leases';
    name = `tool:${tag}.json`;
  } else if (kind === 'Signal') {
    const t = new Date(Date.parse('2026-01-30T00:00:00Z') + i * 1000);
    const stamp = t.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    doc.header.id = stamp;
    doc.header.timestamp = t.toISOString().replace('.000Z', 'Z');
    folder = '.bridges/signals';
    name = `${stamp}_${doc.header.kind}_${doc.body.topic}.json`;
  } else {
    doc.id = doc.id.replace(/[^:]+$/, tag);
    if (kind === 'CapabilityLedger' && i % 100 < 7) doc.id = ledgerRef;
    if ('capabilityLedgerRef' in doc) doc.capabilityLedgerRef = ledgerRef;
    if (refs > 0 && Array.isArray(doc.evidenceRefs)) doc.evidenceRefs = Array.from({ length: refs }, (_, k) => `${doc.evidenceRefs[0]}-${k}`);
    folder = `receipts/${kind.replace(/[A-Z]/g, (c, at) => (at ? '-' : '') + c.toLowerCase())}/${pad(i % 7, 2)}`;
    name = `${tag}.json`;
  }
  let text = `${JSON.stringify(doc, null, 2)}\n`;
  if ((i + 7) % 10 < brokenInTen) text = ways === 1 ? breakDocument(kind, doc, text, rand) : breakInWays(kind, doc, ways, rand);
  return { folder, name, text };
}

/** The document broken in `ways` of the ways that leave it JSON (a missing, an unexpected, a mistyped property, a malformed value). */
function breakInWays(kind, doc, ways, rand) {
  const chosen = [0, 1, 2, 5].sort(() => rand() - 0.5).slice(0, ways);
  let copy = { ...doc };
  const keys = Object.keys(doc).filter((key) => key !== 'type');
  if (chosen.includes(0)) delete copy[keys[Math.floor(rand() * keys.length)]];
  if (chosen.includes(1)) copy = { ...copy, unexpected: true };
  if (chosen.includes(2)) copy[keys[Math.floor(rand() * keys.length)]] = 42;
  const text = `${JSON.stringify(copy, null, 2)}\n`;
  return chosen.includes(5) ? breakDocument(kind, copy, text, () => 5 / 6) : text;
}

function breakDocument(kind, doc, text, rand) {
  const keys = Object.keys(doc);
  switch (Math.floor(rand() * 6)) {
    case 0: { // a required property missing
      const copy = { ...doc };
      delete copy[keys[Math.floor(rand() * keys.length)]];
      return `${JSON.stringify(copy, null, 2)}\n`;
    }
    case 1: // a property the contract does not define
      return `${JSON.stringify({ ...doc, unexpected: true }, null, 2)}\n`;
    case 2: { // a wrong type or enum value
      const copy = { ...doc };
      copy[keys[Math.floor(rand() * keys.length)]] = 42;
      return `${JSON.stringify(copy, null, 2)}\n`;
    }
    case 3: // a duplicate key
      return text.replace(/\n}\n$/, `,\n  ${JSON.stringify(keys[0])}: ${JSON.stringify(doc[keys[0]])}\n}\n`);
    case 4: // malformed JSON
      return text.replace(/,\n/, '\n');
    default: // a malformed date-time or URN
      return kind === 'Lease' || kind === 'Signal'
        ? text.replace(/"20\d\d-\d\d-\d\dT/, '"yesterday T')
        : text.replace('"urn:srcos:decision:', '"urn:other:decision:');
  }
}

/** Writes the corpus `shape` (one of CORPORA) for `size` documents to a new temporary folder; returns its path. */
export function writeCorpus(size, shape = CORPORA.valid) {
  const count = Math.round(size * shape.share);
  const root = mkdtempSync(path.join(os.tmpdir(), `contracts-bench-${count}-`));
  const perRepo = 100;
  const rand = random(count);
  const folders = new Set();
  for (let i = 0; i < count; i++) {
    const repoId = `repo-${pad(Math.floor(i / perRepo), 4)}`;
    const { folder, name, text } = makeDocument(kinds[i % kinds.length], i, repoId, rand, shape);
    const dir = path.join(root, `group-${pad(Math.floor(i / 2000), 2)}`, repoId, folder);
    if (!folders.has(dir)) {
      mkdirSync(dir, { recursive: true });
      folders.add(dir);
    }
    writeFileSync(path.join(dir, name), text);
  }
  return root;
}

/** The five SourceOS contracts, as an app's receipt log holds them. */
export const LOG_KINDS = ['CapabilityLedger', 'BrowserAutomationReceipt', 'GitWorkspaceState', 'OrphanEventReceipt', 'RuntimeInstallReceipt'];

/**
 * Writes a JSON Lines log of `lines` documents of the five SourceOS contracts to `file` (one in ten
 * broken, as in the corpora, on one line each), a few thousand lines at a time; returns its size in bytes.
 */
export function writeLog(file, lines, shape = CORPORA.valid) {
  const rand = random(lines);
  const fd = openSync(file, 'w');
  let size = 0;
  let pending = [];
  try {
    for (let i = 0; i < lines; i++) {
      const kind = LOG_KINDS[i % LOG_KINDS.length];
      const { text } = makeDocument(kind, i, 'log', rand, shape);
      // the document on one line: a line break is never inside a JSON string
      pending.push(text.replace(/\n\s*/g, ''));
      if (pending.length === 4096 || i === lines - 1) {
        const chunk = `${pending.join('\n')}\n`;
        size += Buffer.byteLength(chunk);
        writeSync(fd, chunk);
        pending = [];
      }
    }
  } finally {
    closeSync(fd);
  }
  return size;
}
