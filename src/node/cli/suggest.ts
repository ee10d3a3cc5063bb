/** "Did you mean --format?": the known option nearest to a mistyped one, by edit distance. */

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, (rows[i - 2] as number[])[j - 2] as number + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The known name closest to `given` (both without their dashes): within a third of its length in
 * edits (at least one), or the only name it is the start of. Undefined when nothing is close.
 */
export function nearest(given: string, known: readonly string[]): string | undefined {
  const word = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(word, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  if (best) return best;
  const starts = known.filter((name) => word.length >= 2 && name.startsWith(word));
  return starts.length === 1 ? starts[0] : undefined;
}

/** The usage message for an unknown option: what was given, and the option it is likely meant as. */
export function unknownOptionMessage(option: string, known: readonly string[]): string {
  const guess = option.startsWith('--') ? nearest(option.slice(2).split('=')[0] as string, known) : undefined;
  return `unknown option ${option}${guess ? ` (did you mean --${guess}?)` : ''}`;
}
