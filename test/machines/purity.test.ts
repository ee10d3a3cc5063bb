// The machines are pure: no clock, randomness, I/O or global state in their source, the same
// inputs always give the same outputs, and conventions for time and ids hold at their edges.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lease } from '../../generated/types/index.js';
import { buildSignal, claimLease, createLeaseBoard, createOrphanRegistry, receiveSessionEvent, registerSession } from '../../src/index.js';
import { accepted, counterMinter, refusalCode } from './support.js';

const dir = join(import.meta.dirname, '..', '..', 'src', 'machines');
const moduleFiles = (): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
const code = (f: string) => readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');

describe('purity', () => {
  it('reads no clock, randomness, environment or I/O', () => {
    for (const file of moduleFiles()) {
      const text = code(file);
      for (const banned of [/\bDate\b/, /Math\.random/, /\bcrypto\b/, /\bperformance\b/, /\bprocess\b/, /\bfetch\s*\(/, /setTimeout|setInterval/, /\blocalStorage\b/, /\brequire\s*\(/, /^let\s/m, /^var\s/m]) {
        expect(banned.test(text), `${file} matches ${banned}`).toBe(false);
      }
      for (const [, spec] of text.matchAll(/from\s+'([^']+)'/g)) expect(spec?.startsWith('.'), `${file} imports ${spec}`).toBe(true);
    }
  });

  it('gives the same outputs for the same inputs', () => {
    const run = () => {
      const mint = counterMinter();
      let reg = accepted(createOrphanRegistry({ policyDecisionRef: 'urn:srcos:decision:p' })).state;
      const steps = [receiveSessionEvent(reg, { eventRef: 'urn:srcos:event:e1', eventClass: 'plugin', correlationKeys: { taskRef: 't' } }, '2026-01-30T06:00:00Z', mint)];
      reg = accepted(steps[0]!).state;
      steps.push(registerSession(reg, { sessionRef: 'urn:srcos:session:s', taskRef: 't' }, '2026-01-30T06:00:01Z', mint));
      return JSON.stringify(steps);
    };
    expect(run()).toBe(run());
  });
});

describe('time and id conventions', () => {
  const board = accepted(createLeaseBoard()).state;
  const lease = (now: string, ttlSeconds = 60) => accepted(claimLease(board, { resource: 'r', owner: 'o', domain: 'd', ttlSeconds }, now)).emitted[0]?.document as Lease;

  it('reads any RFC 3339 offset, fraction or leap second and writes YYYY-MM-DDTHH:MM:SSZ', () => {
    expect(lease('2026-01-30T06:00:00+05:30').created_at).toBe('2026-01-30T00:30:00Z');
    expect(lease('2026-01-30t06:00:00.5z').created_at).toBe('2026-01-30T06:00:00Z');
    expect(lease('2016-12-31T23:59:60Z').created_at).toBe('2017-01-01T00:00:00Z');
    expect(lease('2024-02-28T23:59:30Z').expires_at).toBe('2024-02-29T00:00:30Z');
    expect(lease('0001-01-01T00:00:00Z').created_at).toBe('0001-01-01T00:00:00Z');
    expect(refusalCode(claimLease(board, { resource: 'r', owner: 'o', domain: 'd', ttlSeconds: 60 }, '9999-12-31T23:59:30Z'))).toBe('lease/invalid-ttl');
    expect(refusalCode(claimLease(board, { resource: 'r', owner: 'o', domain: 'd' }, 1769752800000 as never))).toBe('lease/invalid-now');
  });

  it('stamps signals with the UTC second of now', () => {
    const built = buildSignal({ kind: 'proclamation', from: 'a', to: 'all', topic: 'plan', claim: 'c' }, '2026-01-30T23:59:59.999-01:00');
    expect(built.ok && [built.signal.header.id, built.signal.header.timestamp, built.filename]).toEqual(['20260131-005959', '2026-01-31T00:59:59Z', '20260131-005959_proclamation_plan.json']);
  });

  it('adds the URN prefix to a minted suffix and keeps a whole URN', async () => {
    const { mintUrn } = await import('../../src/machines/kernel/ids.js');
    expect(mintUrn(() => 'x1', 'receipt:orphan-event')).toBe('urn:srcos:receipt:orphan-event:x1');
    expect(mintUrn(() => 'urn:srcos:receipt:orphan-event:x1', 'receipt:orphan-event')).toBe('urn:srcos:receipt:orphan-event:x1');
  });
});
