// Inputs' types tell the truth: the fields a machine refuses to do without are exactly the required
// fields of its input type. Each list below is checked both ways: by the type checker (the type's
// required keys) and at run time (leaving out each field of a valid input, one at a time, is refused).
// And every list input of every exported machine function, read from the types by the checker
// (./list-inputs.ts), is checked as a list: a string in its place (which spreading would split into
// characters) is refused with a code of the machine's table, never accepted.
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as m from '../../src/index.js';
import {
  buildGitWorkspaceState,
  claimLease,
  createLeaseBoard,
  declareCapability,
  emptyBrowserSessions,
  startBrowserSession,
  type BrowserSessionStart,
  type CapabilityDeclaration,
  type GitWorkspaceProbe,
  type LeaseClaim,
} from '../../src/index.js';
import { machineListInputs } from './list-inputs.js';
import { counterMinter } from './support.js';
import { codesOf, probe, refusalOf, validCalls } from './valid-calls.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
const NOW = '2026-05-06T04:31:00Z';

/** The fields of `valid` whose absence the machine refuses (`ok: false`). */
function requiredAtRunTime<T extends object>(valid: T, run: (input: T) => { ok: boolean }): string[] {
  expect(run(valid).ok, 'the valid input is accepted').toBe(true);
  return Object.keys(valid)
    .filter((key) => {
      const { [key as keyof T]: _left, ...rest } = valid;
      return !run(rest as T).ok;
    })
    .sort();
}

const browserRequired = ['capabilityLedgerRef', 'evidenceRefs', 'origin', 'permissionScope', 'sessionRef', 'transport'] as const;
const capabilityRequired = ['capabilityRef', 'declaredBy', 'evidenceRefs', 'policyDecisionRef'] as const;
const leaseRequired = ['domain', 'owner', 'resource'] as const;
const gitRequired = ['capabilityLedgerRef', 'facts', 'operation', 'path', 'policyDecisionRef', 'sessionRef', 'workspaceRef'] as const;

describe('input types derived from what the machines accept', () => {
  it('BrowserSessionStart', () => {
    expectTypeOf<RequiredKeys<BrowserSessionStart>>().toEqualTypeOf<(typeof browserRequired)[number]>();
    const valid: BrowserSessionStart = {
      sessionRef: 'urn:srcos:session:b1',
      capabilityLedgerRef: 'urn:srcos:capability-ledger:c1',
      ownerRef: 'urn:srcos:agent:a',
      requestedBy: 'urn:srcos:person:ada',
      policyDecision: { ref: 'urn:srcos:decision:d', outcome: 'allow' },
      transport: 'cdp',
      permissionScope: ['read_page'],
      origin: 'local',
      controlledScope: null,
      evidenceRefs: ['urn:srcos:evidence:v'],
      causalRefs: [],
      ttlSeconds: 60,
    };
    expect(requiredAtRunTime(valid, (s) => startBrowserSession(emptyBrowserSessions, s, NOW, counterMinter()))).toEqual([...browserRequired]);
  });

  it('CapabilityDeclaration', () => {
    expectTypeOf<RequiredKeys<CapabilityDeclaration>>().toEqualTypeOf<(typeof capabilityRequired)[number]>();
    const valid: CapabilityDeclaration = {
      capabilityRef: 'urn:srcos:capability:x@0.1.0',
      declaredBy: ['ui'],
      policyDecisionRef: 'urn:srcos:decision:p',
      evidenceRefs: ['urn:srcos:evidence:e'],
      sessionRef: 'urn:srcos:session:s',
      agentMachineReceiptRef: null,
      ownerRefs: [],
      requiredPlanes: 'all',
    };
    expect(requiredAtRunTime(valid, (d) => declareCapability(d, NOW, counterMinter()))).toEqual([...capabilityRequired]);
  });

  it('LeaseClaim', () => {
    expectTypeOf<RequiredKeys<LeaseClaim>>().toEqualTypeOf<(typeof leaseRequired)[number]>();
    const board = (createLeaseBoard() as { state: never }).state;
    const valid: LeaseClaim = { resource: 'src/a.ts', owner: 'builder', domain: 'builder', ttlSeconds: 60, override: false, overrideReason: '' };
    expect(requiredAtRunTime(valid, (c) => claimLease(board, c, NOW))).toEqual([...leaseRequired]);
  });

  it('GitWorkspaceProbe', () => {
    expectTypeOf<RequiredKeys<GitWorkspaceProbe>>().toEqualTypeOf<(typeof gitRequired)[number]>();
    const valid: GitWorkspaceProbe = probe();
    expect(requiredAtRunTime(valid, (p) => buildGitWorkspaceState(p, NOW, counterMinter()))).toEqual([...gitRequired]);
  });
});

