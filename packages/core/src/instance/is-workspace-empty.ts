import type { Database } from '../db/database.ts';
import { countProcesses } from './instance.repository.ts';

/** Whether the instance holds no strategy process yet (start-up loads the example then). */
export async function isWorkspaceEmpty(db: Database): Promise<boolean> {
  return (await countProcesses(db)) === 0;
}
