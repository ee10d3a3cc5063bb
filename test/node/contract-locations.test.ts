// Where the estate keeps leases and signals: a file there is that contract, and its root is the folder above.
import { describe, expect, test } from 'vitest';
import { contractAtLocation } from '../../src/node/scan/contract-locations.js';

describe('contractAtLocation', () => {
  test.each([
    ['.substrate/state/leases/tool:x.json', { contract: 'Lease', root: '.' }],
    ['repo/.substrate/state/leases/tool:x.json', { contract: 'Lease', root: 'repo' }],
    ['/abs/a b/.bridges/signals/20260130-040219_missive_assignment.json', { contract: 'Signal', root: '/abs/a b' }],
    ['.bridges/signals/x.json', { contract: 'Signal', root: '.' }],
  ])('%s', (file, expected) => {
    expect(contractAtLocation(file)).toEqual(expected);
  });

  test.each([
    'repo/.substrate/state/leases/nested/x.json', // one level only
    'repo/.substrate/state/leases.json',
    'repo/x.substrate/state/leases/y.json', // at a folder boundary only
    'repo/.bridges/signals/x.jsonl',
    'repo/receipts/ledger.json',
  ])('%s is no place of a contract', (file) => {
    expect(contractAtLocation(file)).toBeUndefined();
  });
});
