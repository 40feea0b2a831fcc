import { sql } from 'drizzle-orm';
import { jobs } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export async function insertJob(db: Queryable, values: typeof jobs.$inferInsert) {
  const [row] = await db.insert(jobs).values(values).returning();
  if (!row) throw new Error('insert jobs returned no row');
  return row;
}

/** Inserts several due jobs in one statement (a batch of submits; the rows as one JSON parameter). */
export async function insertJobs(
  db: Queryable,
  values: { kind: string; payload: Record<string, unknown> }[],
) {
  if (values.length === 0) return;
  await db.execute(sql`
    insert into jobs (kind, payload)
    select r.kind, r.payload from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(kind text, payload jsonb)`);
}
