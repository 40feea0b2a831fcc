import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { afterCommit, deferCallbacksUntilCommit } from '../shared/after-commit.ts';
import { enqueueJob } from '../shared/enqueue-job.ts';
import { findJobs, startJobRunner } from './index.ts';

let database: TestDatabase;
const clock = fixedClock(new Date());

beforeAll(async () => {
  database = await createTestDatabase();
  deferCallbacksUntilCommit(database.db);
});
afterAll(async () => {
  await database.close();
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(startJobRunner.name, () => {
  it('runs a job enqueued in a committed transaction at once, without waiting for its next poll', async () => {
    const ran: unknown[] = [];
    const runner = startJobRunner({
      db: database.db,
      handlers: { note: { run: async (payload) => void ran.push(payload) } },
      clock,
      intervalMs: 10 * 60 * 1000,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // the first (empty) poll passes
      await database.db.transaction(async (tx) => {
        await enqueueJob(tx, 'note', { n: 1 });
      });
      await waitFor(async () => ran.length === 1);
      expect(ran).toEqual([{ n: 1 }]);
      expect((await findJobs(database.db, 'note')).map((job) => job.status)).toEqual(['done']);
    } finally {
      await runner.stop();
    }
  });
});

describe(afterCommit.name, () => {
  it('holds callbacks until the transaction commits and drops them when it rolls back', async () => {
    const calls: string[] = [];
    await database.db.transaction(async () => {
      afterCommit(() => calls.push('committed'));
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual(['committed']);
    await database.db
      .transaction(async () => {
        afterCommit(() => calls.push('rolled back'));
        throw new Error('roll back');
      })
      .catch(() => undefined);
    afterCommit(() => calls.push('outside'));
    expect(calls).toEqual(['committed', 'outside']);
  });
});
