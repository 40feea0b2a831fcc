/** Worker-thread entry: answers {@link processBatch} requests from the main thread. */
import { parentPort } from 'node:worker_threads';
import { processBatch, type WorkerRequest } from './terms-batch.ts';

parentPort?.on('message', (request: WorkerRequest) => {
  parentPort?.postMessage(processBatch(request));
});
