import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/domain-error.ts';
import { findMembershipRole } from '../accounts/index.ts';
import type { MembershipRole } from '../accounts/index.ts';

/** What an actor may do in one strategy process: their role there, and whether they are above roles. */
export interface ProcessAccess {
  actor: Actor;
  processId: string;
  role: MembershipRole | undefined;
  /** Instance administrators and the operator's CLI act with owner rights everywhere. */
  isSuperuser: boolean;
}

export async function loadProcessAccess(
  db: Queryable,
  actor: Actor,
  processId: string,
): Promise<ProcessAccess> {
  if (actor.kind === 'system') return { actor, processId, role: undefined, isSuperuser: true };
  if (actor.kind === 'anonymous') return { actor, processId, role: undefined, isSuperuser: false };
  const role = await findMembershipRole(db, actor.userId, processId);
  return { actor, processId, role, isSuperuser: actor.isInstanceAdmin };
}

function hasRole(access: ProcessAccess, roles: readonly MembershipRole[]): boolean {
  return access.isSuperuser || (access.role !== undefined && roles.includes(access.role));
}

/** Any member may read the process, its drafts included. */
export function canViewProcess(access: ProcessAccess): boolean {
  return hasRole(access, ['owner', 'secretariat', 'working_group', 'reviewer', 'observer']);
}

/** The secretariat runs the process: mandate, milestones, bodies, rounds. */
export function canEditProcess(access: ProcessAccess): boolean {
  return hasRole(access, ['owner', 'secretariat']);
}

/** Only owners decide who takes part and with which role. */
export function canManageProcessMembers(access: ProcessAccess): boolean {
  return hasRole(access, ['owner']);
}

/** Creating a new process: instance administrators (and the CLI). */
export function canCreateProcess(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isInstanceAdmin);
}

/**
 * Throws the right error for a denied check: 401 for anonymous callers, 404 for signed-in
 * non-members (so the existence of a process is not revealed), 403 for members without the right.
 */
export function assertProcessPermission(access: ProcessAccess, isAllowed: boolean, what: string): void {
  if (isAllowed) return;
  if (access.actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (!access.isSuperuser && access.role === undefined) throw new NotFoundError('The strategy process');
  throw new ForbiddenError(`Your role does not allow you to ${what}.`);
}
