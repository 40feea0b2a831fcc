import type { Database } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { claimNextJob, markJobDone, markJobFailed, requeueStaleJobs } from './jobs.repository.ts';

export interface JobHandler {
  run: (payload: Record<string, unknown>) => Promise<void>;
  /** Wipe the payload once done (it held a secret link, for example). */
  shouldClearPayload?: boolean;
}

export type JobHandlers = Record<string, JobHandler>;

const staleAfterMs = 10 * 60 * 1000;

/**
 * Runs due jobs one at a time until none is left (or `limit` ran). A failing job is retried with
 * exponential back-off and marked failed after its last attempt; its error is kept on the row.
 */
export async function runPendingJobs(
  db: Database,
  handlers: JobHandlers,
  clock: Clock,
  limit = 100,
): Promise<number> {
  await requeueStaleJobs(db, new Date(clock.now().getTime() - staleAfterMs));
  let processed = 0;
  while (processed < limit) {
    const job = await db.transaction((tx) => claimNextJob(tx, clock.now()));
    if (!job) break;
    processed += 1;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
      await handler.run(job.payload);
      await markJobDone(db, job.id, clock.now(), handler.shouldClearPayload ?? false);
    } catch (error) {
      await markJobFailed(db, job, (error as Error).message ?? String(error), clock.now());
    }
  }
  return processed;
}
