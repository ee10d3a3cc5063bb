// The stress test's audit must be able to fail: journals of a race, a lost lease and a budget
// overrun are caught; an operation cut short by a kill is allowed either way.
import { describe, expect, it } from 'vitest';
import type { Lease } from '../../generated/types/index.js';
import { auditJournal } from './support/journal-audit.js';

const lease = (resource: string, owner: string, domain = 'd', expires = '2026-01-30T06:01:00Z'): Lease => ({
  created_at: '2026-01-30T06:00:00Z', domain, expires_at: expires, override: false, override_reason: '', owner, resource, ttl_seconds: (Date.parse(expires) - Date.parse('2026-01-30T06:00:00Z')) / 1000,
});
const now = '2026-01-30T06:00:10Z';
let seq = 0;
const intent = (w: string, operation: string, observed: Lease[], emitted: object[]) => JSON.stringify({ w, seq: (seq += 1), phase: 'intent', operation, now, maxLeasesPerDomain: 2, observed, unreadable: [], emitted });
const done = (w: string, emitted: object[]) => JSON.stringify({ w, seq: (seq += 1), phase: 'done', emitted });
const write = (l: Lease) => ({ action: 'write', document: l });
const remove = (l: Lease) => ({ action: 'remove', document: l });

describe('auditJournal', () => {
  it('accepts a serial history, and a cut-short operation either way', () => {
    const a = lease('r', 'a');
    const lines = [intent('a', 'claim', [], [write(a)]), done('a', [write(a)]), intent('b', 'release', [a], [remove(a)]), intent('c', 'gc', [a], [])];
    expect(auditJournal(lines).violations).toEqual([]);
    expect(auditJournal([...lines.slice(0, 3), intent('c', 'gc', [], [])]).violations).toEqual([]);
  });

  it('catches two holders: a claim that did not see the lease before it', () => {
    const a = lease('r', 'a');
    const b = lease('R', 'b');
    const lines = [intent('a', 'claim', [], [write(a)]), done('a', [write(a)]), intent('b', 'claim', [], [write(b)]), done('b', [write(b)])];
    expect(auditJournal(lines).violations.join('\n')).toMatch(/read r\.json as null/);
  });

  it('catches a lost lease and a budget overrun', () => {
    const [x, y, z] = [lease('x', 'a'), lease('y', 'a'), lease('z', 'a')];
    const lost = [intent('a', 'claim', [], [write(x)]), done('a', [write(x)]), intent('b', 'gc', [], [])];
    expect(auditJournal(lost).violations).toHaveLength(1);
    const over = [intent('a', 'gc', [x, y, z], [])];
    expect(auditJournal(over).violations.join('\n')).toMatch(/domain d holds 3 live leases/);
  });
});
