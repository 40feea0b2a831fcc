import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { inputRounds } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

/** Open rounds whose deadline is within their reminder window (and not yet passed). */
export async function findRoundsDueForReminders(db: Queryable, now: Date) {
  return db
    .select()
    .from(inputRounds)
    .where(
      and(
        eq(inputRounds.status, 'open'),
        isNotNull(inputRounds.reminderDaysBefore),
        gt(inputRounds.deadline, now),
        sql`${inputRounds.deadline} - make_interval(days => ${inputRounds.reminderDaysBefore}) <= ${now.toISOString()}::timestamptz`,
      ),
    );
}
