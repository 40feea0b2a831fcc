import { asc, eq, inArray } from 'drizzle-orm';
import {
  inputRounds,
  memberships,
  milestones,
  questions,
  stakeholderBodies,
  strategyProcesses,
} from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export async function findProcessBySlug(db: Queryable, slug: string) {
  const [row] = await db.select().from(strategyProcesses).where(eq(strategyProcesses.slug, slug));
  return row;
}

export async function findProcessById(db: Queryable, processId: string) {
  const [row] = await db.select().from(strategyProcesses).where(eq(strategyProcesses.id, processId));
  return row;
}

export async function findAllProcesses(db: Queryable) {
  return db.select().from(strategyProcesses).orderBy(asc(strategyProcesses.title), asc(strategyProcesses.id));
}

export async function findProcessesOfUser(db: Queryable, userId: string) {
  const ids = db.select({ id: memberships.processId }).from(memberships).where(eq(memberships.userId, userId));
  return db
    .select()
    .from(strategyProcesses)
    .where(inArray(strategyProcesses.id, ids))
    .orderBy(asc(strategyProcesses.title), asc(strategyProcesses.id));
}

export async function insertProcess(db: Queryable, values: typeof strategyProcesses.$inferInsert) {
  const [row] = await db.insert(strategyProcesses).values(values).returning();
  if (!row) throw new Error('insert strategy_processes returned no row');
  return row;
}

export async function insertMilestones(db: Queryable, rows: (typeof milestones.$inferInsert)[]) {
  if (rows.length) await db.insert(milestones).values(rows);
}

export async function insertStakeholderBodies(db: Queryable, rows: (typeof stakeholderBodies.$inferInsert)[]) {
  if (rows.length) await db.insert(stakeholderBodies).values(rows);
}

export async function insertInputRound(db: Queryable, values: typeof inputRounds.$inferInsert) {
  const [row] = await db.insert(inputRounds).values(values).returning();
  if (!row) throw new Error('insert input_rounds returned no row');
  return row;
}

export async function insertQuestions(db: Queryable, rows: (typeof questions.$inferInsert)[]) {
  if (rows.length) await db.insert(questions).values(rows);
}

export async function findMilestonesOfProcess(db: Queryable, processId: string) {
  return db.select().from(milestones).where(eq(milestones.processId, processId)).orderBy(asc(milestones.date), asc(milestones.id));
}

export async function findBodiesOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(stakeholderBodies)
    .where(eq(stakeholderBodies.processId, processId))
    .orderBy(asc(stakeholderBodies.position), asc(stakeholderBodies.id));
}

export async function findRoundsOfProcess(db: Queryable, processId: string) {
  return db.select().from(inputRounds).where(eq(inputRounds.processId, processId)).orderBy(asc(inputRounds.number));
}
