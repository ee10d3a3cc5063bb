// One document for each listed difference (docs/conformance.md): this package rejects it with exactly
// the expected issue, and the difference is the one named; where the upstream schemas are at hand
// (see support/upstream.ts), the upstream schema accepts it.
import { describe, expect, test } from 'vitest';
import { validate } from '../../src/index.js';
import { withValueAt } from '../support/schema-walk.js';
import { validExamples } from '../support/valid-examples.js';
import { classify, DIFFERENCES, type DifferenceId } from './support/differences.js';
import { upstreamAccepts, upstreamAvailable, type UpstreamContract } from './support/upstream.js';

interface Pinned {
  readonly difference: DifferenceId;
  readonly contract: UpstreamContract;
  readonly pointer: string;
  readonly value: unknown;
  readonly code: string;
  /** Where the issue is reported, when not at `pointer` (an item of the list written there). */
  readonly reported?: string;
}

const PINNED: Pinned[] = [
  { difference: 'urn-suffix', contract: 'CapabilityLedger', pointer: '/capabilityRef', value: 'urn:srcos:capability:', code: 'schema/pattern' },
  { difference: 'urn-suffix', contract: 'BrowserAutomationReceipt', pointer: '/sessionRef', value: 'urn:srcos:session:demo 0001', code: 'schema/pattern' },
  { difference: 'urn-suffix', contract: 'GitWorkspaceState', pointer: '/id', value: 'urn:srcos:git-workspace-state:demo-0001\n', code: 'schema/pattern' },
  { difference: 'date-time', contract: 'CapabilityLedger', pointer: '/capturedAt', value: '2026-05-06 04:30:00Z', code: 'schema/format' },
  { difference: 'date-time', contract: 'OrphanEventReceipt', pointer: '/capturedAt', value: '2026-05-06T06:33:15+0200', code: 'schema/format' },
  { difference: 'date-time', contract: 'RuntimeInstallReceipt', pointer: '/capturedAt', value: '2026-05-06T06:35:05+02', code: 'schema/format' },
  { difference: 'impossible-time', contract: 'CapabilityLedger', pointer: '/capturedAt', value: '2026-05-06T24:46:00+00:47', code: 'schema/format' },
  { difference: 'impossible-time', contract: 'GitWorkspaceState', pointer: '/capturedAt', value: '2026-05-06T00:60:00+01:01', code: 'schema/format' },
  { difference: 'spec-version', contract: 'GitWorkspaceState', pointer: '/specVersion', value: '0.1', code: 'schema/pattern' },
  { difference: 'spec-version', contract: 'CapabilityLedger', pointer: '/specVersion', value: 'v0.1.0', code: 'schema/pattern' },
  { difference: 'empty-reference', contract: 'CapabilityLedger', pointer: '/evidenceRefs/0', value: '', code: 'schema/minLength' },
  { difference: 'empty-reference', contract: 'RuntimeInstallReceipt', pointer: '/manifest/manifestRef', value: '', code: 'schema/minLength' },
  { difference: 'empty-reference', contract: 'RuntimeInstallReceipt', pointer: '/artifacts/0/artifactRef', value: '', code: 'schema/minLength' },
  { difference: 'empty-reference', contract: 'CapabilityLedger', pointer: '/ownerRefs', value: [''], code: 'schema/minLength', reported: '/ownerRefs/0' },
  { difference: 'empty-reference', contract: 'OrphanEventReceipt', pointer: '/causalRefs', value: ['urn:srcos:event:demo-0001', ''], code: 'schema/minLength', reported: '/causalRefs/1' },
  { difference: 'duplicate-item', contract: 'CapabilityLedger', pointer: '/declaredBy', value: ['config', 'config'], code: 'schema/uniqueItems' },
  { difference: 'duplicate-item', contract: 'CapabilityLedger', pointer: '/negotiatedBy', value: ['runtime', 'policy', 'runtime'], code: 'schema/uniqueItems' },
  { difference: 'duplicate-item', contract: 'BrowserAutomationReceipt', pointer: '/permissionScope', value: ['read_page', 'read_page'], code: 'schema/uniqueItems' },
  {
    difference: 'duplicate-item',
    contract: 'OrphanEventReceipt',
    pointer: '/sessionResolution/candidateSessionRefs',
    value: ['urn:srcos:session:runtime-observability-demo-0001', 'urn:srcos:session:runtime-observability-demo-0001'],
    code: 'schema/uniqueItems',
  },
];

/** Whether the upstream schemas are at hand (required under CI: the file fails without them). */
const compared = upstreamAvailable();

/** A valid example of the contract that the upstream schema accepts too. */
function baseOf(contract: UpstreamContract): unknown {
  const found = validExamples().find((e) => e.contract === contract && (!compared || upstreamAccepts(contract, e.doc)) && validate(e.doc, { contract }).issues.length === 0);
  if (!found) throw new Error(`no example of ${contract} that both accept`);
  return found.doc;
}

describe('each listed difference, pinned by a document', () => {
  test.each(PINNED.map((p) => [p.difference, `${p.contract} ${p.pointer} ${JSON.stringify(p.value)}`, p] as const))('%s: %s', (difference, _, p) => {
    const doc = withValueAt(baseOf(p.contract), p.pointer, p.value);
    if (compared) expect(upstreamAccepts(p.contract, doc)).toBe(true);
    const result = validate(doc, { contract: p.contract });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => ({ code: i.code, pointer: i.pointer, severity: i.severity }))).toEqual([{ code: p.code, pointer: p.reported ?? p.pointer, severity: 'error' }]);
    expect(classify(p.contract, doc, result.issues[0] as (typeof result.issues)[number])).toBe(difference);
  });

  test('every listed difference has a document', () => {
    expect(new Set(PINNED.map((p) => p.difference))).toEqual(new Set(DIFFERENCES));
  });
});
