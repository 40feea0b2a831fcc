import type { Queryable } from '../db/database.ts';
import { createSecretToken, hashSecretToken } from '../shared/tokens.ts';
import { insertSession } from './accounts.repository.ts';
import { sessionLifetimeMs } from './account.ts';

export interface IssuedSession {
  /** The secret that goes into the cookie; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Starts a server-side session for a user. */
export async function createSession(db: Queryable, userId: string, now: Date): Promise<IssuedSession> {
  const token = createSecretToken();
  const csrfToken = createSecretToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await insertSession(db, { id: hashSecretToken(token), userId, csrfToken, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}
