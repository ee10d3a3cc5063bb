// Visible, owned, revocable browser automation sessions.
export * from './machine.js';
export { maySessionAct, type SessionActAnswer } from './may-act.js';
export { browserActRefusals, browserSessionDenials, browserSessionRefusals, type BrowserActRefusalCode, type BrowserDenialCode, type BrowserRefusalCode } from './refusals.js';
