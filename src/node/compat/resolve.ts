/**
 * `$ref` resolution within one side: every file is known by its `$id` (resolved against its own
 * path) and by its path; a reference resolves against its file's base to a file, then to a node by
 * JSON Pointer fragment or `$anchor`. Nothing is fetched.
 */
import { resolvePointer, unescapeToken } from '../../json-pointer.js';
import type { SchemaFile, SchemaSet } from './load.js';

/** A schema node in its file, by RFC 6901 pointer. */
export interface Loc {
  readonly file: SchemaFile;
  readonly pointer: string;
  readonly node: unknown;
  /** Set on a node the walk made (an absent keyword's `true`, a `$ref` merged with its siblings). */
  readonly tag?: string;
}

const fileUrl = (rel: string): string => `file:///${rel.split('/').map(encodeURIComponent).join('/')}`;

const withoutFragment = (url: string): string => url.replace(/#.*$/, '');

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The base URI of a file: its `$id` resolved against its path, else its path. */
export function baseOf(file: SchemaFile): string {
  const path = fileUrl(file.rel);
  const id = isRecord(file.schema) ? file.schema.$id : undefined;
  if (typeof id !== 'string') return path;
  try {
    return withoutFragment(new URL(id, path).href);
  } catch {
    return path;
  }
}

function collectAnchors(node: unknown, pointer: string, out: Map<string, string>): void {
  if (Array.isArray(node)) node.forEach((child, i) => collectAnchors(child, `${pointer}/${i}`, out));
  else if (isRecord(node)) {
    if (typeof node.$anchor === 'string' && !out.has(node.$anchor)) out.set(node.$anchor, pointer);
    for (const [key, child] of Object.entries(node)) if (key !== 'const' && key !== 'enum' && key !== 'examples' && key !== 'default') collectAnchors(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
}

/** Resolves references of one side. */
export class Resolver {
  private readonly byUri = new Map<string, SchemaFile>();
  private readonly anchors = new Map<SchemaFile, Map<string, string>>();

  constructor(readonly set: SchemaSet) {
    for (const file of set.files) {
      const base = baseOf(file);
      if (!this.byUri.has(base)) this.byUri.set(base, file);
      this.byUri.set(fileUrl(file.rel), file);
    }
  }

  root(file: SchemaFile): Loc {
    return { file, pointer: '', node: file.schema };
  }

  /** The node `ref` names from within `from`'s file, or a reason it names none. */
  resolve(from: Loc, ref: string): Loc | string {
    let url: URL;
    try {
      url = new URL(ref, baseOf(from.file));
    } catch {
      return `"${ref}" is not a URI reference`;
    }
    const file = this.byUri.get(withoutFragment(url.href));
    if (!file) return `"${ref}" names no schema of this side (${withoutFragment(url.href)})`;
    let fragment: string;
    try {
      fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
    } catch {
      return `"${ref}" has a fragment that is not percent-encoded correctly`;
    }
    let pointer = fragment;
    if (fragment !== '' && !fragment.startsWith('/')) {
      let anchors = this.anchors.get(file);
      if (!anchors) {
        anchors = new Map();
        collectAnchors(file.schema, '', anchors);
        this.anchors.set(file, anchors);
      }
      const at = anchors.get(fragment);
      if (at === undefined) return `"${ref}": no $anchor "${fragment}" in ${file.rel}`;
      pointer = at;
    }
    const node = resolvePointer(file.schema, pointer);
    if (node === undefined) return `"${ref}": nothing at ${pointer.split('/').map(unescapeToken).join('/') || '/'} in ${file.rel}`;
    return { file, pointer, node };
  }
}
