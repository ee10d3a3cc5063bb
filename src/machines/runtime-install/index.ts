// Runtime installs with verified artifacts.
export * from './machine.js';
