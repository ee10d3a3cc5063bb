/**
 * Changes as the walk finds them: each at a node of one side's files. Crossing a `$ref` into
 * another file, the walk reports a change at the reference (`via`), naming where it really is.
 */
import { escapeToken } from '../../json-pointer.js';
import { changeCodes, maxClass, type ChangeCode, type CompatClass } from './classes.js';
import type { Loc } from './resolve.js';

export interface RawChange {
  readonly file: string;
  readonly pointer: string;
  readonly class: CompatClass;
  readonly code: ChangeCode;
  readonly message: string;
  /** Where a change reported at a `$ref` really is (`defs.schema.json#/$defs/urn/pattern`). */
  readonly origin?: string;
}

/** A child node of a location (absent → undefined node), by reference tokens. */
export function child(loc: Loc, ...tokens: (string | number)[]): Loc {
  let node: unknown = loc.node;
  for (const t of tokens) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[t] : undefined;
  return { file: loc.file, pointer: loc.pointer + tokens.map((t) => `/${escapeToken(t)}`).join(''), node };
}

/** A location holding a value it does not have in the file (`true` for an absent keyword). */
export const synthetic = (loc: Loc, node: unknown, tag: string): Loc => ({ ...loc, node, tag });

/** Collects changes; `class` defaults to the code's own. */
export class Changes {
  readonly list: RawChange[] = [];

  add(at: Loc, code: ChangeCode, message: string, cls?: CompatClass): void {
    const own = changeCodes[code].class;
    const resolved = cls ?? (own === 'varies' ? 'major' : own);
    this.list.push({ file: at.file.rel, pointer: at.pointer, class: resolved, code, message });
  }

  push(changes: readonly RawChange[]): void {
    this.list.push(...changes);
  }
}

/** Changes found behind a reference at `site`: those in other files are reported at the site. */
export function via(site: Loc, ref: string, changes: readonly RawChange[]): RawChange[] {
  return changes.map((c) =>
    c.file === site.file.rel
      ? c
      : { ...c, file: site.file.rel, pointer: site.pointer, origin: c.origin ?? `${c.file}#${c.pointer}`, message: c.origin ? c.message : `${c.message} (via $ref "${ref}", at ${c.file}#${c.pointer})` },
  );
}

export const show = (v: unknown): string => JSON.stringify(v);

export const classOf = (changes: readonly RawChange[]): CompatClass => maxClass(changes.map((c) => c.class));

/** What the keyword groups need of the walk: compare two nodes, follow references. */
export interface Walk {
  compare(o: Loc, n: Loc): RawChange[];
  /** Follows `$ref`s to the node a location finally names (undefined when one does not resolve). */
  deref(loc: Loc): Loc | undefined;
}
