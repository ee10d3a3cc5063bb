/**
 * `contracts lease list|claim|release|renew|gc`: the lease store from the command line, with the
 * arguments, flags and output of the estate's `scripts/oxygen` (claim, release and gc print JSON as
 * oxygen does; list prints lines, or JSON with --json). Exit 0 done, 1 refused (code and message on
 * stderr), 2 usage.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Lease } from '../../../generated/types/index.js';
import { LEASE_DIR } from '../../machines/kernel/conventions.js';
import { readInstant } from '../../machines/kernel/time.js';
import { leaseFileName } from '../../machines/lease/index.js';
import { parseNow, UsageError } from '../cli/args.js';
import type { CliIo } from '../cli/main.js';
import { openLeaseStore, type LeaseStoreOutcome } from '../lease-store/store.js';
import { pythonJson } from '../lease-store/python-json.js';

export const LEASE_USAGE = `usage: contracts lease <command> [options]

  list [--json]                       the leases, active or expired
  claim RESOURCE --owner O --domain D [--ttl 1800] [--override --reason R]
  renew RESOURCE --owner O [--ttl 1800]  move a live lease's expiry to now + ttl
  release RESOURCE [--owner O]        remove a lease (only its owner's, when --owner is given)
  gc                                  remove the expired leases

  --root DIR    the repository (else $ASF_ROOT, else the nearest folder upward holding .substrate/,
                else the working directory); leases live in DIR/${LEASE_DIR}
  --json        JSON output (claim, renew, release and gc always print JSON, as scripts/oxygen does)
  --now TIME    the clock, as an RFC 3339 date-time (for tests and replays)

exit: 0 done, 1 refused (the refusal code and message on stderr), 2 usage
`;

const OPTIONS = {
  root: { type: 'string' },
  json: { type: 'boolean' },
  now: { type: 'string' },
  owner: { type: 'string' },
  domain: { type: 'string' },
  ttl: { type: 'string' },
  override: { type: 'boolean' },
  reason: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The options each command takes besides --root, --json, --now and --help; `!` marks a required one. */
const COMMANDS: Record<string, { resource: boolean; options: readonly string[] }> = {
  list: { resource: false, options: [] },
  claim: { resource: true, options: ['owner!', 'domain!', 'ttl', 'override', 'reason'] },
  renew: { resource: true, options: ['owner!', 'ttl'] },
  release: { resource: true, options: ['owner'] },
  gc: { resource: false, options: [] },
};
const COMMON = ['root', 'json', 'now', 'help'];

function parseLeaseArgs(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help) return { command: 'help' as const, values, resource: '' };
  const spec = command === undefined ? undefined : COMMANDS[command];
  if (!spec) throw new UsageError(command === undefined ? 'a command is needed' : `unknown command ${JSON.stringify(command)}`);
  for (const name of Object.keys(values)) {
    if (!COMMON.includes(name) && !spec.options.some((o) => o.replace('!', '') === name)) throw new UsageError(`${command} takes no --${name}`);
  }
  for (const required of spec.options.filter((o) => o.endsWith('!'))) {
    if (values[required.slice(0, -1) as keyof typeof values] === undefined) throw new UsageError(`${command} needs --${required.slice(0, -1)}`);
  }
  if (rest.length !== (spec.resource ? 1 : 0)) throw new UsageError(spec.resource ? `${command} takes one RESOURCE` : `${command} takes no argument`);
  if (values.ttl !== undefined && !/^[+-]?\d+$/.test(values.ttl.trim())) throw new UsageError(`--ttl: expected a whole number of seconds, not ${JSON.stringify(values.ttl)}`);
  return { command, values, resource: rest[0] ?? '' };
}

/** The repository whose leases are meant: --root, else ASF_ROOT, else the nearest folder upward holding .substrate/, else the working directory. */
export function resolveLeaseRoot(rootFlag: string | undefined, io: Pick<CliIo, 'cwd' | 'env'>): string {
  if (rootFlag) return path.resolve(io.cwd, rootFlag);
  const env = io.env.ASF_ROOT;
  if (env) return path.resolve(io.cwd, env.startsWith('~') && io.env.HOME ? path.join(io.env.HOME, env.slice(1)) : env);
  for (let dir = path.resolve(io.cwd); ; dir = path.dirname(dir)) {
    try {
      if (statSync(path.join(dir, '.substrate')).isDirectory()) return dir;
    } catch {
      // not here: look further up
    }
    if (path.dirname(dir) === dir) return path.resolve(io.cwd);
  }
}

const withPath = (lease: Lease) => ({ ...lease, _path: path.posix.join(LEASE_DIR, leaseFileName(lease.resource)) });

export async function runLeaseCommand(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  let now: string | undefined;
  try {
    args = parseLeaseArgs(argv);
    if (args.values.now !== undefined) now = parseNow(args.values.now);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`contracts lease: ${(error as Error).message}\n\n${LEASE_USAGE}`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout.write(LEASE_USAGE);
    return 0;
  }
  const { values, resource } = args;
  const store = openLeaseStore(resolveLeaseRoot(values.root, io), now ? { now: () => now } : {});
  const print = (value: unknown): number => {
    io.stdout.write(`${pythonJson(value)}\n`);
    return 0;
  };
  const done = <T extends object>(outcome: LeaseStoreOutcome<T>, show: (ok: T & { now: string }) => unknown): number => {
    if (!outcome.ok) {
      io.stderr.write(`contracts lease: ${outcome.refusal.code}: ${outcome.refusal.message}\n`);
      return 1;
    }
    return print(show(outcome));
  };
  const ttlSeconds = values.ttl === undefined ? undefined : Number(values.ttl.trim());
  switch (args.command) {
    case 'list': {
      const listing = store.list();
      for (const bad of listing.unreadable) io.stderr.write(`contracts lease: skipped ${path.posix.join(LEASE_DIR, bad.file)}: ${bad.reason}\n`);
      const at = readInstant(listing.now) ?? 0;
      const rows = listing.leases.map((l) => ({ ...withPath(l), _expired: at >= (readInstant(l.expires_at) ?? 0) }));
      if (values.json) return print(rows);
      for (const l of rows) io.stdout.write(`${l.resource} owner=${l.owner} domain=${l.domain} expires_at=${l.expires_at} (${l._expired ? 'expired' : 'active'})\n`);
      return 0;
    }
    case 'claim':
      return done(
        await store.claim({ resource, owner: values.owner!, domain: values.domain!, ttlSeconds, override: values.override ?? false, overrideReason: values.reason ?? '' }),
        (ok) => withPath(ok.lease),
      );
    case 'renew':
      return done(await store.renew({ resource, owner: values.owner!, ttlSeconds }), (ok) => withPath(ok.lease));
    case 'release':
      return done(await store.release({ resource, owner: values.owner }), (ok) => ({ released: resource, ts: ok.now }));
    default:
      return done(await store.collectExpired(), (ok) => ({ removed: ok.collected.length, ts: ok.now }));
  }
}
