// The reasons the lease store refuses an operation besides the lease machine's own (`lease/…`), code → when.
import type { RefusalTable } from '../../machines/kernel/outcome.js';

export const leaseStoreRefusals = {
  'lease-store/lock-timeout': 'The folder\'s lock stayed held by a live process for longer than the lock timeout.',
  'lease-store/unreadable-lease': 'The resource\'s file is not a valid Lease under its own name (torn, hand-edited, or not a lease); it is left as it is.',
  'lease-store/changed-on-disk': 'The resource\'s file changed under the store by a writer that does not take the lock (such as scripts/oxygen); nothing was changed.',
  'lease-store/lock-lost': 'The store\'s lock was taken from it (it was held past the stale timeout) on every attempt; nothing more was changed.',
  'lease-store/io': 'The file system refused a read or a write (permissions, a full disk, a folder where a file belongs).',
} as const satisfies RefusalTable<`lease-store/${string}`>;
export type LeaseStoreRefusalCode = keyof typeof leaseStoreRefusals;
