/** "Did you mean --format?": the known option nearest to a mistyped one, by edit distance. */
import { editDistance } from '../../detection/names.js';

/**
 * The known name closest to `given` (both without their dashes): within a third of its length in
 * edits (at least one), or the only name it is the start of. Undefined when nothing is close.
 */
export function nearest(given: string, known: readonly string[]): string | undefined {
  const word = given.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(word, name, bestDistance);
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
