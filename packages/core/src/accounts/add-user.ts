import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { createSecretToken, hashSecretToken } from '../shared/tokens.ts';
import { EmailTakenError } from './accounts.errors.ts';
import { assertCanManageUsers } from './accounts.policies.ts';
import { findUserByEmail, insertSetupToken, insertUser } from './accounts.repository.ts';
import { normalizeEmail, setupLinkLifetimeMs, toSessionUser, type SessionUser } from './account.ts';

export interface AddUserInput {
  email: string;
  name?: string | undefined;
  isInstanceAdmin: boolean;
}

/**
 * Creates a user without a password and a one-time link with which the person sets one.
 * Used by `innspill user add` and by administrators in the app.
 */
export async function addUser(
  db: Database,
  actor: Actor,
  input: AddUserInput,
  clock: Clock = systemClock,
): Promise<{ user: SessionUser; setupToken: string }> {
  assertCanManageUsers(actor);
  const email = normalizeEmail(input.email);
  if (!email) {
    throw new ValidationError('That is not a valid email address.', { email: 'Not a valid email address.' });
  }
  const name = input.name?.trim() || email.split('@')[0] || email;
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, email)) throw new EmailTakenError(email);
    const now = clock.now();
    const user = await insertUser(tx, {
      email,
      name,
      passwordHash: null,
      isInstanceAdmin: input.isInstanceAdmin,
    });
    const setupToken = createSecretToken();
    await insertSetupToken(tx, {
      tokenHash: hashSecretToken(setupToken),
      purpose: 'user_invite',
      email,
      isInstanceAdmin: input.isInstanceAdmin,
      createdAt: now,
      expiresAt: new Date(now.getTime() + setupLinkLifetimeMs),
    });
    await recordAuditEvent(tx, actor, {
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      detail: { isInstanceAdmin: input.isInstanceAdmin },
    });
    return { user: toSessionUser(user), setupToken };
  });
}
