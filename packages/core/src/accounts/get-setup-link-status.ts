import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { findUsableSetupToken } from './accounts.repository.ts';

/** Tells the setup page whether a one-time link still works, and for what, without using it. */
export async function getSetupLinkStatus(db: Database, token: string, clock: Clock = systemClock) {
  const row = await findUsableSetupToken(db, hashSecretToken(token), clock.now());
  return { isValid: row !== undefined, purpose: row?.purpose ?? null, email: row?.email ?? null };
}
