/**
 * Where a JSON string ends in raw text, found by searching for quotes (`indexOf`, much faster than
 * looking at each character) and counting the backslashes before each: a quote after an even run
 * of them closes the string.
 */

/** The offset just past the quote that closes the string opening at `open`, or `end` when none does. */
export function stringEnd(text: string, open: number, end: number = text.length): number {
  for (let from = open + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote === -1 || quote >= end) return end;
    // the opening quote stops this count: it is no backslash
    let slashes = 0;
    for (let k = quote - 1; text.charCodeAt(k) === 92; k--) slashes++;
    if ((slashes & 1) === 0) return quote + 1;
    from = quote + 1;
  }
}
