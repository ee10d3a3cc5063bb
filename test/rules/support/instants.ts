// Test-side time, independent of src/rules/instant.ts: instants as integer nanoseconds since the
// epoch (bigint), written as RFC 3339 in random offsets, separators and fraction precisions.
import fc from 'fast-check';

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const NS = 1_000_000_000n;

/** Nanoseconds since the epoch of an RFC 3339 date-time (no leap second, nothing finer than a nanosecond). */
export function toNs(text: string): bigint {
  const m = STAMP.exec(text);
  if (!m || m[6] === '60' || /[1-9]/.test((m[7] ?? '').slice(9))) throw new Error(`test instants cannot read ${text}`);
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offset = (m[8] === '-' ? -1 : 1) * (Number(m[9] ?? 0) * 60 + Number(m[10] ?? 0));
  const seconds = BigInt(Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - offset * 60);
  return seconds * NS + BigInt((m[7] ?? '').padEnd(9, '0').slice(0, 9));
}

/** How an instant is written: its offset in minutes, and how its fraction and letters are spelled. */
export interface Spelling {
  readonly offsetMinutes: number;
  readonly fraction: 'shortest' | 'nine' | 'padded';
  readonly lower: boolean;
}

export const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  offsetMinutes: fc.oneof(fc.constant(0), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
  fraction: fc.constantFrom('shortest', 'nine', 'padded'),
  lower: fc.boolean(),
});

const two = (n: number) => String(n).padStart(2, '0');

/** Writes an instant as RFC 3339, exactly (every spelling names the same instant). */
export function spell(ns: bigint, { offsetMinutes, fraction, lower }: Spelling): string {
  const seconds = ns / NS - (ns % NS < 0n ? 1n : 0n);
  const nanos = String(ns - seconds * NS).padStart(9, '0');
  const wall = new Date(Number(seconds + BigInt(offsetMinutes * 60)) * 1000).toISOString().slice(0, 19);
  const digits = fraction === 'shortest' ? nanos.replace(/0+$/, '') : fraction === 'nine' ? nanos : `${nanos}000`;
  const zone = offsetMinutes === 0 && !lower ? 'Z' : offsetMinutes === 0 ? 'z' : `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offsetMinutes) / 60))}:${two(Math.abs(offsetMinutes) % 60)}`;
  return `${lower ? wall.replace('T', 't') : wall}${digits ? `.${digits}` : ''}${zone}`;
}

/** An instant between 1971 and 2190. */
export const instantArb: fc.Arbitrary<bigint> = fc.bigInt({ min: 31_536_000n * NS, max: 6_900_000_000n * NS });

/** A positive duration in nanoseconds, from one nanosecond to about ten years, small ones often. */
export const durationArb: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 1n, max: 1_000_000n }),
  fc.bigInt({ min: 1n, max: 3_600n }).map((s) => s * NS),
  fc.bigInt({ min: 1n, max: 315_360_000n * NS }),
);

/** A random spelling of an instant. */
export const stampArb = (ns: bigint): fc.Arbitrary<string> => spellingArb.map((s) => spell(ns, s));
