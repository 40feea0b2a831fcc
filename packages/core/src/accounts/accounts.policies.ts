import type { Actor } from '../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../shared/domain-error.ts';

/** Creating users and issuing their setup links: instance administrators and the operator's CLI. */
export function canManageUsers(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isInstanceAdmin);
}

export function assertCanManageUsers(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (!canManageUsers(actor)) throw new ForbiddenError('Only an administrator can manage users.');
}
