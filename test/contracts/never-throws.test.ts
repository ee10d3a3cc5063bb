// No entry point of the core throws, whatever JavaScript value it is given: BigInt, symbols,
// cycles, proxies, throwing getters and toJSON, boxed values, null prototypes, at the top or deep
// inside a real document. `assert` throws only its own ContractValidationError. Nothing mutates its
// input. ≥ 20,000 runs in CI, more locally (FC_RUNS overrides).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ContractValidationError, contractNames, contracts, validate, type ContractName } from '../../src/index.js';
import { validExamples } from '../support/valid-examples.js';

const RUNS = Number(process.env.FC_RUNS ?? (process.env.CI ? 20_000 : 25_000));
const examples = validExamples();

/** A value made when the property runs (fast-check must not touch a throwing proxy itself). */
type Make = () => unknown;

/** A value that is hostile to read or to serialize, built around `inner`. */
const hostile = (inner: unknown): fc.Arbitrary<Make> =>
  fc.constantFrom(
    () => {
      const o: Record<string, unknown> = { inner };
      o.self = o;
      return o;
    },
    () => {
      const a: unknown[] = [inner];
      a.push(a);
      return a;
    },
    () => new Proxy({}, { get: () => { throw new Error('get trap'); }, has: () => { throw new Error('has trap'); }, ownKeys: () => { throw new Error('ownKeys trap'); }, getOwnPropertyDescriptor: () => { throw new Error('gopd trap'); }, getPrototypeOf: () => { throw new Error('proto trap'); } }),
    () => new Proxy(Array.isArray(inner) ? inner : [inner], {}),
    () => Object.defineProperty({ type: 'Lease' }, 'domain', { enumerable: true, get: () => { throw new Error('getter'); } }),
    () => ({ toJSON: () => { throw new Error('toJSON'); }, inner }),
    () => 10n ** 30n,
    () => Symbol('s'),
    () => ({ [Symbol('k')]: inner, type: 'CapabilityLedger' }),
    () => Object.create(null) as unknown,
    () => ({ valueOf: 1, toString: 2, constructor: 3, __proto__: null }),
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
  );

const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, maxDepth: 2, maxKeys: 4 });

const plain = anything.map((value): Make => () => value);
const odd = fc.oneof(plain, anything.chain(hostile));

/** A hostile or odd value, alone or put in place of one value deep inside a real document. */
const values: fc.Arbitrary<Make> = fc.oneof(
  odd,
  fc.tuple(fc.nat(examples.length - 1), fc.nat(), odd).map(([which, where, make]): Make => () => {
    const value = make();
    const doc = structuredClone(examples[which]!.doc) as Record<string, unknown>;
    const paths: [Record<string, unknown> | unknown[], string | number][] = [];
    const collect = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, child] of Object.entries(node)) {
        paths.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
        collect(child);
      }
    };
    collect(doc);
    const [parent, key] = paths[where % paths.length]!;
    (parent as Record<string | number, unknown>)[key] = value;
    return doc;
  }),
);

const names = fc.constantFrom<(ContractName | string | undefined)[]>(...contractNames, undefined, 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'Nope', '');

/** What can be seen of a value without running its code (no getters, no traps): undefined when even that throws. */
function fingerprint(value: unknown, seen = new Map<object, number>()): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return typeof value === 'bigint' ? `${value}n` : typeof value === 'symbol' ? value.toString() : value;
  if (seen.has(value)) return `#${seen.get(value)}`;
  seen.set(value, seen.size);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)!;
    out[String(key)] = 'value' in d ? fingerprint(d.value, seen) : 'accessor';
  }
  return out;
}

const safeFingerprint = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(fingerprint(value));
  } catch {
    return undefined;
  }
};

const expectIssues = (result: { ok: boolean; issues: readonly { code: string; severity: string; pointer: string; message: string }[] }): void => {
  expect(typeof result.ok).toBe('boolean');
  for (const issue of result.issues) {
    expect(typeof issue.code).toBe('string');
    expect(typeof issue.message).toBe('string');
    expect(typeof issue.pointer).toBe('string');
  }
};

describe('no entry point throws, for any JavaScript value', () => {
  test(`validate, is, assert and ~standard of every contract (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(values, names, (make, name) => {
        const value = make();
        const before = safeFingerprint(value);
        const result = validate(value, { contract: name as ContractName });
        expectIssues(result);
        if (name !== undefined && !(contractNames as readonly string[]).includes(name)) expect(result.issues.map((i) => i.code)).toEqual(['contract/unknown']);
        const contract = contracts[(contractNames as readonly string[]).includes(name ?? '') ? (name as ContractName) : 'Lease'];
        expectIssues(contract.validate(value));
        expect(typeof contract.is(value)).toBe('boolean');
        try {
          contract.assert(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ContractValidationError);
        }
        const standard = contract['~standard'].validate(value);
        expect(standard instanceof Promise).toBe(false);
        if (before !== undefined) expect(safeFingerprint(value)).toBe(before);
      }),
      { numRuns: RUNS },
    );
  }, 900_000); // a few seconds a thousand runs; minutes on a loaded machine

  test('the named samples: BigInt, cycles, a throwing toJSON at a failing value, unknown names', () => {
    const cyclic: Record<string, unknown> = { type: 'CapabilityLedger' };
    cyclic.declaredBy = [cyclic];
    const samples: unknown[] = [10n, { type: 'CapabilityLedger', id: 5n }, cyclic, { type: 'Lease', domain: { toJSON: () => { throw new Error('x'); } } }];
    for (const doc of samples) expectIssues(validate(doc));
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(validate({}, { contract: name as ContractName }).issues.map((i) => i.code)).toEqual(['contract/unknown']);
    }
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); } });
    expect(validate({ type: 'Lease' }, { contract: 'Lease' }).ok).toBe(false);
    expect(contracts.Lease.validate(trap).issues.map((i) => i.code)).toEqual(['value/unreadable']);
  });
});
