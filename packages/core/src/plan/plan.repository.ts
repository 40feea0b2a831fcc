import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import {
  deliverables,
  involvementEvents,
  milestones,
  stakeholderBodies,
  statements,
  themes,
} from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The only writer of `milestones`, `stakeholder_bodies`, `deliverables` and `involvement_events`
 * (see docs/decisions/process-plan-module.md). Other modules write these tables through
 * `plan/index.ts`.
 */

export type MilestoneRow = typeof milestones.$inferSelect;
export type DeliverableRow = typeof deliverables.$inferSelect;
export type StakeholderBodyRow = typeof stakeholderBodies.$inferSelect;
export type InvolvementEventRow = typeof involvementEvents.$inferSelect;

function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new Error(`${what} returned no row`);
  return row;
}

// milestones

export async function findMilestonesOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(milestones)
    .where(eq(milestones.processId, processId))
    .orderBy(asc(milestones.date), asc(milestones.id));
}

export async function findMilestoneById(db: Queryable, milestoneId: string) {
  const [row] = await db.select().from(milestones).where(eq(milestones.id, milestoneId));
  return row;
}

export async function insertMilestone(db: Queryable, values: typeof milestones.$inferInsert) {
  return one(await db.insert(milestones).values(values).returning(), 'insert milestones');
}

/** Bulk insert for the exchange import and the demo loader. */
export async function insertMilestones(db: Queryable, rows: (typeof milestones.$inferInsert)[]) {
  if (rows.length) await db.insert(milestones).values(rows);
}

export async function updateMilestoneRow(
  db: Queryable,
  milestoneId: string,
  values: Partial<typeof milestones.$inferInsert>,
) {
  return one(
    await db.update(milestones).set(values).where(eq(milestones.id, milestoneId)).returning(),
    'update milestones',
  );
}

// stakeholder bodies

export async function findStakeholderBodiesOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(stakeholderBodies)
    .where(eq(stakeholderBodies.processId, processId))
    .orderBy(asc(stakeholderBodies.position), asc(stakeholderBodies.id));
}

export async function findStakeholderBodyById(db: Queryable, bodyId: string) {
  const [row] = await db.select().from(stakeholderBodies).where(eq(stakeholderBodies.id, bodyId));
  return row;
}

export async function insertStakeholderBody(db: Queryable, values: typeof stakeholderBodies.$inferInsert) {
  return one(await db.insert(stakeholderBodies).values(values).returning(), 'insert stakeholder_bodies');
}

/** Bulk insert for the exchange import and the demo loader; gives the rows back (with their ids). */
export async function insertStakeholderBodies(
  db: Queryable,
  rows: (typeof stakeholderBodies.$inferInsert)[],
) {
  if (!rows.length) return [];
  return db.insert(stakeholderBodies).values(rows).returning();
}

export async function updateStakeholderBodyRow(
  db: Queryable,
  bodyId: string,
  values: Partial<typeof stakeholderBodies.$inferInsert>,
) {
  return one(
    await db.update(stakeholderBodies).set(values).where(eq(stakeholderBodies.id, bodyId)).returning(),
    'update stakeholder_bodies',
  );
}

export async function deleteStakeholderBodyById(db: Queryable, bodyId: string) {
  await db.delete(stakeholderBodies).where(eq(stakeholderBodies.id, bodyId));
}

// deliverables

export async function findDeliverablesOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(deliverables)
    .where(eq(deliverables.processId, processId))
    .orderBy(asc(deliverables.position), asc(deliverables.id));
}

export async function findDeliverableById(db: Queryable, deliverableId: string) {
  const [row] = await db.select().from(deliverables).where(eq(deliverables.id, deliverableId));
  return row;
}

export async function insertDeliverable(db: Queryable, values: typeof deliverables.$inferInsert) {
  return one(await db.insert(deliverables).values(values).returning(), 'insert deliverables');
}

/** Bulk insert for the exchange import and the demo loader. */
export async function insertDeliverables(db: Queryable, rows: (typeof deliverables.$inferInsert)[]) {
  if (rows.length) await db.insert(deliverables).values(rows);
}

export async function updateDeliverableRow(
  db: Queryable,
  deliverableId: string,
  values: Partial<typeof deliverables.$inferInsert>,
) {
  return one(
    await db.update(deliverables).set(values).where(eq(deliverables.id, deliverableId)).returning(),
    'update deliverables',
  );
}

export async function deleteDeliverableById(db: Queryable, deliverableId: string) {
  await db.delete(deliverables).where(eq(deliverables.id, deliverableId));
}

// involvement log

export async function findInvolvementEventsOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(involvementEvents)
    .where(eq(involvementEvents.processId, processId))
    .orderBy(asc(involvementEvents.date), asc(involvementEvents.id));
}

export async function findInvolvementEventById(db: Queryable, eventId: string) {
  const [row] = await db.select().from(involvementEvents).where(eq(involvementEvents.id, eventId));
  return row;
}

export async function insertInvolvementEvent(db: Queryable, values: typeof involvementEvents.$inferInsert) {
  return one(await db.insert(involvementEvents).values(values).returning(), 'insert involvement_events');
}

/** Bulk insert for the exchange import. */
export async function insertInvolvementEvents(
  db: Queryable,
  rows: (typeof involvementEvents.$inferInsert)[],
) {
  if (rows.length) await db.insert(involvementEvents).values(rows);
}

export async function deleteInvolvementEventById(db: Queryable, eventId: string) {
  await db.delete(involvementEvents).where(eq(involvementEvents.id, eventId));
}

// read-only: how far the strategy text has come, for the timeline's counts

/**
 * The stage of every theme and the live statement count per canvas and section of a process.
 * Read-only queries on tables the strategy modules write: the timeline shows these counts, and
 * reading them here keeps `plan` from depending on `strategies` (which depends on `plan`).
 */
export async function findStrategyProgress(db: Queryable, processId: string) {
  const [themeStages, statementCounts] = await Promise.all([
    db.select({ stage: themes.stage }).from(themes).where(eq(themes.processId, processId)),
    db
      .select({
        canvasId: statements.canvasId,
        section: statements.section,
        count: sql<number>`count(*)::int`,
      })
      .from(statements)
      .where(and(eq(statements.processId, processId), isNull(statements.deletedAt)))
      .groupBy(statements.canvasId, statements.section),
  ]);
  return { themeStages, statementCounts };
}
