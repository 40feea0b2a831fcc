import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { strategyProcesses } from '../db/schema/index.ts';

/** Whether the instance holds no strategy process yet (start-up loads the example then). */
export async function isWorkspaceEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(strategyProcesses);
  return (row?.count ?? 0) === 0;
}
