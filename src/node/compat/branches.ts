/**
 * `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`. Branches are paired (by rule code,
 * then equal content, then the closest match); a conjunction may lose branches safely, a
 * disjunction may gain them, and a `oneOf` may gain or widen a branch only when its branches are
 * provably disjoint (each has a required property with its own constant values, or its own types).
 */
import { child, synthetic, type Changes, type RawChange, type Walk, classOf } from './changes.js';
import { classRank, maxClass } from './classes.js';
import { acceptsAll, jsonEqual, typeSet, typesCovered, valueSet } from './keywords.js';
import { isRecord, type Loc } from './resolve.js';
import { pairUp, type Pairing } from './pairing.js';

type Rec = Record<string, unknown>;

const ruleCode = (node: unknown): unknown => (isRecord(node) && isRecord(node['x-sourceos-rule']) ? node['x-sourceos-rule'].code : undefined);

const plain = (x: Loc, y: Loc): boolean => ruleCode(x.node) === undefined && ruleCode(y.node) === undefined;

/** Branches paired by rule code, then equal content, then a provable match, then (as many on each side) position. */
function pairBranches(w: Walk, before: Loc[], after: Loc[]): Pairing<Loc> {
  return pairUp(before, after, [
    (x, y) => ruleCode(x.node) !== undefined && ruleCode(x.node) === ruleCode(y.node),
    (x, y) => plain(x, y) && jsonEqual(x.node, y.node),
    (x, y) => plain(x, y) && classRank(classOf(w.compare(x, y))) < classRank('major'),
    (x, y, { left, right }) => plain(x, y) && left.length === right.length && right.indexOf(y) === left.indexOf(x),
  ]);
}

const branchesOf = (loc: Loc, key: string): Loc[] => (Array.isArray((loc.node as Rec)[key]) ? ((loc.node as Rec)[key] as unknown[]).map((_, i) => child(loc, key, i)) : []);

/** Whether no value can match two of the branches: a shared required discriminator with disjoint values, or disjoint types. */
export function provablyDisjoint(w: Walk, branches: readonly Loc[]): boolean {
  const nodes = branches.map((b) => w.deref(b)?.node);
  if (!nodes.every(isRecord)) return false;
  const recs = nodes as Rec[];
  const types = recs.map(typeSet);
  const overlap = (t: Set<string>, u: Set<string>): boolean => [...t].some((x) => typesCovered(new Set([x]), u)) || [...u].some((x) => typesCovered(new Set([x]), t));
  if (types.every((t, i) => t !== null && types.every((u, j) => i === j || !overlap(t, u!)))) return true;
  const first = recs[0];
  if (!first || !isRecord(first.properties)) return false;
  return Object.keys(first.properties).some((key) => {
    const values = recs.map((r) => (Array.isArray(r.required) && r.required.includes(key) && isRecord(r.properties) && isRecord(r.properties[key]) ? valueSet(r.properties[key] as Rec) : null));
    if (values.some((v) => v === null)) return false;
    return values.every((v, i) => values.every((u, j) => i === j || !v!.some((x) => u!.some((y) => jsonEqual(x, y)))));
  });
}

function compareAllOf(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const { pairs, added, removed } = pairBranches(w, branchesOf(o, 'allOf'), branchesOf(n, 'allOf'));
  for (const [x, y] of pairs) out.push(w.compare(x, y));
  for (const y of added) {
    const code = ruleCode(y.node);
    if (code !== undefined) out.add(y, 'rule-branch-added', `a new schema rule ${String(code)}: an old document that breaks it is rejected`);
    else if (!acceptsAll(y.node)) out.add(y, 'allof-branch-added', 'a new allOf branch: cannot prove every old document meets it');
  }
  for (const x of removed) {
    const code = ruleCode(x.node);
    const at = { ...n, pointer: `${n.pointer}/allOf` };
    if (code !== undefined) out.add(at, 'rule-branch-removed', `the schema rule ${String(code)} was removed`);
    else if (!acceptsAll(x.node)) out.add(at, 'allof-branch-removed', `an allOf branch was removed (was at ${x.pointer})`);
  }
}

function compareUnion(w: Walk, o: Loc, n: Loc, before: Loc[], after: Loc[], newKey: string, out: Changes): void {
  const exclusive = newKey === 'oneOf' && !provablyDisjoint(w, after);
  const { pairs, added, removed } = pairBranches(w, before, after);
  for (const [x, y] of pairs) {
    const changes = w.compare(x, y);
    out.push(changes);
    if (exclusive && classOf(changes) === 'minor') out.add(y, 'oneof-branch-widened', 'cannot prove compatible: this oneOf branch accepts more now, and may overlap another branch (a document matching two is rejected)');
  }
  for (const y of added) {
    if (exclusive) out.add(y, 'oneof-branch-added', 'cannot prove compatible: a new oneOf branch that may overlap another (a document matching two is rejected)');
    else out.add(y, 'anyof-branch-added', `a new ${newKey} branch: more documents are accepted`);
  }
  for (const x of removed) out.add({ ...n, pointer: `${n.pointer}/${newKey}` }, 'anyof-branch-removed', `a branch was removed (was at ${x.pointer}): an old document that only it matched is rejected`);
}

