import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { findAllProcesses, findProcessesOfUser } from './processes.repository.ts';

/** The processes an actor can open: all of them for administrators, otherwise their memberships. */
export async function listProcesses(db: Database, actor: Actor) {
  if (actor.kind === 'anonymous') return [];
  if (actor.kind === 'system' || actor.isInstanceAdmin) return findAllProcesses(db);
  return findProcessesOfUser(db, actor.userId);
}
