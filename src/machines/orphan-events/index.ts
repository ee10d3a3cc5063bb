// Lifecycle events that could not attach to a session: recovered or quarantined, never lost.
export * from './machine.js';
