// Shared by the machine tests: a deterministic id minter, a clock, and the check that every
// emitted document validates with `validate` from the package entry with no issue at all.
import { expect } from 'vitest';
import { validate, type Emission, type IdKind, type TransitionRow } from '../../src/index.js';

/** Runs a property test this many times (model-based tests: that many random command sequences). */
export const NUM_RUNS = 200;

/** A minter that counts: alternately the bare suffix and the whole URN, to exercise both forms. */
export function counterMinter(): (kind: IdKind) => string {
  let n = 0;
  return (kind) => {
    n += 1;
    return n % 2 === 0 ? `urn:srcos:${kind}:t${n}` : `t${n}`;
  };
}

/** 2026-01-30T06:00:00Z, the epoch second the tests count from. */
export const T0 = Date.UTC(2026, 0, 30, 6, 0, 0) / 1000;

/** The RFC 3339 timestamp `seconds` after T0 (as the estate writes them). */
export const at = (seconds: number): string => new Date((T0 + seconds) * 1000).toISOString().replace('.000Z', 'Z');

/** Seconds since the epoch of an RFC 3339 timestamp. */
export const epoch = (timestamp: string): number => Date.parse(timestamp) / 1000;

/** Every emitted document validates with no issue (errors or warnings), with its file name for signals. */
export function expectValidEmissions(emitted: readonly Emission[]): void {
  for (const e of emitted) {
    const result = validate(e.document, { contract: e.contract, filename: e.filename });
    expect(result.issues, `${e.contract} ${JSON.stringify(e.document)}`).toEqual([]);
    expect(result.ok).toBe(true);
    // detected the same way a reader would detect it, without naming the contract
    expect(validate(e.document, { filename: e.filename }).contract).toBe(e.contract);
  }
}

/** The table has the row (from, event, to). */
export function expectRow(table: readonly TransitionRow[], from: string | null, event: string, to: string | null): void {
  expect(table.some((r) => r.from === from && r.event === event && r.to === to), `row ${from} --${event}--> ${to}`).toBe(true);
}

/** Narrows an outcome to its accepted form (fails the test otherwise). */
export function accepted<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  if (!outcome.ok) expect.fail(`refused: ${JSON.stringify((outcome as { refusal?: unknown }).refusal)}`);
  return outcome as Extract<T, { ok: true }>;
}

/** The refusal code of an outcome (fails the test when it was accepted). */
export function refusalCode(outcome: { ok: boolean }): string {
  if (outcome.ok) expect.fail('expected a refusal, got an accepted transition');
  return (outcome as unknown as { refusal: { code: string } }).refusal.code;
}

/** Freezes a value and everything in it, so a machine that mutated its input would throw. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

/** The refusal code of a query's answer, or undefined when the answer is not a refusal. */
export function answerRefusal(answer: unknown): string | undefined {
  if (answer === null || typeof answer !== 'object' || (answer as { ok?: unknown }).ok !== false) return undefined;
  return (answer as { refusal: { code: string } }).refusal.code;
}
