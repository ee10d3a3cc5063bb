/**
 * V8 settings for the validate-contracts process, never for an app that imports the library. All
 * only steer how V8 spends memory and compile time, and each was measured with `npm run bench`
 * on Node 20 (V8 11); see docs/cli.md for the figures. Another V8 runs untuned until measured
 * (V8 also complains aloud about a flag it does not know).
 *
 * - The young generation keeps its first size instead of doubling up to 32 MiB as a long scan goes
 *   on, so a scan's peak memory grows less with the number of files (it holds no file's text): at
 *   100,000 documents, peaks of 113–125 MiB in five runs instead of 142–153 MiB.
 * - The optimizing compiler inlines less into one function. A scan's hot functions call many small
 *   ones whose inputs change shape from folder to folder; each change recompiles them, and smaller
 *   units make each recompile cheaper: 12–16 % less CPU time on 10,000 documents.
 * - The old generation may grow to twice what it held after a full collection (or 8 MiB more,
 *   whichever is larger) before the next one. V8 otherwise lets it grow fourfold after its first
 *   full collection, when it has no measure of its speed yet: a long log, whose heap holds about
 *   6 MiB that live and a steady trickle of each line's short-lived objects, then peaked with 23 MiB
 *   of old space instead of 16 (peak RSS growth from 50,000 to 200,000 lines: 10–27 MiB, now 2–10).
 *   V8 reads it at each full collection; from the second one on it chose 1.2–2.1 by itself anyway,
 *   and 100,000 documents take two more full collections of about 2 ms each (same time, same peak).
 *   A large `.json` file peaks no higher (an 8 MiB array of 2.2 million numbers: 133 MiB, not 152).
 *
 * Only flags that V8 reads when it uses them (a new-space resize, a compile job, the next limit after
 * a full collection) can be set once the process runs: GC flags set now can abort V8 (tried on
 * Node 20: `--single-threaded-gc` and `--no-concurrent-marking` end in a fatal check at the next
 * major GC), and `--no-concurrent-recompilation` does nothing (V8 chose its compiler thread at
 * startup; on the command line it makes a log's peak 7–11 MiB lower in three runs: the malloc
 * arenas of the compiler's threads). Add none without a run of the whole test suite and the bench.
 */
import { setFlagsFromString } from 'node:v8';

const TUNED_V8_MAJOR = 11;
const FLAGS = ['--semi-space-growth-factor=1', '--max-inlined-bytecode-size-cumulative=100', '--heap-growing-percent=100'] as const;

/** The flags to set for a V8 version (`process.versions.v8`): those measured for its major version, or none. */
export function engineFlags(v8Version: string): readonly string[] {
  return Number.parseInt(v8Version, 10) === TUNED_V8_MAJOR ? FLAGS : [];
}

export function tuneEngine(v8Version: string = process.versions.v8): void {
  for (const flag of engineFlags(v8Version)) setFlagsFromString(flag);
}
