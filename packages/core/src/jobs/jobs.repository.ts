import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { inputRounds, jobs } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export type JobRow = typeof jobs.$inferSelect;

/**
 * Takes up to `limit` due jobs, oldest first, in one statement. `FOR UPDATE SKIP LOCKED` lets several
 * app instances on one PostgreSQL server poll the same table without taking the same job twice.
 */
export async function claimDueJobs(db: Queryable, now: Date, limit: number): Promise<JobRow[]> {
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'queued'), or(lte(jobs.runAt, now), lte(jobs.runAt, sql`now()`))))
    .orderBy(asc(jobs.runAt), asc(jobs.queuedOrder))
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedAt: now })
    .where(inArray(jobs.id, next))
    .returning({ id: jobs.id });
  if (claimed.length === 0) return [];
  // `returning` has no order, and times alone do not tell jobs queued in the same millisecond apart
  // (PGlite's clock has millisecond resolution): the queue order does.
  return db
    .select()
    .from(jobs)
    .where(
      inArray(
        jobs.id,
        claimed.map((row) => row.id),
      ),
    )
    .orderBy(asc(jobs.runAt), asc(jobs.queuedOrder));
}

/** Marks jobs done (one statement), wiping their payloads when asked (it held a secret link, say). */
export async function markJobsDone(db: Queryable, jobIds: string[], now: Date, shouldClearPayload: boolean) {
  if (jobIds.length === 0) return;
  await db
    .update(jobs)
    .set({ status: 'done', finishedAt: now, lockedAt: null, ...(shouldClearPayload ? { payload: {} } : {}) })
    .where(inArray(jobs.id, jobIds));
}

export async function markJobFailed(db: Queryable, job: JobRow, error: string, now: Date) {
  const isFinal = job.attempts >= job.maxAttempts;
  const backoffSeconds = Math.min(3600, 5 * 2 ** job.attempts);
  await db
    .update(jobs)
    .set({
      status: isFinal ? 'failed' : 'queued',
      lastError: error.slice(0, 2000),
      lockedAt: null,
      runAt: isFinal ? job.runAt : new Date(now.getTime() + backoffSeconds * 1000),
      finishedAt: isFinal ? now : null,
    })
    .where(eq(jobs.id, job.id));
}

/** Jobs left `running` by a crashed process go back to the queue. */
export async function requeueStaleJobs(db: Queryable, lockedBefore: Date) {
  await db
    .update(jobs)
    .set({ status: 'queued', lockedAt: null })
    .where(and(eq(jobs.status, 'running'), lt(jobs.lockedAt, lockedBefore)));
}

export async function findJobs(db: Queryable, kind?: string) {
  return db
    .select()
    .from(jobs)
    .where(kind ? eq(jobs.kind, kind) : undefined)
    .orderBy(asc(jobs.queuedOrder));
}

/**
 * Deletes queued or failed jobs of a kind addressed (payload `to`) to the email about the
 * process's rounds (payload `roundId`); done jobs keep no payload. Returns how many went.
 * `privacy` forgets a deleted respondent's queued mail with it.
 */
export async function deleteEmailJobsTo(db: Queryable, processId: string, email: string, kind: string) {
  const rows = await db
    .delete(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        sql`lower(trim(${jobs.payload}->>'to')) = ${email.trim().toLowerCase()}`,
        sql`${jobs.payload}->>'roundId' in (select ${inputRounds.id}::text from ${inputRounds} where ${inputRounds.processId} = ${processId})`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
