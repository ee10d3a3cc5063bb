// The detection policy of the core (src/detect.ts): exact type, evidence of a broken contract,
// shape only when unmistakable, and everything else not ours. docs/cli.md states the same policy.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classifyDocument, contractIdPrefixes, contractNames, contracts, detectionOf, nameMiss, SHAPE_TAKEN, SHAPE_WARNED, type ContractName } from '../../src/index.js';
import { validExamples } from '../support/valid-examples.js';

const examples = validExamples();
const first = (name: ContractName) => structuredClone(examples.find((e) => e.contract === name)?.doc) as Record<string, unknown>;
const typeContracts = contractNames.filter((n) => detectionOf(n).detect === 'type');
const shapeContracts = contractNames.filter((n) => detectionOf(n).detect === 'shape');

describe('by type', () => {
  test('every valid example is its contract, by type or by shape as its schema says', () => {
    for (const e of examples) expect(classifyDocument(e.doc), e.path).toMatchObject({ contract: e.contract, by: detectionOf(e.contract).detect });
  });

  test.each(['module', 'commonjs', 'FeatureCollection', 'Feature', 'Point', 'project', 'library', 'object', 'session', 'receipt', 'Receipt', 'Ledger', 'com.github.pull_request.opened', 'dev.knative.source.ping', 'signals/sent', 'Lease', 'Signal'])(
    '%j is not ours: skipped without an issue',
    (type) => {
      expect(classifyDocument({ type, id: 'x-1', name: 'n' })).toMatchObject({ contract: null, by: 'none' });
      expect(classifyDocument({ type, id: 'x-1' }).issue).toBeUndefined();
    },
  );
});

describe('evidence of a broken contract: contract/near-miss, an error at /type', () => {
  test.each([
    ['BrowserAutomationReciept', 'BrowserAutomationReceipt', 'misspelt'],
    ['CapabilityLedgr', 'CapabilityLedger', 'misspelt'],
    ['RuntimeInstallReceipts', 'RuntimeInstallReceipt', 'plural'],
    ['gitworkspacestate', 'GitWorkspaceState', 'case or spacing'],
    ['CapabilityLedger ', 'CapabilityLedger', 'case or spacing'],
    ['Orphan Event Receipt', 'OrphanEventReceipt', 'case or spacing'],
    ['capability-ledger', 'CapabilityLedger', 'case or spacing'],
  ] as const)('"type": %j looks like %s (%s)', (type, contract, miss) => {
    expect(nameMiss(type, contract)).toBe(miss);
    const result = classifyDocument({ ...first(contract), type });
    expect(result).toMatchObject({ contract: null, by: 'evidence', looksLike: contract, issue: { code: 'contract/near-miss', severity: 'error', pointer: '/type' } });
    expect(result.issue?.message).toContain(`did you mean "${contract}"?`);
  });

  test('the URN prefixes come from the schemas\' id patterns, one a contract recognised by type', () => {
    expect(contractIdPrefixes().map((p) => p.contract).sort()).toEqual([...typeContracts].sort());
    for (const { contract, prefix } of contractIdPrefixes()) {
      expect(prefix).toMatch(/^urn:srcos:[a-z:-]+:$/);
      expect(String((contracts[contract].schema.properties as Record<string, { pattern?: string }>).id?.pattern)).toContain(prefix);
      expect(String(first(contract).id).startsWith(prefix)).toBe(true);
    }
  });

  test.each(typeContracts)('%s: a deleted, null or foreign type beside its id is a near miss', (contract) => {
    const { type: _, ...untyped } = first(contract);
    for (const doc of [untyped, { ...untyped, type: null }, { ...untyped, type: 'receipt' }]) {
      expect(classifyDocument(doc), JSON.stringify(doc.type)).toMatchObject({ by: 'evidence', looksLike: contract, issue: { code: 'contract/near-miss' } });
    }
  });

  test('specVersion and a urn:srcos: id are not evidence: every SourceOS family has them', () => {
    for (const doc of [{ type: 'Ledger', specVersion: '0.1.0', id: 'l-1' }, { type: 'GitWorkspace', specVersion: '0.1.0' }, { bomFormat: 'CycloneDX', specVersion: '1.5', serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' }]) {
      expect(classifyDocument(doc), JSON.stringify(doc)).toMatchObject({ contract: null, by: 'none', notOurs: 'json' });
      expect(classifyDocument(doc).issue).toBeUndefined();
    }
    for (const id of ['urn:srcos:boot-surface:x86-64', 'urn:srcos:agent-machine:activation-decision:0001', 'urn:srcos:receipt:future:1', 'URN:SRCOS:thing:1']) {
      expect(classifyDocument({ specVersion: '0.1.0', id }), id).toMatchObject({ contract: null, by: 'none', notOurs: 'sourceos' });
      expect(classifyDocument({ specVersion: '0.1.0', id }).issue).toBeUndefined();
    }
  });

  test.each(['AccessProfile', 'SkillManifest', 'ReasoningEvent', 'BootSurface', 'Capability', 'Workspace', 'Runtime', 'Session', 'Receipt', 'ValidationReceipt', 'RuntimeInstallPlan', 'BrowserAutomationSession', 'CapabilityLedgerSummary'])(
    'a SourceOS document of another family, "type": %j, is skipped without an issue, with or without specVersion',
    (type) => {
      const id = `urn:srcos:${type.replace(/[A-Z]/g, (c, at: number) => (at ? '-' : '') + c.toLowerCase())}:0001`;
      for (const doc of [{ type, id }, { type, id, specVersion: '0.1.0' }]) {
        const classified = classifyDocument(doc);
        expect(classified, JSON.stringify(doc)).toMatchObject({ contract: null, by: 'none', notOurs: 'sourceos' });
        expect(classified.issue).toBeUndefined();
        expect(classified.reason).toBe(`a SourceOS document of another family: "type" ${JSON.stringify(type)} is no contract of this package`);
      }
    },
  );

  test('property: a urn:srcos: id with none of the contracts\' prefixes, under no type or one that is no near miss, is another family: no issue', () => {
    const prefixes = contractIdPrefixes().map((p) => p.prefix);
    const family = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}(:[a-z][a-z0-9-]{0,15})?$/).map((f) => `urn:srcos:${f}:x-1`).filter((id) => !prefixes.some((p) => id.startsWith(p)));
    const type = fc.option(fc.string({ maxLength: 30 }).filter((t) => !typeContracts.some((n) => t === n || nameMiss(t, n))), { nil: undefined });
    fc.assert(
      fc.property(family, type, fc.boolean(), (id, t, spec) => {
        const doc = { id, ...(t === undefined ? {} : { type: t }), ...(spec ? { specVersion: '0.1.0' } : {}) };
        const c = classifyDocument(doc);
        return c.contract === null && c.issue === undefined && c.notOurs === 'sourceos';
      }),
    );
  });

  test('property: a name no longer than 10 characters is never a near miss of a contract recognised by type', () => {
    fc.assert(fc.property(fc.string({ maxLength: 10 }), (type) => typeContracts.every((n) => nameMiss(type, n) === undefined)));
  });

  test('property: any change of case or padding of a contract name is a near miss of that name', () => {
    fc.assert(
      fc.property(fc.constantFrom(...typeContracts), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.constantFrom('', ' ', '\t', '_'), (name, upper, pad) => {
        const written = `${pad}${[...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join('')}${pad}`;
        fc.pre(written !== name);
        return nameMiss(written, name) === 'case or spacing';
      }),
    );
  });
});

