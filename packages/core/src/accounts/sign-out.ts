import type { Database } from '../db/database.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { deleteSession } from './accounts.repository.ts';

/** Revokes the session behind a cookie token. Signing out twice is harmless. */
export async function signOut(db: Database, sessionToken: string): Promise<void> {
  await deleteSession(db, hashSecretToken(sessionToken));
}