describe('every list input is checked as a list', () => {
  const { functions, inputs } = machineListInputs();

  it('finds the machines\' functions and their list inputs in the types', () => {
    expect(functions).toEqual(expect.arrayContaining(['receiveSessionEvent', 'evaluateReports', 'resourceState', 'declareCapability', 'buildSignal']));
    const where = (fn: string) => inputs.filter((i) => i.fn === fn).map((i) => `${i.arg}:${i.path.join('.')}`);
    expect(where('receiveSessionEvent')).toContain('1:evidenceRefs');
    expect(where('declareCapability')).toEqual(expect.arrayContaining(['0:declaredBy', '0:evidenceRefs', '0:ownerRefs', '0:requiredPlanes']));
    expect(where('evaluateReports')).toEqual(['0:']);
  });

  it('has a valid call of every function that takes a list', () => {
    expect([...new Set(inputs.map((i) => i.fn))].filter((fn) => !(fn in validCalls))).toEqual([]);
    for (const [fn, args] of Object.entries(validCalls)) {
      const answer = (m as unknown as Record<string, (...a: unknown[]) => unknown>)[fn]!(...args());
      expect(refusalOf(answer), `${fn} refused its valid call: ${JSON.stringify(answer)}`).toBeUndefined();
    }
  }, 60_000);

  for (const input of inputs) {
    const where = `${input.fn} argument ${input.arg}${input.path.length ? `, ${input.path.join('.')}` : ''}`;
    // Two strings: one a spread would split into characters, and the list's own first item alone
    // (which a machine that wrapped a string into a list would accept as a valid list of one).
    it(`a string for the list at ${where}`, () => {
      const listAt = (args: unknown[]) => input.path.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], args[input.arg]);
      const first = (listAt(validCalls[input.fn]!()) as unknown[] | undefined)?.[0];
      for (const text of ['..', ...(typeof first === 'string' ? [first] : [])]) {
        const args = validCalls[input.fn]!();
        if (input.path.length === 0) args[input.arg] = text;
        else {
          let parent = (args[input.arg] = { ...(args[input.arg] as object) }) as Record<string, unknown>;
          for (const key of input.path.slice(0, -1)) parent = parent[key] = { ...(parent[key] as object) };
          parent[input.path.at(-1)!] = text;
        }
        const answer = (m as unknown as Record<string, (...a: unknown[]) => unknown>)[input.fn]!(...args) as { ok?: boolean; unreadable?: { reason: string } };
        if (input.fn === 'receiveSessionEvent' && input.arg === 1) {
          // An event is data from outside: one no valid receipt could describe is held, with the reason, never dropped.
          expect(answer.ok && answer.unreadable?.reason).toMatch(input.path.at(-1)!);
          continue;
        }
        const code = refusalOf(answer);
        expect(code, `${where} = ${JSON.stringify(text)}: ${JSON.stringify(answer)?.slice(0, 300)}`).toBeDefined();
        expect(codesOf(input.folder)).toContain(code);
      }
    });
  }
});
