/**
 * The parallel walk of two schemas: booleans, `$ref`s (followed on each side, merged with their
 * sibling keywords when one side inlines what the other refers to), then each group of keywords.
 * A pair of nodes is compared once (memoised); a pair met again while being compared (a recursive
 * schema) is taken as equal, which is sound for the structural comparison made here.
 */
import { Changes, via, type RawChange, type Walk } from './changes.js';
import { GROUPS, jsonEqual, validatingKeys } from './keywords.js';
import { isRecord, type Loc, type Resolver } from './resolve.js';
import type { SchemaFile } from './load.js';
import { compareKeywords } from './keyword-groups.js';

type Rec = Record<string, unknown>;

export class Walker implements Walk {
  private readonly memo = new Map<string, RawChange[]>();
  private readonly busy = new Set<string>();
  private readonly sides = new Map<SchemaFile, { resolver: Resolver; index: number }>();

  constructor(oldSide: Resolver, newSide: Resolver) {
    for (const resolver of [oldSide, newSide]) for (const file of resolver.set.files) this.sides.set(file, { resolver, index: this.sides.size });
  }

  private key(loc: Loc): string {
    return `${this.sides.get(loc.file)?.index ?? -1}#${loc.pointer}${loc.tag ? `~${loc.tag}` : ''}`;
  }

  /** The changes from the schema at `o` (old) to the one at `n` (new). */
  compare(o: Loc, n: Loc): RawChange[] {
    const key = `${this.key(o)}|${this.key(n)}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.busy.has(key)) return [];
    this.busy.add(key);
    const found = this.inner(o, n);
    this.busy.delete(key);
    this.memo.set(key, found);
    return found;
  }

  /** Follows `$ref`s (and nothing else) to the node a location finally names, for disjointness checks. */
  deref(loc: Loc, depth = 0): Loc | undefined {
    if (!isRecord(loc.node) || typeof loc.node.$ref !== 'string') return loc;
    if (depth > 32) return undefined;
    const target = this.sides.get(loc.file)?.resolver.resolve(loc, loc.node.$ref);
    return typeof target === 'object' ? this.deref(target, depth + 1) : undefined;
  }

  private inner(o: Loc, n: Loc): RawChange[] {
    const out = new Changes();
    if (o.node === false || n.node === false) {
      if (o.node === false && n.node !== false) out.add(n, 'schema-opened', 'a schema that accepted nothing accepts documents now');
      if (n.node === false && o.node !== false) out.add(n, 'schema-closed', 'the schema accepts nothing now');
      return out.list;
    }
    const a = o.node === true || o.node === undefined ? {} : o.node;
    const b = n.node === true || n.node === undefined ? {} : n.node;
    if (!isRecord(a) || !isRecord(b)) {
      if (!jsonEqual(a, b)) out.add(n, 'cannot-prove-compatible', 'cannot prove compatible: a value here is not a schema (an object or a boolean)');
      return out.list;
    }
    const oRef = typeof a.$ref === 'string' ? a.$ref : undefined;
    const nRef = typeof b.$ref === 'string' ? b.$ref : undefined;
    const plainO = { ...o, node: a };
    const plainN = { ...n, node: b };
    if (oRef !== undefined && nRef !== undefined) this.bothRefs(plainO, plainN, oRef, nRef, out);
    else if (oRef !== undefined || nRef !== undefined) this.oneRef(plainO, plainN, out);
    else compareKeywords(this, plainO, plainN, out);
    return out.list;
  }

  private target(loc: Loc, ref: string, out: Changes, at: Loc): Loc | undefined {
    const found = this.sides.get(loc.file)!.resolver.resolve(loc, ref);
    if (typeof found === 'string') {
      out.add(at, 'ref-unresolved', `cannot prove compatible: the $ref ${found}`);
      return undefined;
    }
    return found;
  }

  private bothRefs(o: Loc, n: Loc, oRef: string, nRef: string, out: Changes): void {
    const strip = (loc: Loc): Loc => {
      const { $ref: _ignored, ...rest } = loc.node as Rec;
      return { ...loc, node: rest, tag: `${loc.tag ?? ''}-ref` };
    };
    out.push(this.compare(strip(o), strip(n)));
    const at = { ...n, pointer: `${n.pointer}/$ref` };
    const unresolved = (loc: Loc, ref: string): boolean => typeof this.sides.get(loc.file)!.resolver.resolve(loc, ref) === 'string';
    if (oRef === nRef && unresolved(o, oRef) && unresolved(n, nRef)) return; // the same dangling reference on both sides
    const oT = this.target(o, oRef, out, at);
    const nT = this.target(n, nRef, out, at);
    if (!oT || !nT) return;
    if (oRef !== nRef) out.add(at, 'ref-target-changed', `$ref is "${nRef}", was "${oRef}": the targets are compared`);
    out.push(via(n, nRef, this.compare(oT, nT)));
  }

  /** One side refers, the other does not: the reference is merged with its siblings, when they do not overlap. */
  private oneRef(o: Loc, n: Loc, out: Changes): void {
    const refSide = typeof (o.node as Rec).$ref === 'string' ? o : n;
    const merged = this.merge(refSide, out);
    if (!merged) return;
    const ref = (refSide.node as Rec).$ref as string;
    const changes = refSide === o ? this.compare(merged, n) : this.compare(o, merged);
    out.push(via(n, ref, changes));
  }

  private merge(site: Loc, out: Changes, depth = 0): Loc | undefined {
    const { $ref, ...siblings } = site.node as Rec;
    const at = { ...site, pointer: `${site.pointer}/$ref` };
    let target = this.target(site, $ref as string, out, at);
    if (!target) return undefined;
    if (isRecord(target.node) && typeof target.node.$ref === 'string') {
      if (depth > 32) {
        out.add(at, 'ref-unresolved', 'cannot prove compatible: a chain of $refs more than 32 long');
        return undefined;
      }
      target = this.merge(target, out, depth + 1);
      if (!target) return undefined;
    }
    const tag = `merged@${this.key(site)}`;
    const own = validatingKeys(siblings);
    if (target.node === true || target.node === undefined) return { ...site, node: siblings, tag };
    if (target.node === false) return own.length === 0 ? target : { ...site, node: false, tag };
    if (!isRecord(target.node)) {
      out.add(at, 'cannot-prove-compatible', 'cannot prove compatible: the $ref names a value that is not a schema');
      return undefined;
    }
    const theirs = validatingKeys(target.node);
    const clash = own.find((k) => theirs.includes(k) || GROUPS.some((g) => g.includes(k) && theirs.some((t) => g.includes(t))));
    if (clash !== undefined) {
      out.add(at, 'cannot-prove-compatible', `cannot prove compatible: one side inlines what the other refers to, and "${clash}" stands both beside the $ref and in its target`);
      return undefined;
    }
    // The target's identity and definitions are its file's, compared there: not part of this node.
    const { $id: _id, $schema: _schema, $defs: _defs, definitions: _definitions, ...body } = target.node;
    return { ...target, node: { ...body, ...siblings }, tag };
  }
}
