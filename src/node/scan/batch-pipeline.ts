/**
 * Batches of walked paths, scanned in walk order: on worker threads when a pool is running and a
 * worker has room, otherwise on the calling thread. Outcomes are handed to `take` strictly in the
 * order the batches were submitted, so the checks across documents and the report do not depend on
 * which thread scanned what. At most MAX_QUEUED batches wait for an earlier one, bounding memory.
 */
import os from 'node:os';
import { runBatch, type BatchItem, type BatchOutcome } from './file-batch.js';
import type { FileScanOptions } from './scan-file.js';
import { ScanPool, type Pending } from './worker-pool.js';

/** Files scanned on the calling thread before worker threads are started (they take a moment to load). */
const FILES_BEFORE_WORKERS = 384;
/**
 * Worker threads by default only from this many cores on. Measured on two vCPUs, one worker beside
 * the main thread made a scan slower (10,000 documents: 0.93 s against 0.87 s; 100,000: 5.8 s
 * against 4.5 s): V8's compiler and GC threads already use the second core, and two scans side by
 * side contend for memory and the file system.
 */
export const MIN_CORES_FOR_WORKERS = 4;

/** Worker threads to start by default: one fewer than the cores, from MIN_CORES_FOR_WORKERS cores on. */
export function defaultWorkerCount(cores = os.availableParallelism()): number {
  return cores >= MIN_CORES_FOR_WORKERS ? Math.min(cores - 1, 7) : 0;
}
const MAX_QUEUED = 32;

export interface ParallelOptions {
  /** A script that, run as a worker thread, calls runScanWorker() (the bin does). */
  script: string | URL;
  /** Worker threads to start; default: defaultWorkerCount(). 0 scans on the calling thread only. */
  workers?: number;
}

type Queued = { local: BatchOutcome[] } | { items: BatchItem[]; pending: Pending };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class BatchPipeline {
  private readonly queue: Queued[] = [];
  private pool: ScanPool | undefined;
  private readonly workerCount: number;
  private files = 0;
  /** Batches scanned on workers and on the calling thread. */
  readonly counts = { worker: 0, main: 0 };

  constructor(
    private readonly options: FileScanOptions,
    private readonly take: (outcomes: readonly BatchOutcome[]) => void,
    private readonly parallel: ParallelOptions | undefined,
  ) {
    this.workerCount = parallel ? (parallel.workers ?? defaultWorkerCount()) : 0;
  }

  get workers(): number {
    return this.pool ? this.workerCount : 0;
  }

  async submit(items: BatchItem[]): Promise<void> {
    this.files += items.length;
    if (!this.pool && this.parallel && this.workerCount > 0 && this.files >= FILES_BEFORE_WORKERS) {
      this.pool = new ScanPool(this.parallel.script, this.workerCount, this.options);
    }
    const pending = this.pool?.trySubmit(items);
    this.counts[pending ? 'worker' : 'main']++;
    this.queue.push(pending ? { items, pending } : { local: runBatch(items, this.options) });
    if (this.pool) await nextTurn(); // let the workers' answers in
    await this.drain(this.queue.length > MAX_QUEUED);
  }

  /** Hands over the batches at the head of the queue that are done; with `wait`, waits for them all. */
  async drain(wait: boolean): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0] as Queued;
      if ('pending' in head) {
        if (!head.pending.done) {
          if (!wait) return;
          await head.pending.settled;
        }
        // a worker that failed leaves its batch to this thread
        this.take(head.pending.outcomes ?? runBatch(head.items, this.options));
      } else this.take(head.local);
      this.queue.shift();
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
