import { asc, eq, inArray } from 'drizzle-orm';
import { memberships, strategyProcesses } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

/**
 * The only writer of `strategy_processes` (see docs/decisions/process-plan-module.md). The process
 * overview, which also shows milestones, bodies and rounds, is `plan`'s (`plan/get-process-overview.ts`).
 */

export type ProcessRow = typeof strategyProcesses.$inferSelect;

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
  const ids = db
    .select({ id: memberships.processId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
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

/** The process row, locked for the rest of the transaction (edits of it are serialised). */
export async function lockProcessRow(db: Queryable, processId: string) {
  const [row] = await db
    .select()
    .from(strategyProcesses)
    .where(eq(strategyProcesses.id, processId))
    .for('update');
  return row;
}

/** Changes the process row (its text, as edited or restored by `strategies`); bumps `updated_at`. */
export async function updateProcessRow(
  db: Queryable,
  processId: string,
  values: Partial<typeof strategyProcesses.$inferInsert>,
) {
  const [row] = await db
    .update(strategyProcesses)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(strategyProcesses.id, processId))
    .returning();
  if (!row) throw new Error('update strategy_processes returned no row');
  return row;
}

/**
 * Sets the involvement bullets of the process (the plan's "how we involve" text, kept on the
 * process row), merging their English into `translations` when given. Used by the exchange import.
 */
export async function setProcessInvolvement(
  db: Queryable,
  processId: string,
  involvement: string[],
  english: { involvement: string[] } | undefined,
) {
  const [row] = await db.select().from(strategyProcesses).where(eq(strategyProcesses.id, processId));
  if (!row) return;
  const translations = english
    ? { ...row.translations, en: { ...(row.translations.en ?? {}), ...english } }
    : row.translations;
  await db
    .update(strategyProcesses)
    .set({ involvement, translations })
    .where(eq(strategyProcesses.id, processId));
}

/** Sets how long submitter data is kept after the process's input closed (`privacy`'s retention setting). */
export async function updateProcessRetention(
  db: Queryable,
  processId: string,
  retentionDays: number | null,
  now: Date,
) {
  await db
    .update(strategyProcesses)
    .set({ retentionDays, updatedAt: now })
    .where(eq(strategyProcesses.id, processId));
}
