import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError, UnauthenticatedError } from '../shared/domain-error.ts';
import {
  assertProcessPermission,
  canViewProcess,
  loadProcessAccess,
  type ProcessAccess,
} from './processes.policies.ts';
import { findProcessBySlug } from './processes.repository.ts';

/**
 * Finds a process by slug and checks that the actor may view it. Other modules call this first.
 * Anonymous callers get 401 and non-members 404 whether or not the slug exists.
 */
export async function getProcessForActor(db: Queryable, actor: Actor, slug: string) {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  const strategyProcess = await findProcessBySlug(db, slug);
  if (!strategyProcess) throw new NotFoundError('The strategy process');
  const access: ProcessAccess = await loadProcessAccess(db, actor, strategyProcess.id);
  assertProcessPermission(access, canViewProcess(access), 'view this process');
  return { strategyProcess, access };
}
