import type { Queryable } from '../db/database.ts';
import { afterCommit } from './after-commit.ts';
import { insertJob, insertJobs } from './job-queue.repository.ts';

const enqueuedListeners = new Set<() => void>();

/**
 * Calls `listener` whenever jobs were enqueued (after the enqueuing transaction committed), so a
 * job runner polls at once instead of at its next tick. Returns the unsubscribe function.
 */
export function onJobsEnqueued(listener: () => void): () => void {
  enqueuedListeners.add(listener);
  return () => enqueuedListeners.delete(listener);
}

function notifyJobsEnqueued() {
  afterCommit(() => {
    for (const listener of enqueuedListeners) listener();
  });
}

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
  const job = await insertJob(db, {
    kind,
    payload,
    ...(options.runAt ? { runAt: options.runAt } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
  notifyJobsEnqueued();
  return job;
}

/** Adds several jobs of one kind in one statement, inside the transaction of the change (as `enqueueJob`). */
export async function enqueueJobs(db: Queryable, kind: string, payloads: Record<string, unknown>[]) {
  await insertJobs(
    db,
    payloads.map((payload) => ({ kind, payload })),
  );
  if (payloads.length > 0) notifyJobsEnqueued();
}
