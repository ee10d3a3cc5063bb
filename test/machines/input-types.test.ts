// Inputs' types tell the truth: the fields a machine refuses to do without are exactly the required
// fields of its input type. Each list below is checked both ways: by the type checker (the type's
// required keys) and at run time (leaving out each field of a valid input, one at a time, is refused).
import { describe, expect, expectTypeOf, it } from 'vitest';
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
import { counterMinter } from './support.js';

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
    const valid: GitWorkspaceProbe = {
      path: '/Users/ada/p',
      homeDir: '/Users/ada',
      workspaceAlias: null,
      facts: { gitDirFound: false },
      operation: 'user_requested_command',
      sessionRef: 'urn:srcos:session:s',
      capabilityLedgerRef: 'urn:srcos:capability-ledger:c',
      workspaceRef: 'urn:srcos:workspace:w',
      policyDecisionRef: 'urn:srcos:decision:p',
      evidenceRefs: [],
      causalRefs: [],
      agentMachineReceiptRef: null,
    };
    expect(requiredAtRunTime(valid, (p) => buildGitWorkspaceState(p, NOW, counterMinter()))).toEqual([...gitRequired]);
  });
});
