/**
 * Runs {@link processBatch} on a worker thread (language detection + terms), so the main thread can
 * parse input, detect duplicates and build the vocabulary at the same time (two cores).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './terms-batch.ts';

/** A single worker answering batches in order. */
export interface BatchWorker {
  /** Sends a batch; resolves with its answer (answers arrive in sending order). */
  send(request: WorkerRequest): Promise<WorkerResponse>;
  close(): Promise<void>;
}

/**
 * Starts the terms worker, or returns undefined when workers cannot run TypeScript here.
 *
 * @example
 * const worker = startBatchWorker();
 */
export function startBatchWorker(): BatchWorker | undefined {
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
  const target = new URL('./worker.ts', import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`, { eval: true });
  worker.unref();
  const waiting: { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  worker.on('message', (response: WorkerResponse) => {
    waiting.shift()?.resolve(response);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const waiter of waiting.splice(0)) {
      waiter.reject(error);
    }
  });
  return {
    send: (request) =>
      new Promise<WorkerResponse>((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        waiting.push({ resolve, reject });
        worker.postMessage(request);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
