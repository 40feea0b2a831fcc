import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { memberships, sessions, setupTokens, strategyProcesses, users } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';
import type { MembershipRole } from './account.ts';

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function findUserById(db: Queryable, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row;
}

export async function insertUser(
  db: Queryable,
  values: {
    email: string;
    name: string;
    passwordHash: string | null;
    isInstanceAdmin: boolean;
    locale?: string;
  },
) {
  const [row] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  if (!row) throw new Error('insert users returned no row');
  return row;
}

export async function updateUserPassword(db: Queryable, userId: string, passwordHash: string, at: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, userId));
}

export async function insertSetupToken(
  db: Queryable,
  values: typeof setupTokens.$inferInsert,
): Promise<void> {
  await db.insert(setupTokens).values(values);
}

export async function findUsableSetupToken(db: Queryable, tokenHash: string, now: Date) {
  const [row] = await db
    .select()
    .from(setupTokens)
    .where(
      and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)),
    );
  return row;
}

/** Marks a token used; returns false when another request used it first. */
export async function markSetupTokenUsed(db: Queryable, tokenId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(setupTokens)
    .set({ usedAt: at })
    .where(and(eq(setupTokens.id, tokenId), isNull(setupTokens.usedAt)))
    .returning({ id: setupTokens.id });
  return rows.length === 1;
}

export async function expireUnusedSetupTokens(
  db: Queryable,
  purpose: 'first_admin' | 'user_invite',
  at: Date,
) {
  await db
    .update(setupTokens)
    .set({ expiresAt: at })
    .where(and(eq(setupTokens.purpose, purpose), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, at)));
}

export async function insertSession(db: Queryable, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function findSessionWithUser(db: Queryable, sessionId: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Queryable, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfUserExcept(
  db: Queryable,
  userId: string,
  keepSessionId: string | null,
) {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keepSessionId}`)
        : eq(sessions.userId, userId),
    );
}

export async function findMembershipRole(
  db: Queryable,
  userId: string,
  processId: string,
): Promise<MembershipRole | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.processId, processId)));
  return row?.role;
}

export async function upsertMembership(
  db: Queryable,
  userId: string,
  processId: string,
  role: MembershipRole,
) {
  await db
    .insert(memberships)
    .values({ userId, processId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.processId], set: { role } });
}

export async function deleteMembership(db: Queryable, userId: string, processId: string) {
  await db
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.processId, processId)));
}

export async function findMembershipsOfProcess(db: Queryable, processId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.processId, processId))
    .orderBy(users.name, users.id);
}

export async function findMembershipsOfUser(db: Queryable, userId: string) {
  return db
    .select({ processId: memberships.processId, slug: strategyProcesses.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(strategyProcesses, eq(strategyProcesses.id, memberships.processId))
    .where(eq(memberships.userId, userId));
}
