/**
 * Globs as regular-expression sources: `*` any characters but `/`, `?` one of them, `**` any
 * characters, and `**` followed by `/` any number of folders (none too). Used for the places of the
 * contracts (the schemas' `location`) and the globs of the configuration file.
 */
export function globSource(glob: string): string {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i++;
      }
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return source;
}

/** The longest part of a glob without wildcards: a path without it cannot match (a cheap first test). */
export const longestLiteral = (glob: string): string => glob.split(/[*?]+/).reduce((a, b) => (b.length > a.length ? b : a), '');

/**
 * A glob of the configuration file as a regular-expression source, read as .gitignore reads a
 * pattern, relative to the file's folder: with no `/` but a trailing one it matches at any depth
 * (`*.fixture.json`); with one it is anchored at the folder (`test/fixtures/**`, `/data.json`); and
 * a pattern that matches a folder matches everything in it (`test/fixtures`).
 */
export function configGlobSource(glob: string): string {
  let body = glob.trim();
  const folderOnly = body.endsWith('/');
  if (folderOnly) body = body.replace(/\/+$/, '');
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  const prefix = anchored ? '' : '(?:.*/)?';
  return `^${prefix}${globSource(body)}${folderOnly ? '/.*' : '(?:/.*)?'}$`;
}
