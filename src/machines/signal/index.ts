// Signal documents (proclamation, missive, council_call) and their file names.
export * from './build-signal.js';
