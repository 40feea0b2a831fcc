/**
 * Runs a {@link TextStage} on a worker thread (language detection, terms, duplicate detection), so
 * the main thread can parse input and build the vocabulary at the same time (two cores).
 */
import { startTypeScriptWorker } from '../parallel/pool.ts';
import type { DuplicateGroup, DuplicateOptions } from '../duplicates/index.ts';
import type { StageReply, WorkerRequest, WorkerResponse } from './terms-batch.ts';

/** A single worker answering in sending order. */
export interface StageWorker {
  send(request: WorkerRequest): Promise<WorkerResponse>;
  /** Duplicate groups of everything sent. */
  finish(): Promise<DuplicateGroup[]>;
  close(): Promise<void>;
}

/**
 * Starts the text-stage worker, or returns undefined when workers cannot load TypeScript here.
 *
 * @example
 * const worker = startStageWorker({ threshold: 0.8 });
 */
export function startStageWorker(
  duplicates?: DuplicateOptions,
  isKeepingStopWords = false,
): StageWorker | undefined {
  const worker = startTypeScriptWorker(new URL('./worker.ts', import.meta.url));
  if (!worker) {
    return undefined;
  }
  const waiting: { resolve: (reply: StageReply) => void; reject: (error: Error) => void }[] = [];
  let failure: Error | undefined;
  worker.on('message', (reply: StageReply) => {
    waiting.shift()?.resolve(reply);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const waiter of waiting.splice(0)) {
      waiter.reject(error);
    }
  });
  const ask = (message: WorkerRequest | { kind: 'finish' }): Promise<StageReply> =>
    new Promise<StageReply>((resolve, reject) => {
      if (failure) {
        reject(failure);
        return;
      }
      waiting.push({ resolve, reject });
      worker.postMessage(message);
    });
  worker.postMessage({ kind: 'start', isKeepingStopWords, ...(duplicates ? { duplicates } : {}) });
  return {
    send: async (request) => {
      const reply = await ask(request);
      if (reply.kind !== 'batch') {
        throw new Error('text stage answered out of order');
      }
      return reply;
    },
    finish: async () => {
      const reply = await ask({ kind: 'finish' });
      if (reply.kind !== 'groups') {
        throw new Error('text stage answered out of order');
      }
      return reply.groups;
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
