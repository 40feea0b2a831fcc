import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { EmailTakenError, InvalidSetupLinkError } from './accounts.errors.ts';
import {
  findUsableSetupToken,
  findUserByEmail,
  insertUser,
  markSetupTokenUsed,
  updateUserPassword,
} from './accounts.repository.ts';
import { normalizeEmail, toSessionUser, type SessionUser } from './account.ts';
import { assertPasswordAcceptable, hashPassword } from './passwords.ts';
import { createSession, type IssuedSession } from './create-session.ts';

export interface CompleteAccountSetupInput {
  token: string;
  /** Required for the first-admin link; ignored for an invitation (the email is on the link). */
  email?: string | undefined;
  name?: string | undefined;
  password: string;
}

/**
 * Uses a one-time link: creates the first administrator, or sets the password of an invited user.
 * Everything happens in one transaction, and the link can be used only once even under races.
 */
export async function completeAccountSetup(
  db: Database,
  input: CompleteAccountSetupInput,
  clock: Clock = systemClock,
): Promise<{ user: SessionUser; session: IssuedSession }> {
  const now = clock.now();
  const tokenHash = hashSecretToken(input.token);
  const passwordHash = await prepareHash(input);
  return db.transaction(async (tx) => {
    const token = await findUsableSetupToken(tx, tokenHash, now);
    if (!token) throw new InvalidSetupLinkError();
    if (!(await markSetupTokenUsed(tx, token.id, now))) throw new InvalidSetupLinkError();
    let user;
    if (token.purpose === 'first_admin') {
      const email = normalizeEmail(input.email ?? '');
      if (!email) {
        throw new ValidationError('Enter a valid email address.', { email: 'Not a valid email address.' });
      }
      const name = input.name?.trim();
      if (!name) throw new ValidationError('Enter your name.', { name: 'Required.' });
      if (await findUserByEmail(tx, email)) throw new EmailTakenError(email);
      user = await insertUser(tx, { email, name, passwordHash, isInstanceAdmin: true });
    } else {
      const existing = token.email ? await findUserByEmail(tx, token.email) : undefined;
      if (!existing) throw new InvalidSetupLinkError();
      await updateUserPassword(tx, existing.id, passwordHash, now);
      user = existing;
    }
    await recordAuditEvent(
      tx,
      { kind: 'user', userId: user.id, isInstanceAdmin: user.isInstanceAdmin },
      {
        action: token.purpose === 'first_admin' ? 'user.first_admin_created' : 'user.password_set',
        entityType: 'user',
        entityId: user.id,
      },
    );
    const session = await createSession(tx, user.id, now);
    return { user: toSessionUser(user), session };
  });
}

async function prepareHash(input: CompleteAccountSetupInput): Promise<string> {
  assertPasswordAcceptable(input.password, input.email);
  return hashPassword(input.password);
}
