/**
 * `prefixItems`/`items` (and draft-07's array `items` with `additionalItems`), position by
 * position: each position's schema on one side against the other's, whichever keyword governs it;
 * then `contains`.
 */
import { child, synthetic, type Changes, type Walk } from './changes.js';
import { type Loc } from './resolve.js';

type Rec = Record<string, unknown>;

interface Positions {
  readonly prefix: readonly Loc[];
  readonly rest: Loc;
}

function positions(loc: Loc): Positions {
  const node = loc.node as Rec;
  const tuple = Array.isArray(node.prefixItems) ? 'prefixItems' : Array.isArray(node.items) ? 'items' : undefined;
  const restKey = tuple === 'items' ? 'additionalItems' : 'items';
  const prefix = tuple ? (node[tuple] as unknown[]).map((_, i) => child(loc, tuple, i)) : [];
  const rest = child(loc, restKey);
  return { prefix, rest: rest.node === undefined ? synthetic(rest, true, 'absent') : rest };
}

const hasArrayKeywords = (node: Rec): boolean => node.items !== undefined || node.prefixItems !== undefined || node.additionalItems !== undefined;

/** Compares the array keywords of two schema objects. */
export function compareArrays(w: Walk, o: Loc, n: Loc, out: Changes): void {
  const a = o.node as Rec;
  const b = n.node as Rec;
  if (hasArrayKeywords(a) || hasArrayKeywords(b)) {
    const before = positions(o);
    const after = positions(n);
    const length = Math.max(before.prefix.length, after.prefix.length);
    for (let i = 0; i < length; i++) out.push(w.compare(before.prefix[i] ?? before.rest, after.prefix[i] ?? after.rest));
    out.push(w.compare(before.rest, after.rest));
  }
  if (a.contains === undefined && b.contains === undefined) return;
  if (a.contains === undefined) out.add(child(n, 'contains'), 'contains-added', 'a list must contain a matching item now');
  else if (b.contains === undefined) out.add(child(n, 'contains'), 'contains-removed', 'a list no longer needs a matching item');
  else out.push(w.compare(child(o, 'contains'), child(n, 'contains')));
}
