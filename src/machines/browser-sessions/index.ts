// Visible, owned, revocable browser automation sessions.
export * from './machine.js';
export { browserSessionRefusals, type BrowserRefusalCode } from './refusals.js';
