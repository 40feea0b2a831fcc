import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { instanceSettings, strategyProcesses } from '../db/schema/index.ts';

export async function countProcesses(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(strategyProcesses);
  return row?.count ?? 0;
}

/** Stores `value` under `key` unless the key already has one. */
export async function insertSettingIfMissing(db: Database, key: string, value: string): Promise<void> {
  await db.insert(instanceSettings).values({ key, value }).onConflictDoNothing();
}

export async function findSetting(db: Database, key: string) {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, key));
  return row;
}
