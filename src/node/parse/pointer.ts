/** RFC 6901 JSON pointers: escaping a token, splitting a pointer, walking up to a parent. */

export function escapePointerToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** The pointer of the value that contains the one named (the document itself stays ""). */
export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}
