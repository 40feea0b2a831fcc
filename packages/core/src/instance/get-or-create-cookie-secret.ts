import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { findSetting, insertSettingIfMissing } from './instance.repository.ts';

const cookieSecretKey = 'cookie_secret';

/**
 * The key that signs session cookies: made once per instance and kept in the database, so every
 * app instance behind a load balancer shares it and restarts do not sign everyone out.
 */
export async function getOrCreateCookieSecret(db: Database): Promise<string> {
  await insertSettingIfMissing(db, cookieSecretKey, randomBytes(32).toString('base64url'));
  const row = await findSetting(db, cookieSecretKey);
  if (!row) throw new Error('cookie secret missing after insert');
  return row.value;
}
