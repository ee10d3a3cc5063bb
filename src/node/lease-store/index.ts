// The lease store: leases on a folder, race-free across processes, byte-compatible with scripts/oxygen.
export { openLeaseStore, type LeaseStore, type LeaseStoreOptions, type LeaseStoreOutcome, type LeaseStoreRecord, type LeaseStoreCode, type LeaseListing, type LeaseOperation } from './store.js';
export { leaseStoreRefusals, type LeaseStoreRefusalCode } from './refusals.js';
export { leaseFileText, readLeaseFolder, MAX_LEASE_FILE_BYTES, type LeaseFolder, type UnreadableLease } from './lease-files.js';
export { pythonJson } from './python-json.js';
