// Visible, owned, revocable browser automation sessions.
export * from './machine.js';
