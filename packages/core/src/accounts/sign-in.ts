import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { InvalidCredentialsError } from './accounts.errors.ts';
import { findUserByEmail } from './accounts.repository.ts';
import { toSessionUser, type SessionUser } from './account.ts';
import { getDummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession, type IssuedSession } from './create-session.ts';

/**
 * Email + password sign-in. An unknown email and a wrong password give the same error after the
 * same amount of work (a dummy hash is verified), so accounts cannot be enumerated.
 */
export async function signIn(
  db: Database,
  input: { email: string; password: string },
  clock: Clock = systemClock,
): Promise<{ user: SessionUser; session: IssuedSession }> {
  const user = await findUserByEmail(db, input.email.trim());
  const passwordHash = user?.passwordHash ?? (await getDummyPasswordHash());
  const isValid = await verifyPassword(passwordHash, input.password);
  if (!user || !user.passwordHash || !isValid) throw new InvalidCredentialsError();
  const session = await createSession(db, user.id, clock.now());
  return { user: toSessionUser(user), session };
}
