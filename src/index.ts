// @sourceos/contracts: the browser-safe core. No Node built-ins, no eval, no clock or randomness.
export * from './validation.js';
export * from './machines/index.js';
