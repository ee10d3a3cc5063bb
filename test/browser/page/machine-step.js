// One state-machine step, run in the browser.
// Placeholder until the state machines (src/machines/) are exported from the core entry: it then
// becomes a real step (a lease claimed on an empty board).
export function machineStep() {
  return { placeholder: true };
}
