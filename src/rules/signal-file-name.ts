/**
 * Signal file names: `<YYYYMMDD-HHMMSS>_<kind>_<topic>.json`, as the estate keeps signals in
 * `.bridges/signals/`. A kind may itself contain an underscore (`council_call`), and so may a topic.
 */

/** The parts of a signal file name. */
export interface SignalFileName {
  /** The `YYYYMMDD-HHMMSS` stamp. */
  readonly stamp: string;
  readonly kind: string;
  readonly topic: string;
}

/** The longest file name, in bytes, that common file systems take: a signal's name may cut its topic to fit. */
export const MAX_FILE_NAME_BYTES = 255;

const STAMPED = /^(\d{8}-\d{6})_(.+)\.json$/;

/** The base name of a path (either separator). */
export const baseName = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/**
 * Splits a file name of the form `<YYYYMMDD-HHMMSS>_<kind>_<topic>.json`, or returns null when the
 * name is not of that form. The kind is the longest of `kinds` the rest starts with (followed by
 * `_`); when none fits, it is the text up to the next `_`, so an unknown kind is still read (and
 * then disagrees with the document). A name with no `_` after the kind, or an empty part, is not of the form.
 */
export function parseSignalFileName(path: string, kinds: readonly string[]): SignalFileName | null {
  const match = STAMPED.exec(baseName(path));
  if (!match) return null;
  const [, stamp = '', rest = ''] = match;
  const known = [...kinds].sort((a, b) => b.length - a.length).find((k) => rest.startsWith(`${k}_`) && rest.length > k.length + 1);
  const kind = known ?? rest.slice(0, Math.max(0, rest.indexOf('_')));
  const topic = rest.slice(kind.length + 1);
  if (kind === '' || topic === '') return null;
  return { stamp, kind, topic };
}
