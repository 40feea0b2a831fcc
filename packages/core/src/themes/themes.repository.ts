import { and, asc, eq } from 'drizzle-orm';
import { themes } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export type ThemeRow = typeof themes.$inferSelect;
export type NewThemeRow = typeof themes.$inferInsert;

function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new Error(`${what} returned no row`);
  return row;
}

export async function insertTheme(db: Queryable, values: NewThemeRow) {
  return one(await db.insert(themes).values(values).returning(), 'insert themes');
}

/** Every theme of a process, in display order. */
export async function findThemesOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(themes)
    .where(eq(themes.processId, processId))
    .orderBy(asc(themes.position), asc(themes.number));
}

/** One theme by id, only when it belongs to the process (ids of other processes find nothing). */
export async function findThemeOfProcess(db: Queryable, processId: string, themeId: string) {
  const [row] = await db
    .select()
    .from(themes)
    .where(and(eq(themes.processId, processId), eq(themes.id, themeId)));
  return row;
}

export async function setThemeOrder(db: Queryable, themeId: string, position: number, number: number) {
  await db.update(themes).set({ position, number }).where(eq(themes.id, themeId));
}

/** The strategic theme that has `number` now (numbers follow the order, so they change on a move). */
export async function findThemeByNumber(db: Queryable, processId: string, number: number) {
  const [row] = await db
    .select()
    .from(themes)
    .where(and(eq(themes.processId, processId), eq(themes.number, number)));
  return row;
}
