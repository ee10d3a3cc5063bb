/**
 * Worker threads that scan batches of files, so a large scan uses every core. A worker is given
 * batches only once it says it is ready (loading the validators takes a moment), and at most two
 * at a time; until then, and whenever the workers are busy, the main thread scans batches itself.
 */
import { Worker } from 'node:worker_threads';
import type { BatchItem, BatchOutcome } from './file-batch.js';
import type { FileScanOptions } from './scan-file.js';

export const SCAN_WORKER_ROLE = 'validate-contracts/scan-worker';
const IN_FLIGHT_PER_WORKER = 2;

export interface WorkerRequest {
  id: number;
  items: BatchItem[];
}
export type WorkerMessage = { ready: true } | { id: number; outcomes: BatchOutcome[] } | { id: number; error: string };

/** A batch's outcome, filled in when its worker answers. */
export interface Pending {
  done: boolean;
  outcomes?: BatchOutcome[];
  error?: string;
  settled: Promise<void>;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  inFlight: number;
  failed: boolean;
}

export class ScanPool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { pending: Pending; resolve: () => void; slot: Slot }>();
  private nextId = 0;

  constructor(script: string | URL, count: number, options: FileScanOptions) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: { role: SCAN_WORKER_ROLE, options } });
      const slot: Slot = { worker, ready: false, inFlight: 0, failed: false };
      worker.on('message', (message: WorkerMessage) => this.receive(slot, message));
      worker.on('error', (error) => this.fail(slot, error.message));
      worker.on('exit', () => this.fail(slot, 'a scan worker stopped'));
      worker.unref();
      this.slots.push(slot);
    }
  }

  private receive(slot: Slot, message: WorkerMessage): void {
    if ('ready' in message) {
      slot.ready = true;
      return;
    }
    const entry = this.waiting.get(message.id);
    if (!entry) return;
    this.waiting.delete(message.id);
    slot.inFlight--;
    if ('error' in message) entry.pending.error = message.error;
    else entry.pending.outcomes = message.outcomes;
    entry.pending.done = true;
    entry.resolve();
  }

  private fail(slot: Slot, reason: string): void {
    if (slot.failed) return;
    slot.failed = true;
    slot.ready = false;
    for (const [id, entry] of this.waiting) {
      if (entry.slot !== slot) continue;
      this.waiting.delete(id);
      entry.pending.error = reason;
      entry.pending.done = true;
      entry.resolve();
    }
  }

  /** A batch handed to a ready worker with room, or undefined when none has room. */
  trySubmit(items: BatchItem[]): Pending | undefined {
    const slot = this.slots.find((s) => s.ready && !s.failed && s.inFlight < IN_FLIGHT_PER_WORKER);
    if (!slot) return undefined;
    const id = this.nextId++;
    let resolve!: () => void;
    const pending: Pending = { done: false, settled: new Promise<void>((r) => (resolve = r)) };
    this.waiting.set(id, { pending, resolve, slot });
    slot.inFlight++;
    slot.worker.ref();
    slot.worker.postMessage({ id, items } satisfies WorkerRequest);
    return pending;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
