import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { findSessionWithUser } from './accounts.repository.ts';
import { toSessionUser, type SessionUser } from './account.ts';

/** Looks up the session behind a cookie token; undefined when unknown, revoked or expired. */
export async function resolveSession(
  db: Database,
  sessionToken: string,
  clock: Clock = systemClock,
): Promise<{ user: SessionUser; sessionId: string; csrfToken: string } | undefined> {
  const sessionId = hashSecretToken(sessionToken);
  const row = await findSessionWithUser(db, sessionId, clock.now());
  if (!row) return undefined;
  return { user: toSessionUser(row.user), sessionId, csrfToken: row.session.csrfToken };
}
