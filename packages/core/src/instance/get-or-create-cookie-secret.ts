import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { instanceSettings } from '../db/schema/index.ts';

const cookieSecretKey = 'cookie_secret';

/**
 * The key that signs session cookies: made once per instance and kept in the database, so every
 * app instance behind a load balancer shares it and restarts do not sign everyone out.
 */
export async function getOrCreateCookieSecret(db: Database): Promise<string> {
  await db
    .insert(instanceSettings)
    .values({ key: cookieSecretKey, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, cookieSecretKey));
  if (!row) throw new Error('cookie secret missing after insert');
  return row.value;
}
