import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { hashPassword, insertUser, upsertMembership, type MembershipRole } from '../accounts/index.ts';
import { insertProcess } from '../processes/index.ts';

const unique = () => randomBytes(4).toString('hex');

/** A user (with a known password when given) and the Actor to call use-cases as them. */
export async function buildUser(
  db: Database,
  overrides: { email?: string; name?: string; password?: string; isInstanceAdmin?: boolean } = {},
) {
  const email = overrides.email ?? `user-${unique()}@example.test`;
  const user = await insertUser(db, {
    email,
    name: overrides.name ?? `Test User ${unique()}`,
    passwordHash: overrides.password ? await hashPassword(overrides.password) : null,
    isInstanceAdmin: overrides.isInstanceAdmin ?? false,
  });
  const actor: Actor = { kind: 'user', userId: user.id, isInstanceAdmin: user.isInstanceAdmin };
  return { user, actor };
}

/** A strategy process; optionally with members given as role → actor user. */
export async function buildProcess(
  db: Database,
  overrides: { slug?: string; title?: string; language?: string } = {},
) {
  const slug = overrides.slug ?? `process-${unique()}`;
  return insertProcess(db, {
    slug,
    title: overrides.title ?? `Process ${slug}`,
    language: overrides.language ?? 'nb',
  });
}

/** A user with a given role in a process. */
export async function buildMember(db: Database, processId: string, role: MembershipRole, password?: string) {
  const built = await buildUser(db, password ? { password } : {});
  await upsertMembership(db, built.user.id, processId, role);
  return built;
}
