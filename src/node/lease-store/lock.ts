/**
 * The store-wide lock of a lease folder: the directory `<leases>/.lock`, holding an `owner` file
 * (pid, host, token, time) and a private folder named by the holder's token. It is built complete
 * under a unique name and renamed into place, so it appears whole or not at all; a rename onto a
 * lock that exists fails (a held lock is never empty). A lock whose holder is a dead process on this
 * host, or that is older than the stale timeout, is stolen by renaming it away to a unique name.
 * Every change the holder makes to the folder is a rename or link through its private folder
 * (`.lock/<token>/…`), so it fails once the lock is no longer its own: a stolen holder is fenced.
 * See docs/lease-store.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const LOCK_NAME = '.lock';
/** Names of the lock's transient siblings: one being built, one stolen, one let go. */
const SIBLING = /^\.lock\.(new|stale|free)-/;

export interface LockOptions {
  /** A lock older than this is stale (default 10 s). */
  readonly staleMs: number;
  /** How long to wait for a held lock before giving up (default 30 s). */
  readonly timeoutMs: number;
}

export interface HeldLock {
  readonly token: string;
  /** The holder's private folder: every change to the lease folder goes through it. */
  readonly stage: string;
  /** A fresh path in the private folder, for a temporary or a removed file. */
  scratch(label: string): string;
  /** True while the lock on disk is still this one. */
  held(): boolean;
  release(): void;
}

interface Holder {
  readonly pid?: number;
  readonly host?: string;
  readonly token?: string;
  readonly ageMs: number;
}

const errno = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/** Whether a process of this host is gone (a pid we may not signal is alive). */
function isDead(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errno(error) === 'ESRCH';
  }
}

/** Who holds the lock folder at `dir`, or null when there is none any more (or it just changed). */
function inspect(dir: string): Holder | null {
  const stat = (): { ino: number; mtimeMs: number } | null => {
    try {
      return statSync(dir);
    } catch (error) {
      if (errno(error) === 'ENOENT') return null;
      throw error;
    }
  };
  const before = stat();
  if (!before) return null;
  let text: string;
  try {
    text = readFileSync(path.join(dir, 'owner'), 'utf8');
  } catch (error) {
    if (errno(error) !== 'ENOENT') throw error;
    // no owner: the lock was let go (or replaced) meanwhile, or it is a folder made by hand
    const after = stat();
    return after && after.ino === before.ino ? { ageMs: Date.now() - after.mtimeMs } : null;
  }
  try {
    const owner = JSON.parse(text) as { pid?: unknown; host?: unknown; token?: unknown; time?: unknown };
    return {
      pid: typeof owner.pid === 'number' ? owner.pid : undefined,
      host: typeof owner.host === 'string' ? owner.host : undefined,
      token: typeof owner.token === 'string' ? owner.token : undefined,
      // the owner's time is written just before the lock is taken
      ageMs: Date.now() - (typeof owner.time === 'number' ? owner.time : before.mtimeMs),
    };
  } catch {
    // a torn owner file (only after a power loss): judged by the folder's age alone
    return { ageMs: Date.now() - before.mtimeMs };
  }
}

const isStale = (holder: Holder, staleMs: number): boolean =>
  holder.ageMs > staleMs || (holder.host === hostname() && holder.pid !== undefined && holder.pid !== process.pid && isDead(holder.pid));

/** Removes a folder renamed away; what it held is nobody's any more. */
const discard = (dir: string): void => rmSync(dir, { recursive: true, force: true, maxRetries: 2 });

/** Takes the lock of the lease folder `leases`, waiting for a live holder; null after the timeout. */
export async function acquireLock(leases: string, options: LockOptions): Promise<HeldLock | null> {
  const token = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const lockDir = path.join(leases, LOCK_NAME);
  const building = path.join(leases, `.lock.new-${token}`);
  // the owner file says when the lock was taken: it is written again just before each attempt
  const stamp = (): void => writeFileSync(path.join(building, 'owner'), `${JSON.stringify({ pid: process.pid, host: hostname(), token, time: Date.now() })}\n`, { mode: 0o600 });
  const build = (): void => {
    mkdirSync(path.join(building, token), { recursive: true, mode: 0o700 });
    stamp();
  };
  build();
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (attempt > 0) stamp();
      renameSync(building, lockDir);
      return heldLock(leases, lockDir, token, options.staleMs);
    } catch (error) {
      const code = errno(error);
      // our half-built lock was swept away as a leftover: build it again
      if (code === 'ENOENT') build();
      else if (code !== 'ENOTEMPTY' && code !== 'EEXIST') {
        discard(building);
        throw error;
      }
    }
    const holder = inspect(lockDir);
    if (holder && isStale(holder, options.staleMs)) {
      try {
        renameSync(lockDir, path.join(leases, `.lock.stale-${token}-${attempt}`));
      } catch (error) {
        if (errno(error) !== 'ENOENT') throw error;
      }
      discard(path.join(leases, `.lock.stale-${token}-${attempt}`));
      continue;
    }
    if (holder && Date.now() > deadline) {
      discard(building);
      return null;
    }
    if (holder) await sleep(Math.min(50, 1 + attempt) * (0.5 + Math.random()));
  }
}

function heldLock(leases: string, lockDir: string, token: string, staleMs: number): HeldLock {
  const stage = path.join(lockDir, token);
  let count = 0;
  const held = (): boolean => {
    try {
      return statSync(stage).isDirectory();
    } catch {
      return false;
    }
  };
  try {
    sweepSiblings(leases, token, staleMs);
  } catch {
    // leftovers that cannot be removed now are tried again by the next holder
  }
  return {
    token,
    stage,
    scratch: (label) => path.join(stage, `${label}-${(count += 1)}`),
    held,
    release() {
      if (!held()) return;
      const away = path.join(leases, `.lock.free-${token}`);
      try {
        renameSync(lockDir, away);
        discard(away);
      } catch {
        // renamed away or not, the lock is no longer this process's; leftovers are swept later
      }
    },
  };
}

/** The pid a half-built lock folder's name carries (`.lock.new-<pid>-<random>`). */
function builderPid(name: string): number | undefined {
  const match = /^\.lock\.new-(\d+)-/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Removes what killed processes left beside the lock: half-built, stolen or let-go lock folders. */
function sweepSiblings(leases: string, token: string, staleMs: number): void {
  for (const name of readdirSync(leases)) {
    if (!SIBLING.test(name) || name.includes(token)) continue;
    const holder = inspect(path.join(leases, name));
    if (!holder) continue;
    // a lock being built has its owner file within moments; one of a dead process is abandoned, and so
    // is one without an owner file whose builder (the pid in its name) is dead or that is stale. A
    // half-built folder swept by mistake (another host's) costs its builder one more try, nothing else.
    const builder = holder.pid === undefined ? builderPid(name) : undefined;
    const abandoned =
      holder.pid !== undefined ? holder.host === hostname() && isDead(holder.pid) : holder.ageMs > staleMs || (builder !== undefined && builder !== process.pid && isDead(builder));
    if (!name.startsWith('.lock.new-') || abandoned || holder.ageMs > 10 * 60_000) discard(path.join(leases, name));
  }
}
