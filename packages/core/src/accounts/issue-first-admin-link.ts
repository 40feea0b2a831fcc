import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { createSecretToken, hashSecretToken } from '../shared/tokens.ts';
import { countUsers, expireUnusedSetupTokens, insertSetupToken } from './accounts.repository.ts';
import { setupLinkLifetimeMs } from './account.ts';

/**
 * On an instance without users, issues a one-time token for creating the first administrator
 * (the Gitea/Grafana pattern: no default password ever exists). Earlier unused first-admin tokens
 * are expired, so only the link printed last works. Returns undefined once any user exists.
 */
export async function issueFirstAdminLink(
  db: Database,
  clock: Clock = systemClock,
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return undefined;
    const now = clock.now();
    await expireUnusedSetupTokens(tx, 'first_admin', now);
    const token = createSecretToken();
    await insertSetupToken(tx, {
      tokenHash: hashSecretToken(token),
      purpose: 'first_admin',
      isInstanceAdmin: true,
      createdAt: now,
      expiresAt: new Date(now.getTime() + setupLinkLifetimeMs),
    });
    return token;
  });
}
