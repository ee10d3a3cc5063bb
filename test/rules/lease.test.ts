// Lease: each rule broken in random ways is reported, alone, at the broken field.
import fc from 'fast-check';
import { describe, test } from 'vitest';
import { assertBreaks, copy } from './support/break-rule.js';
import { durationArb, instantArb, stampArb } from './support/instants.js';

const NS = 1_000_000_000n;

describe('Lease rules', () => {
  test('rule/lease-expiry-matches-ttl: expires_at off created_at + ttl_seconds by any amount', () => {
    const off = fc.tuple(durationArb, fc.boolean()).map(([d, late]) => (late ? d : -d));
    assertBreaks('rule/lease-expiry-matches-ttl', (v) =>
      fc
        .record({ created: instantArb, ttl: fc.integer({ min: 1, max: 400_000_000 }), off })
        .chain(({ created, ttl, off: miss }) =>
          fc.tuple(stampArb(created), stampArb(created + BigInt(ttl) * NS + miss)).map(([createdAt, expiresAt]) => ({
            doc: { ...copy(v.doc), ttl_seconds: ttl, created_at: createdAt, expires_at: expiresAt },
            pointers: ['/expires_at'],
          })),
        ),
    );
  });

  test('rule/lease-override-has-reason: an override with an empty reason', () => {
    assertBreaks('rule/lease-override-has-reason', (v) => fc.constant({ doc: { ...copy(v.doc), override: true, override_reason: '' }, pointers: ['/override_reason'] }));
  });
});
