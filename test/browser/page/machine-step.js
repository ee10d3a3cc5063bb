// One state-machine step, run in the browser: a lease claimed on an empty board (free → held),
// the Lease it emits checked by the contract, and a second claim of the same resource refused.
import { Lease, claimLease, createLeaseBoard, resourceState } from '@sourceos/contracts';

export function machineStep() {
  const now = '2026-01-30T06:01:33Z';
  const board = createLeaseBoard({ maxLeasesPerDomain: 2 });
  if (!board.ok) return { error: `createLeaseBoard refused: ${board.refusal?.code ?? JSON.stringify(board)}` };
  const claim = { resource: 'tool:githubwatch', owner: 'scribe', domain: 'scribe', ttlSeconds: 1800 };
  const before = resourceState(board.state, claim.resource, Date.parse(now) / 1000);
  const claimed = claimLease(board.state, claim, now);
  if (!claimed.ok) return { error: `claimLease refused: ${JSON.stringify(claimed)}` };
  const emitted = claimed.emitted[0];
  const after = resourceState(claimed.state, claim.resource, Date.parse(now) / 1000);
  const again = claimLease(claimed.state, { ...claim, owner: 'builder', domain: 'builder' }, '2026-01-30T06:02:00Z');
  return {
    before,
    after,
    emittedContract: emitted.contract,
    emittedPath: emitted.path,
    emittedExpiresAt: emitted.document.expires_at,
    emittedValid: Lease.validate(emitted.document, { filename: emitted.filename }).ok,
    secondClaim: again.ok ? 'accepted' : again.refusal.code,
  };
}
