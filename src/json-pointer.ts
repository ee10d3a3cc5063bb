/** RFC 6901 JSON Pointers: building, splitting and resolving them. */

export const escapeToken = (token: string | number): string => String(token).replace(/~/g, '~0').replace(/\//g, '~1');

export const unescapeToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Joins a parent pointer and one more reference token. */
export const childPointer = (parent: string, token: string | number): string => `${parent}/${escapeToken(token)}`;

/** Builds a pointer from its tokens: `['a', 0]` → `/a/0`. */
export const toPointer = (tokens: readonly (string | number)[]): string => tokens.map((t) => `/${escapeToken(t)}`).join('');

/** Splits a pointer into unescaped tokens: `/a~1b/0` → `['a/b', '0']`. */
export const pointerTokens = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken));

/** The pointer of the value that holds the one pointed to (`/a/b` → `/a`; the root's parent is the root). */
export const parentPointer = (pointer: string): string => pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));

/** The value a pointer names in a document, or undefined when there is none. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
