import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import {
  assertProcessPermission,
  canEditProcess,
  getProcessForActor,
  type ProcessAccess,
} from '../processes/index.ts';

/**
 * Personal data of respondents (find, export, delete, retention) is handled by the people who
 * run the process: its secretariat and owners, and administrators (and the operator's CLI).
 */
export function canHandlePersonalData(access: ProcessAccess): boolean {
  return canEditProcess(access);
}

/** Loads the process by slug and throws unless the actor may handle its respondents' personal data. */
export async function getProcessForPersonalData(db: Queryable, actor: Actor, slug: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canHandlePersonalData(access), 'handle respondents’ personal data');
  return strategyProcess;
}
