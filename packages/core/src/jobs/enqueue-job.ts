import type { Queryable } from '../db/database.ts';
import { insertJob, insertJobs } from './jobs.repository.ts';

/**
 * Adds a background job. Call it inside the transaction of the change that needs it, so the job
 * exists exactly when the change is committed (no fire-and-forget side effects).
 */
export async function enqueueJob(
  db: Queryable,
  kind: string,
  payload: Record<string, unknown>,
  options: { runAt?: Date; maxAttempts?: number } = {},
) {
  return insertJob(db, {
    kind,
    payload,
    ...(options.runAt ? { runAt: options.runAt } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
}

/** Adds several jobs of one kind in one statement, inside the transaction of the change (as `enqueueJob`). */
export async function enqueueJobs(db: Queryable, kind: string, payloads: Record<string, unknown>[]) {
  await insertJobs(
    db,
    payloads.map((payload) => ({ kind, payload })),
  );
}
