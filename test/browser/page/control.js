// The positive control: this page tries `new Function`, which the CSP must block and report, so a
// test that sees no violation on the app page knows the listener and the policy both work.
try {
  window.__control = new Function('return "eval ran"')();
} catch (error) {
  window.__control = error && error.name;
}
document.documentElement.dataset.done = 'true';
