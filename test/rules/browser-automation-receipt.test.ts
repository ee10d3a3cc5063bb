// BrowserAutomationReceipt: each rule broken in random ways is reported, alone, at the broken fields.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { assertBreaks, copy } from './support/break-rule.js';
import { durationArb, stampArb, toNs } from './support/instants.js';
import { enumAt } from './support/schema-arbitrary.js';

type Doc = Record<string, unknown>;
/** What the issue calls a urn:srcos: URN: urn:srcos:<type>:<id>. */
const SRCOS_URN = /^urn:srcos:[a-z][a-z0-9-]*:\S+$/;
const otherTerminalStates = enumAt('BrowserAutomationReceipt', '/terminalState').filter((s) => s !== 'revoked');

describe('BrowserAutomationReceipt rules', () => {
  test('rule/browser-owner-is-urn: an owner that is not a urn:srcos: URN', () => {
    const prefix = fc.constantFrom('', 'urn:', 'urn:srcos:', 'urn:srcos:agent:', 'urn:example:agent:', 'srcos:agent:', 'agent:', 'urn:srcos:Agent:');
    const owner = fc.tuple(prefix, fc.string()).map(([p, s]) => p + s).filter((s) => s !== '' && !SRCOS_URN.test(s));
    assertBreaks('rule/browser-owner-is-urn', (v) => owner.map((ownerRef) => ({ doc: { ...copy(v.doc), ownerRef }, pointers: ['/ownerRef'] })));
  });

  test('rule/browser-revoked-iff-revoked-at: revoked without a time, or a time without revoked', () => {
    assertBreaks('rule/browser-revoked-iff-revoked-at', (v) => {
      const started = toNs(v.doc.startedAt as string);
      const revokedWithoutTime = fc.boolean().map((absent) => {
        const doc: Doc = { ...copy(v.doc), terminalState: 'revoked', revokedAt: null };
        if (absent) delete doc.revokedAt;
        return doc;
      });
      const timeWithoutRevoked = fc
        .record({ state: fc.option(fc.constantFrom(...otherTerminalStates), { nil: undefined }), at: fc.bigInt({ min: 0n, max: 10n ** 12n }).chain((d) => stampArb(started + d)) })
        .map(({ state, at }) => {
          const doc: Doc = { ...copy(v.doc), terminalState: state, revokedAt: at };
          if (state === undefined) delete doc.terminalState;
          return doc;
        });
      return fc.oneof(revokedWithoutTime, timeWithoutRevoked).map((doc) => ({ doc, pointers: ['/terminalState', '/revokedAt'] }));
    });
  });

  test('rule/browser-time-order: revokedAt or capturedAt before startedAt', () => {
    assertBreaks('rule/browser-time-order', (v) => {
      const started = toNs(v.doc.startedAt as string);
      return fc.record({ field: fc.constantFrom('revokedAt', 'capturedAt'), early: durationArb.chain((d) => stampArb(started - d)) }).map(({ field, early }) => {
        const doc: Doc = { ...copy(v.doc), [field]: early };
        if (field === 'revokedAt') doc.terminalState = 'revoked';
        return { doc, pointers: [`/${field}`] };
      });
    });
  });
});
