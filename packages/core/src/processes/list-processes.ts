import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { UnauthenticatedError } from '../shared/domain-error.ts';
import { findAllProcesses, findProcessesOfUser } from './processes.repository.ts';

/**
 * The processes an actor can open: all of them for administrators, otherwise their memberships.
 * Anonymous callers get 401 like every other signed-in-only use-case (the route is `authenticated`).
 */
export async function listProcesses(db: Database, actor: Actor) {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (actor.kind === 'system' || actor.isInstanceAdmin) return findAllProcesses(db);
  return findProcessesOfUser(db, actor.userId);
}
