/**
 * The detection policy of the core: for any JSON value, the contract it is (and why), nothing
 * (skip it), or a document meant to be a contract but broken (an error that says which contract
 * it looks like). The places and the repository's configuration, which outrank all of this, are
 * the Node scanner's (src/node/scan/). docs/cli.md ("Why was my file taken for a Lease?") states it.
 *
 * 1. An exact `type` of a contract recognised by type → that contract.
 * 2. Evidence of intent → `contract/near-miss` (an error): a `type` that is a near miss of a
 *    contract's name (case, spacing, plural, a typo); an `id` with one of this package's URN
 *    prefixes (read from the schemas' `id` patterns) under another or no `type`. Nothing else is
 *    evidence: `specVersion` and a `urn:srcos:` id are shared by every SourceOS family.
 * 3. No `type` at all → the shape, for Lease and Signal: SHAPE_TAKEN of the required properties
 *    (nested ones counted) → that contract; SHAPE_WARNED → a `contract/partial-shape` warning,
 *    except on a SourceOS document of another family.
 * 4. Otherwise not a contract, and nothing to report: a SourceOS document of another family (a
 *    `urn:srcos:` id none of ours, whatever its `type`) or any other JSON (`notOurs` says which).
 */
import { contractNames, type ContractName } from '../generated/types/index.js';
import { contracts } from './contracts.js';
import { nearestName, type NameMiss } from './detection/names.js';
import { shapeMatch, shareOf } from './detection/shape.js';
import type { Issue } from './issue.js';

/** How a contract's documents are recognised, as its schema's `x-sourceos-contract` annotation says. */
export interface ContractDetection {
  /** `type`: by the document's `type` field; `shape`: by which properties it has. */
  readonly detect: 'type' | 'shape';
  /** Where the estate keeps these documents (a glob relative to a repository root), if anywhere. */
  readonly location?: string;
}

export const detectionOf = (name: ContractName): ContractDetection =>
  contracts[name].schema['x-sourceos-contract'] as ContractDetection;

/** What decided: the core decides by `type`, `shape` or `evidence` (of a broken contract), or `none`. */
export type CoreBasis = 'type' | 'shape' | 'evidence' | 'none';

/** The core's decision about one value. */
export interface Classification {
  /** The contract to validate the document as; null when it is none. */
  readonly contract: ContractName | null;
  readonly by: CoreBasis;
  /** Why, in plain words: `"type" is "CapabilityLedger"`, `no contract "type"`. */
  readonly reason: string;
  /** For a document that is no contract: the issue to report on it (a near miss, a warning); none: skip it. */
  readonly issue?: Issue;
  /** For a near miss or a partial shape: the contract it looks like. */
  readonly looksLike?: ContractName | undefined;
  /** For a value that is none of ours and no near miss: a SourceOS document of another family (`sourceos`), or other JSON (`json`). */
  readonly notOurs?: NotOurs;
}

/** What a value that is no contract of this package is: a SourceOS document of another family, or other JSON. */
export type NotOurs = 'sourceos' | 'json';

/** Share of a shape contract's required properties (nested ones counted) from which a document is taken for it. */
export const SHAPE_TAKEN = 0.8;
/** Share from which a document without `type` that is not taken gets a warning. */
export const SHAPE_WARNED = 0.6;
/** At most this share of a document's own keys may be foreign to the contract for its shape to count. */
const FOREIGN_ALLOWED = 0.5;

