import type { Database } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { claimDueJobs, markJobFailed, markJobsDone, requeueStaleJobs } from './jobs.repository.ts';

export interface JobHandler {
  run: (payload: Record<string, unknown>) => Promise<void>;
  /** Wipe the payload once done (it held a secret link, for example). */
  shouldClearPayload?: boolean;
}

export type JobHandlers = Record<string, JobHandler>;

const staleAfterMs = 10 * 60 * 1000;

/** How many due jobs are claimed with one statement. */
const claimBatchSize = 20;

/**
 * Runs due jobs until none is left (or `limit` ran). Jobs are claimed a batch at a time and run one
 * after the other; the ones that succeeded are marked done together after the batch, so a receipt
 * email costs the database its own record and a share of two statements. A failing job is retried
 * with exponential back-off and marked failed after its last attempt; its error is kept on the row.
 * (A crash in the middle of a batch leaves its jobs `running`; they are requeued as stale and run
 * again: at least once, as before.)
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
    const claimed = await claimDueJobs(db, clock.now(), Math.min(claimBatchSize, limit - processed));
    if (claimed.length === 0) break;
    processed += claimed.length;
    const done = { clearing: [] as string[], keeping: [] as string[] };
    for (const job of claimed) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`No handler for job kind "${job.kind}".`);
        await handler.run(job.payload);
        (handler.shouldClearPayload ? done.clearing : done.keeping).push(job.id);
      } catch (error) {
        await markJobFailed(db, job, (error as Error).message ?? String(error), clock.now());
      }
    }
    await markJobsDone(db, done.clearing, clock.now(), true);
    await markJobsDone(db, done.keeping, clock.now(), false);
  }
  return processed;
}
