import type { Database } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { onJobsEnqueued } from '../shared/enqueue-job.ts';
import { runPendingJobs, type JobHandlers } from './run-pending-jobs.ts';

export interface JobRunner {
  /** Poll now instead of waiting for the next tick (after enqueuing work). */
  wake: () => void;
  stop: () => Promise<void>;
}

/**
 * Polls the jobs table in-process every `intervalMs`, and at once when a job was enqueued in this
 * process (`onJobsEnqueued`, after the enqueuing transaction committed); `stop()` waits for the
 * current batch.
 */
export function startJobRunner(options: {
  db: Database;
  handlers: JobHandlers;
  clock: Clock;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): JobRunner {
  const intervalMs = options.intervalMs ?? 1000;
  let isStopped = false;
  let current: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let isWokenDuringBatch = false;
  const tick = () => {
    timer = undefined;
    current = runPendingJobs(options.db, options.handlers, options.clock)
      .then(() => undefined)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        // Woken while this batch ran (a job enqueued meanwhile may have missed it): poll again at once.
        if (!isStopped) timer = setTimeout(tick, isWokenDuringBatch ? 0 : intervalMs);
        isWokenDuringBatch = false;
      });
  };
  timer = setTimeout(tick, 0);
  const wake = () => {
    if (isStopped) return;
    if (timer) {
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    } else {
      isWokenDuringBatch = true;
    }
  };
  const unsubscribe = onJobsEnqueued(wake);
  return {
    wake,
    stop: async () => {
      isStopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