function compareUnions(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  const keyOf = (r: Rec): string | undefined => (Array.isArray(r.anyOf) ? 'anyOf' : Array.isArray(r.oneOf) ? 'oneOf' : undefined);
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka === undefined && kb === undefined) return;
  if ((Array.isArray(a.anyOf) && Array.isArray(a.oneOf)) || (Array.isArray(b.anyOf) && Array.isArray(b.oneOf))) {
    if (!jsonEqual(a.anyOf, b.anyOf) || !jsonEqual(a.oneOf, b.oneOf)) out.add(n, 'cannot-prove-compatible', 'cannot prove compatible: anyOf and oneOf side by side changed');
    return;
  }
  if (ka === 'anyOf' && kb === 'oneOf' && !provablyDisjoint(w, branchesOf(n, kb))) {
    out.add(child(n, kb), 'cannot-prove-compatible', 'cannot prove compatible: anyOf became oneOf, and a document matching two branches is rejected now');
  }
  if (ka && kb) return compareUnion(w, o, n, branchesOf(o, ka), branchesOf(n, kb), kb, out);
  if (kb) {
    // The old schema became one branch (a nullable union, say): proven when it is within a branch.
    const after = branchesOf(n, kb);
    const plain = synthetic(o, Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'allOf' && k !== 'not' && k !== 'if' && k !== 'then' && k !== 'else')), 'unwrapped');
    const within = after.some((y) => classRank(classOf(w.compare(plain, y))) < classRank('major'));
    if (within && (kb === 'anyOf' || provablyDisjoint(w, after))) out.add(child(n, kb), 'union-added', `the old schema is one branch of a ${kb} now: more documents are accepted`);
    else out.add(child(n, kb), 'cannot-prove-compatible', `cannot prove compatible: a ${kb} where the old schema had none, and no branch provably accepts every old document${within ? ' (the branches may overlap)' : ''}`);
    return;
  }
  const changes: RawChange[] = branchesOf(o, ka!).flatMap((x) => w.compare(x, n));
  const cls = classOf(changes);
  // Every old branch within the new schema proves old ⊆ new, not the reverse: at least minor.
  out.add(child(n, ka!), 'union-removed', `the ${ka} was replaced by a plain schema: each old branch is compared with it`, maxClass(['minor', cls]));
  if (cls === 'major') out.push(changes);
}

function compareNot(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  if (a.not === undefined && b.not === undefined) return;
  const at = child(n, 'not');
  if (a.not === undefined) return out.add(at, 'not-changed', 'a new not: documents it matches are rejected', b.not === false ? 'patch' : 'major');
  if (b.not === undefined) return out.add(at, 'not-changed', 'the not was removed: more documents are accepted', 'minor');
  // not S grows exactly when S shrinks: compare the new S against the old one.
  const cls = classOf(w.compare(child(n, 'not'), child(o, 'not')));
  if (cls === 'none') return;
  out.add(at, 'not-changed', cls === 'major' ? 'cannot prove compatible: the schema under not may match more documents now' : 'the schema under not matches fewer documents now', cls);
}

function compareConditional(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  const inert = (r: Rec): boolean => r.if === undefined || (acceptsAll(r.then) && acceptsAll(r.else));
  if (inert(a) && inert(b)) return;
  const at = child(n, 'if');
  if (inert(a)) return out.add(at, 'conditional-added', 'a new if/then/else: an old document that meets the condition may be rejected');
  if (inert(b)) return out.add(at, 'conditional-removed', 'the if/then/else was removed');
  const condition = classOf(w.compare(child(o, 'if'), child(n, 'if')));
  if (classRank(condition) > classRank('patch')) return out.add(at, 'conditional-changed', 'cannot prove compatible: the condition changed, so which documents then and else reach changed');
  const side = (loc: Loc, key: string): Loc => (child(loc, key).node === undefined ? synthetic(child(loc, key), true, 'absent') : child(loc, key));
  out.push(w.compare(side(o, 'then'), side(n, 'then')));
  out.push(w.compare(side(o, 'else'), side(n, 'else')));
}

/** Compares the combining keywords of two schema objects. */
export function compareBranches(w: Walk, o: Loc, n: Loc, out: Changes): void {
  compareAllOf(w, o, n, out);
  compareUnions(w, o, n, out);
  compareNot(w, o, n, out);
  compareConditional(w, o, n, out);
}
