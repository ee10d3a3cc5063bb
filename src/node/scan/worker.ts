/** The scan worker's side: answer each batch with its outcomes. Started by ScanPool through the bin. */
import { parentPort, workerData } from 'node:worker_threads';
import { runBatch } from './file-batch.js';
import type { WorkerMessage, WorkerRequest } from './worker-pool.js';
import { SCAN_WORKER_ROLE } from './worker-pool.js';
import type { FileScanOptions } from './scan-file.js';

export function isScanWorker(): boolean {
  return parentPort !== null && (workerData as { role?: unknown } | null)?.role === SCAN_WORKER_ROLE;
}

export function runScanWorker(): void {
  const port = parentPort;
  if (!port) return;
  const options = (workerData as { options: FileScanOptions }).options;
  port.on('message', (request: WorkerRequest) => {
    let message: WorkerMessage;
    try {
      message = { id: request.id, outcomes: runBatch(request.items, options) };
    } catch (error) {
      message = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(message);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