describe('by shape, only when unmistakable', () => {
  const lease = first('Lease');
  const leaseKeys = Object.keys(lease);

  test(`a Lease missing k of its 8 fields: taken at ${SHAPE_TAKEN} of them and more, warned from ${SHAPE_WARNED}, otherwise not ours`, () => {
    const verdicts = leaseKeys.map((_, k) => {
      const doc = Object.fromEntries(Object.entries(lease).slice(k));
      const c = classifyDocument(doc);
      return c.contract ? 'Lease' : (c.issue?.code ?? 'skip');
    });
    expect(verdicts).toEqual(['Lease', 'Lease', 'contract/partial-shape', 'contract/partial-shape', 'skip', 'skip', 'skip', 'skip']);
  });

  test('a partial shape is no warning on a SourceOS document of another family; a full shape is still taken', () => {
    const partial = Object.fromEntries(Object.entries(lease).slice(2));
    expect(classifyDocument(partial).issue).toMatchObject({ code: 'contract/partial-shape' });
    expect(classifyDocument({ ...partial, id: 'urn:srcos:lock:1' })).toMatchObject({ contract: null, notOurs: 'sourceos' });
    expect(classifyDocument({ ...partial, id: 'urn:srcos:lock:1' }).issue).toBeUndefined();
    expect(classifyDocument({ ...lease, id: 'urn:srcos:lock:1' })).toMatchObject({ contract: 'Lease', by: 'shape' });
  });

  test('a signal missing its footer is still a Signal; an HTTP fixture with a header and a body is not', () => {
    const { footer: _, ...signal } = first('Signal');
    expect(classifyDocument(signal)).toMatchObject({ contract: 'Signal', by: 'shape' });
    expect(classifyDocument({ header: { status: 200 }, body: 'hello' })).toMatchObject({ contract: null, by: 'none' });
    expect(classifyDocument({ header: { title: 'Home' }, body: { html: '' }, footer: { links: [] } }).issue).toBeUndefined();
  });

  test('everyday objects with some of the same keys: a lock config, a token cache', () => {
    expect(classifyDocument({ resource: 'db', owner: 'me', domain: 'prod', ttl_seconds: 300 })).toMatchObject({ contract: null, by: 'none' });
    expect(classifyDocument({ owner: 'bot', created_at: 'x', expires_at: 'y', ttl_seconds: 60 })).toMatchObject({ contract: null, by: 'none' });
  });

  test('a lease buried in a larger object (most keys foreign) is not taken for one', () => {
    const row = { ...lease, ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`column${i}`, i])) };
    expect(classifyDocument(row).contract).toBeNull();
  });

  test('property: an object with at most half of a shape contract\'s top-level keys and no type, id or specVersion is never ours and never an issue', () => {
    const keys = [...new Set(shapeContracts.flatMap((n) => (contracts[n].schema.required as string[]) ?? []))];
    fc.assert(
      fc.property(fc.subarray(keys, { maxLength: 4 }), fc.dictionary(fc.string().filter((k) => !['type', 'id', 'specVersion', ...keys].includes(k)), fc.jsonValue(), { maxKeys: 4 }), (picked, extra) => {
        const doc = { ...extra, ...Object.fromEntries(picked.map((k) => [k, 'x'])) };
        const c = classifyDocument(doc);
        return c.contract === null && c.issue === undefined;
      }),
    );
  });
});
