import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canManageActors, canViewActors } from './actors.policies.ts';
import { findActorsOfProcess } from './actors.repository.ts';

/** The actor registry of a process, by name. */
export async function listActors(db: Queryable, actor: Actor, slug: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canViewActors(access), 'see the actor registry');
  return { actors: await findActorsOfProcess(db, strategyProcess.id), canManage: canManageActors(access) };
}
