// What the scan does with a document that cannot be read as JSON and that nothing outside it says
// is ours (src/node/scan/unparsed.ts): its own text decides, through the core's policy.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { contractIdPrefixes, contractNames, detectionOf, nameMiss } from '../../src/index.js';
import { judgeUnparsed, topLevelEvidence } from '../../src/node/scan/unparsed.js';

const SYNTAX = [{ code: 'parse/syntax', message: "unexpected ',', expected a JSON value" }];
const typeContracts = contractNames.filter((n) => detectionOf(n).detect === 'type');
const judge = (text: string) => judgeUnparsed(text, 0, text.length, SYNTAX);

describe('the top-level type and id of a text that need not be JSON', () => {
  test('only the outermost object\'s keys count, through comments, missing commas and escapes', () => {
    const text = '# a comment "type": "X"\n{/* "type": "C" */ "nested": {"type": "Inner", "id": "i"}, "list": [{"id": "in-list"}] "type": "Out\\"er", "id" : "top" , broken';
    expect([...topLevelEvidence(text)]).toEqual([
      { key: 'type', value: 'Out"er' },
      { key: 'id', value: 'top' },
    ]);
  });

  test('a key whose value is no string, and a string that is no key, are passed over', () => {
    expect([...topLevelEvidence('{"type": 3, "id": ["urn:srcos:capability-ledger:x"], "note": "type", "type": null}')]).toEqual([]);
  });

  test('an unclosed string ends at its line', () => {
    expect([...topLevelEvidence('{"id": "urn:srcos:boot\n, "type": "CapabilityLedger"}')]).toEqual([{ key: 'type', value: 'CapabilityLedger' }]);
  });
});

describe('judged by its text', () => {
  test.each(typeContracts)('a broken %s whose type survives is ours, by evidence', (contract) => {
    const verdict = judge(`{\n  "type": "${contract}",\n  "specVersion": "0.1.0",,\n`);
    expect(verdict).toMatchObject({ ours: true, detection: { by: 'evidence' } });
    expect(verdict.detection.reason).toContain(`its text says it is`);
  });

  test('a near miss of a name, and an id with one of the URN prefixes (derived from the schemas), are evidence', () => {
    expect(judge('{"type": "CapabilityLedgr", ')).toMatchObject({ ours: true });
    for (const { prefix } of contractIdPrefixes()) expect(judge(`{"id": "${prefix}x-1", "type": "Whatever" <<<`), prefix).toMatchObject({ ours: true });
  });

  test('another family\'s type, a urn:srcos: id of another prefix, a reference to one of ours, a comment: not ours, skipped as not JSON', () => {
    for (const text of [
      '{"id": "urn:srcos:receipt:validation:2", "type": "ValidationReceipt", "capabilityLedgerRef": "urn:srcos:capability-ledger:x",, <<<tampered>>>',
      '{"id": "urn:srcos:boot-surface:x86", "specVersion": "0.1.0"',
      '# fixture {"type": "CapabilityLedger"} described in a comment',
      '',
    ]) {
      const verdict = judge(text);
      expect(verdict, text).toMatchObject({ ours: false, reason: "not JSON: unexpected ',', expected a JSON value", detection: { by: 'none' } });
    }
  });

  test('the reason is the first problem that is no duplicate key', () => {
    const problems = [
      { code: 'parse/duplicate-key', message: 'duplicate key "a"' },
      { code: 'parse/too-deep', message: 'the document nests deeper than 35 levels' },
    ];
    expect(judgeUnparsed('[[[', 0, 3, problems)).toMatchObject({ ours: false, reason: 'not JSON: the document nests deeper than 35 levels' });
  });

  test('property: a top-level type that is neither a contract name nor a near miss of one, with no id, is never evidence', () => {
    const type = fc.string({ maxLength: 40 }).filter((t) => !typeContracts.some((n) => t === n || nameMiss(t, n)));
    fc.assert(fc.property(type, fc.string({ maxLength: 20 }), (t, tail) => !judge(`{"type": ${JSON.stringify(t)}${tail}`).ours));
  });
});
