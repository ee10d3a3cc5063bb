// The public API of the core: validate, detection, the registry, type guards, assert, Standard Schema.
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  ContractValidationError,
  contractNames,
  contracts,
  detectContract,
  Lease,
  STANDARD_VENDOR,
  validate,
  type ContractTypes,
  type StandardSchemaV1,
} from '../../src/index.js';
import { validExamples } from '../support/valid-examples.js';

const examples = validExamples();
const first = (name: string) => structuredClone(examples.find((e) => e.contract === name)?.doc) as Record<string, unknown>;

describe('validate', () => {
  test('chooses the contract by type for the five SourceOS contracts and by shape for Lease and Signal', () => {
    for (const e of examples) expect(detectContract(e.doc), e.path).toBe(e.contract);
  });

  test('a document that is no contract gets contract/unknown', () => {
    for (const doc of [null, 42, 'x', [], {}, { hello: 'world' }, { type: 'Nope', id: 'urn:srcos:x:1' }, { type: 7 }]) {
      const result = validate(doc);
      expect(result).toMatchObject({ ok: false, contract: null });
      expect(result.issues.map((i) => i.code)).toEqual(['contract/unknown']);
    }
  });

  test('options.contract overrides detection', () => {
    const result = validate({}, { contract: 'Lease' });
    expect(result.contract).toBe('Lease');
    expect(result.issues.filter((i) => i.code === 'schema/required')).toHaveLength(8);
  });

  test('a lease missing one field is still recognised as a lease and told what is missing; one with half its fields is not', () => {
    const lease = first('Lease');
    delete lease.override_reason;
    expect(validate(lease).contract).toBe('Lease');
    expect(validate(lease).issues.map((i) => i.pointer)).toEqual(['/override_reason']);
    for (const key of ['owner', 'domain', 'override']) delete lease[key];
    expect(validate(lease)).toMatchObject({ ok: false, contract: null, issues: [{ code: 'contract/unknown' }] });
  });

  test('a misspelt type is contract/near-miss, with the contract it looks like', () => {
    const ledger = first('CapabilityLedger');
    ledger.type = 'CapabilityLedgr';
    expect(validate(ledger)).toMatchObject({ ok: false, contract: null, issues: [{ code: 'contract/near-miss', severity: 'error', pointer: '/type' }] });
    expect(validate(ledger).issues[0]?.message).toContain('did you mean "CapabilityLedger"?');
  });

  test('reports every error of a document, not only the first', () => {
    const doc = first('CapabilityLedger');
    delete doc.policyDecisionRef;
    delete doc.effectiveState;
    doc.extra = true;
    doc.capturedAt = 'now';
    const codes = validate(doc).issues.map((i) => `${i.code} ${i.pointer}`);
    expect(codes).toEqual(expect.arrayContaining(['schema/required /policyDecisionRef', 'schema/required /effectiveState', 'schema/additionalProperties /extra', 'schema/format /capturedAt']));
  });

  test('every issue has a code, a severity, an RFC 6901 pointer and a message', () => {
    const doc = first('OrphanEventReceipt');
    (doc.sessionResolution as Record<string, unknown>)['a/b~c'] = 1;
    const issue = validate(doc).issues.find((i) => i.code === 'schema/additionalProperties');
    expect(issue).toMatchObject({ severity: 'error', pointer: '/sessionResolution/a~1b~0c' });
    expect(issue?.message).toMatch(/a\/b~c/);
  });

  test('never throws on hostile input', () => {
    const cyclic: Record<string, unknown> = { type: 'CapabilityLedger' };
    cyclic.self = cyclic;
    const proto = JSON.parse('{"__proto__": {"polluted": true}, "type": "Lease"}');
    for (const doc of [cyclic, proto, new Date(), Object.create(null), { type: 'Signal', header: [] }]) expect(() => validate(doc)).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the contracts registry', () => {
  test('has one entry a schema, keyed by the schema title', () => {
    expect(Object.keys(contracts).sort()).toEqual([...contractNames].sort());
    for (const name of contractNames) {
      expect(contracts[name].name).toBe(name);
      expect(contracts[name].schema.title).toBe(name);
    }
  });

  test('is narrows, assert throws with the issues', () => {
    const lease: unknown = first('Lease');
    expect(Lease.is(lease)).toBe(true);
    if (Lease.is(lease)) expectTypeOf(lease).toEqualTypeOf<ContractTypes['Lease']>();
    expect(Lease.is({ ...(lease as object), ttl_seconds: -1 })).toBe(false);
    expect(() => Lease.assert(lease)).not.toThrow();
    try {
      Lease.assert({ ...(lease as object), owner: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractValidationError);
      expect((error as ContractValidationError).issues).toContainEqual(expect.objectContaining({ code: 'schema/minLength', pointer: '/owner' }));
    }
  });

  test('implements Standard Schema v1', () => {
    const std = contracts.Signal['~standard'];
    expect(std).toMatchObject({ version: 1, vendor: STANDARD_VENDOR });
    const doc = first('Signal');
    expect(std.validate(doc)).toEqual({ value: doc });
    const failure = std.validate({ ...doc, footer: {} }) as StandardSchemaV1.FailureResult;
    expect(failure.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['footer', 'expects_response'], ['footer', 'response_by']]));
    expectTypeOf<StandardSchemaV1.InferOutput<typeof contracts.Signal>>().toEqualTypeOf<ContractTypes['Signal']>();
  });
});
