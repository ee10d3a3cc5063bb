// A contract's typed parse: the document as its type, or a ContractValidationError with every issue;
// a document valid with warnings is returned (by parse and by Standard Schema), its warnings found with validate.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Signal as SignalDocument } from '../../generated/types/index.js';
import { ContractValidationError, Signal, validate } from '../../src/index.js';

const signal: SignalDocument = {
  header: { id: '20260130-040219', timestamp: '2026-01-30T04:02:19Z', from: 'scribe', to: 'all', kind: 'proclamation', urgency: 'normal' },
  body: { topic: 'plan', claim: 'c', evidence: [], confidence: 'high', asks: [], next_actions: [] },
  footer: { expects_response: false, response_by: '' },
};

describe('parse', () => {
  it('returns the document itself, typed', () => {
    const doc: unknown = JSON.parse(JSON.stringify(signal));
    const parsed = Signal.parse(doc);
    expectTypeOf(parsed).toEqualTypeOf<SignalDocument>();
    expect(parsed).toBe(doc);
  });

  it('throws a ContractValidationError carrying every issue', () => {
    const bad = { ...signal, header: { ...signal.header, kind: 'memo' } };
    expect(() => Signal.parse(bad)).toThrow(ContractValidationError);
    try {
      Signal.parse(bad);
    } catch (error) {
      expect((error as ContractValidationError).issues.map((i) => i.pointer)).toContain('/header/kind');
    }
  });

  it('returns a document valid with warnings; validate lists the warnings', () => {
    const warned = { ...signal, footer: { expects_response: false, response_by: '2026-02-01T00:00:00Z' } };
    expect(Signal.parse(warned)).toBe(warned);
    expect(Signal['~standard'].validate(warned)).toEqual({ value: warned });
    expect(validate(warned, { contract: 'Signal' }).issues.map((i) => [i.code, i.severity])).toEqual([['rule/signal-deadline-expects-response', 'warning']]);
  });
});
