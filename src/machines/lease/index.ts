// Leases and their per-domain budgets (the oxygen protocol).
export * from './machine.js';
export { leaseRefusals, type LeaseRefusalCode } from './refusals.js';
