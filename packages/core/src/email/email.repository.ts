import { desc, eq, inArray } from 'drizzle-orm';
import { outgoingEmails } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export async function insertOutgoingEmail(db: Queryable, values: typeof outgoingEmails.$inferInsert) {
  await db.insert(outgoingEmails).values(values);
}

export async function findOutgoingEmailsOfRound(db: Queryable, roundId: string) {
  return db
    .select()
    .from(outgoingEmails)
    .where(eq(outgoingEmails.roundId, roundId))
    .orderBy(desc(outgoingEmails.sentAt), desc(outgoingEmails.id));
}

/** Forgets sent emails (`privacy` deletes a deleted respondent's mail). */
export async function deleteOutgoingEmails(db: Queryable, emailIds: string[]) {
  if (emailIds.length === 0) return;
  await db.delete(outgoingEmails).where(inArray(outgoingEmails.id, emailIds));
}
