// Work items on a board, with the signals their transitions send.
export * from './machine.js';
export { handOffWorkItem, type Handoff } from './handoff.js';
