import { and, asc, eq, inArray } from 'drizzle-orm';
import { actors } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export async function findActorsOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(actors)
    .where(eq(actors.processId, processId))
    .orderBy(asc(actors.name), asc(actors.id));
}

export async function findActorById(db: Queryable, processId: string, actorId: string) {
  const [row] = await db
    .select()
    .from(actors)
    .where(and(eq(actors.processId, processId), eq(actors.id, actorId)));
  return row;
}

export async function findActorsByIds(db: Queryable, processId: string, actorIds: string[]) {
  if (actorIds.length === 0) return [];
  return db
    .select()
    .from(actors)
    .where(and(eq(actors.processId, processId), inArray(actors.id, actorIds)));
}

export async function findActorByOrganisationNumber(
  db: Queryable,
  processId: string,
  organisationNumber: string,
) {
  const [row] = await db
    .select()
    .from(actors)
    .where(and(eq(actors.processId, processId), eq(actors.organisationNumber, organisationNumber)));
  return row;
}

export async function insertActorRow(db: Queryable, values: typeof actors.$inferInsert) {
  const [row] = await db.insert(actors).values(values).returning();
  if (!row) throw new Error('insert actors returned no row');
  return row;
}

export async function updateActorRow(
  db: Queryable,
  actorId: string,
  values: Partial<typeof actors.$inferInsert>,
) {
  const [row] = await db.update(actors).set(values).where(eq(actors.id, actorId)).returning();
  return row;
}

/** Replaces an actor's contact emails (`privacy` removes a deleted respondent's address). */
export async function setActorContactEmails(db: Queryable, actorId: string, emails: string[]) {
  await db.update(actors).set({ contactEmails: emails }).where(eq(actors.id, actorId));
}
