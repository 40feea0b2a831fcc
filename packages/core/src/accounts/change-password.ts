import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { UnauthenticatedError, ValidationError } from '../shared/domain-error.ts';
import { deleteSessionsOfUserExcept, findUserById, updateUserPassword } from './accounts.repository.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.ts';

/**
 * Changes the signed-in user's own password after checking the current one, and revokes every
 * other session of that user (a stolen cookie stops working).
 */
export async function changePassword(
  db: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null },
  clock: Clock = systemClock,
): Promise<void> {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  const user = await findUserById(db, actor.userId);
  if (!user) throw new UnauthenticatedError();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError('The current password is wrong.', { currentPassword: 'Wrong password.' });
  }
  assertPasswordAcceptable(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateUserPassword(tx, user.id, passwordHash, clock.now());
    await deleteSessionsOfUserExcept(tx, user.id, input.keepSessionId);
    await recordAuditEvent(tx, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
    });
  });
}
