import type { Queryable } from '../db/database.ts';
import { insertJob } from './jobs.repository.ts';

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