const SOURCEOS_ID = 'urn:srcos:';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const quote = (v: unknown): string => JSON.stringify(v) ?? String(v);
const a = (name: string): string => `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
const MISSES: Readonly<Record<NameMiss, string>> = { 'case or spacing': 'differs only in case or spacing', plural: 'is a plural', misspelt: 'is misspelt' };

let byType: ContractName[] | undefined;
let byShape: ContractName[] | undefined;
let byExactType: Map<string, Classification> | undefined;
let idPrefixes: { contract: ContractName; prefix: string }[] | undefined;

const typeContracts = (): ContractName[] => (byType ??= contractNames.filter((n) => detectionOf(n).detect === 'type'));
const shapeContracts = (): ContractName[] => (byShape ??= contractNames.filter((n) => detectionOf(n).detect === 'shape'));

/** One classification a contract recognised by type, shared by all its documents. */
const typeClassifications = (): Map<string, Classification> =>
  (byExactType ??= new Map(typeContracts().map((contract) => [contract, { contract, by: 'type', reason: `"type" is ${quote(contract)}` }])));

/** The literal start of a contract's `id` pattern: `^urn:srcos:capability-ledger:\S+$` → `urn:srcos:capability-ledger:`. */
function idPrefixOf(name: ContractName): string | undefined {
  const id = (contracts[name].schema.properties as Record<string, { pattern?: unknown }> | undefined)?.id;
  if (typeof id?.pattern !== 'string' || !id.pattern.startsWith('^')) return undefined;
  const literal = /^[^\\[\](){}.*+?|$^]*/.exec(id.pattern.slice(1))?.[0] ?? '';
  return literal.length > SOURCEOS_ID.length ? literal : undefined;
}

/** Each contract's URN prefix, longest first. */
export function contractIdPrefixes(): readonly { contract: ContractName; prefix: string }[] {
  idPrefixes ??= contractNames
    .flatMap((contract) => {
      const prefix = idPrefixOf(contract);
      return prefix ? [{ contract, prefix }] : [];
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return idPrefixes;
}

const contractOfId = (id: unknown): ContractName | undefined =>
  typeof id === 'string' ? contractIdPrefixes().find((p) => id.toLowerCase().startsWith(p.prefix))?.contract : undefined;

const nearMiss = (looksLike: ContractName | undefined, reason: string, message: string): Classification => ({
  contract: null,
  by: 'evidence',
  looksLike,
  reason,
  issue: { code: 'contract/near-miss', severity: 'error', pointer: '/type', message },
});

function byEvidence(doc: Record<string, unknown>): Classification | undefined {
  const { type, id } = doc;
  const hasType = Object.prototype.hasOwnProperty.call(doc, 'type');
  if (typeof type === 'string') {
    const near = nearestName(type, typeContracts());
    if (near) {
      const fix = `did you mean ${quote(near.name)}?`;
      const how = MISSES[near.miss];
      return nearMiss(near.name, `looks like ${a(near.name)}: "type" ${quote(type)} ${how}`, `"type" is ${quote(type)}, not a contract name (it ${how}): ${fix}`);
    }
  }
  const idContract = contractOfId(id);
  if (idContract) {
    const what = hasType ? `"type" is ${quote(type)}` : 'it has no "type"';
    return nearMiss(
      idContract,
      `looks like ${a(idContract)}: its id is one, but ${what}`,
      `${what}, but its id ${quote(id)} is ${a(idContract)} id: did you mean "type": ${quote(idContract)}?`,
    );
  }
  return undefined;
}

function byShapeOf(doc: Record<string, unknown>): Classification | undefined {
  let best: { contract: ContractName; share: number; match: ReturnType<typeof shapeMatch> } | undefined;
  for (const contract of shapeContracts()) {
    const match = shapeMatch(doc, contracts[contract].schema);
    if (match.foreign > match.keys * FOREIGN_ALLOWED) continue;
    const share = shareOf(match);
    if (!best || share > best.share) best = { contract, share, match };
  }
  if (!best || best.share < SHAPE_WARNED) return undefined;
  const { contract, match } = best;
  const of = match.present === match.required ? `all ${match.required} required properties of ${a(contract)}` : `${match.present} of the ${match.required} required properties of ${a(contract)}`;
  if (best.share >= SHAPE_TAKEN) return { contract, by: 'shape', reason: `no "type", and it has ${of}` };
  const missing = match.missing.join(', ');
  return {
    contract: null,
    by: 'shape',
    looksLike: contract,
    reason: `no "type", and only ${of}`,
    issue: {
      code: 'contract/partial-shape',
      severity: 'warning',
      pointer: '',
      message: `this looks like ${a(contract)} (${of}; missing ${missing}${match.present + match.missing.length < match.required ? ', ...' : ''}) but is not checked as one: if it is, map it to ${contract} in .contracts.json; if not, map it to "none"`,
    },
  };
}

const NOT_AN_OBJECT: Classification = { contract: null, by: 'none', reason: 'not a JSON object', notOurs: 'json' };

/** A SourceOS document: its `id` is a `urn:srcos:` URN (of another family, once ours are ruled out). */
const isSourceOS = (doc: Record<string, unknown>): boolean => typeof doc.id === 'string' && doc.id.slice(0, SOURCEOS_ID.length).toLowerCase() === SOURCEOS_ID;

/** Why a value is none of ours, in words, and which kind of not ours. */
function notOurs(doc: Record<string, unknown>, type: unknown): Classification {
  const sourceos = isSourceOS(doc);
  const what = type === undefined ? 'no "type"' : `"type" ${quote(type)} is no contract of this package`;
  if (sourceos) {
    const reason = type === undefined ? `a SourceOS document of another family: ${what}, and its id ${quote(doc.id)} has none of this package's URN prefixes` : `a SourceOS document of another family: ${what}`;
    return { contract: null, by: 'none', reason, notOurs: 'sourceos' };
  }
  const reason = type === undefined ? `${what}, and not the shape of ${shapeContracts().map(a).join(' or ')}` : what;
  return { contract: null, by: 'none', reason, notOurs: 'json' };
}

/** The core's decision about a value: by `type`, by evidence of a broken contract, by shape, or none. */
export function classifyDocument(doc: unknown): Classification {
  if (!isRecord(doc)) return NOT_AN_OBJECT;
  const type = doc.type;
  if (typeof type === 'string') {
    const exact = typeClassifications().get(type);
    if (exact) return exact;
  }
  const evidence = byEvidence(doc);
  if (evidence) return evidence;
  if (type === undefined) {
    const shaped = byShapeOf(doc);
    // a partial shape is worth a warning only on a document that says of no other family that it is theirs
    if (shaped && (shaped.contract || !isSourceOS(doc))) return shaped;
  }
  return notOurs(doc, type);
}

/**
 * The contract a document is, by its exact `type` or, without one, by an unmistakable shape (see
 * classifyDocument); null when it is none, or a broken one.
 */
export function detectContract(doc: unknown): ContractName | null {
  return classifyDocument(doc).contract;
}
