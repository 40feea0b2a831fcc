import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { enqueueJob, enqueueJobs } from '../shared/enqueue-job.ts';
import { findJobs, runPendingJobs, type JobHandlers } from './index.ts';

let database: TestDatabase;
// The runner also treats jobs due by the database's own clock as due, so the test clock is now,
// taken afresh for each test: a clock fixed when the file loaded falls behind the database's on a
// busy machine, and a retry due 10 s after it would already be due by the database's clock.
let clock = fixedClock(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  clock = fixedClock(new Date());
  await database.db.execute(sql`delete from jobs`);
});

describe(runPendingJobs.name, () => {
  it('runs every due job once, in the order they were queued, across several claimed batches', async () => {
    const seen: number[] = [];
    const handlers: JobHandlers = {
      count: { run: async (payload) => void seen.push(payload.n as number) },
    };
    for (let n = 0; n < 45; n += 1) await enqueueJob(database.db, 'count', { n });

    expect(await runPendingJobs(database.db, handlers, clock)).toBe(45);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, n) => n));
    const jobs = await findJobs(database.db, 'count');
    expect(jobs.every((job) => job.status === 'done' && job.attempts === 1 && job.lockedAt === null)).toBe(
      true,
    );
    expect(await runPendingJobs(database.db, handlers, clock)).toBe(0);
  });

  it('stops at the limit and leaves the rest queued', async () => {
    await enqueueJobs(
      database.db,
      'noop',
      Array.from({ length: 30 }, (_, n) => ({ n })),
    );
    const handlers: JobHandlers = { noop: { run: async () => undefined } };
    expect(await runPendingJobs(database.db, handlers, clock, 25)).toBe(25);
    const jobs = await findJobs(database.db, 'noop');
    expect(jobs.filter((job) => job.status === 'done')).toHaveLength(25);
    expect(jobs.filter((job) => job.status === 'queued')).toHaveLength(5);
  });

  it('retries a failing job later with its error kept, without holding back the others of its batch', async () => {
    const handlers: JobHandlers = {
      flaky: {
        run: async (payload) => {
          if (payload.n === 1) throw new Error('SMTP said no');
        },
        shouldClearPayload: true,
      },
    };
    await enqueueJobs(database.db, 'flaky', [
      { n: 0, secret: 'link-0' },
      { n: 1 },
      { n: 2, secret: 'link-2' },
    ]);
    expect(await runPendingJobs(database.db, handlers, clock)).toBe(3);

    const jobs = await findJobs(database.db, 'flaky');
    const failed = jobs.find((job) => job.payload.n === 1)!;
    expect(failed.status).toBe('queued');
    expect(failed.lastError).toBe('SMTP said no');
    expect(failed.runAt.getTime()).toBeGreaterThan(clock.now().getTime());
    const done = jobs.filter((job) => job.status === 'done');
    expect(done).toHaveLength(2);
    // Done jobs that held a secret have their payload wiped.
    expect(done.map((job) => job.payload)).toEqual([{}, {}]);
    // Not due yet: nothing runs now.
    expect(await runPendingJobs(database.db, handlers, clock)).toBe(0);
  });

  it('marks a job of an unknown kind as failed instead of losing it', async () => {
    await enqueueJob(database.db, 'unknown-kind', {}, { maxAttempts: 1 });
    expect(await runPendingJobs(database.db, {}, clock)).toBe(1);
    const [job] = await findJobs(database.db, 'unknown-kind');
    expect(job?.status).toBe('failed');
    expect(job?.lastError).toContain('No handler');
  });
});
