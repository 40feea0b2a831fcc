import { and, asc, count, eq, inArray, isNotNull, max } from 'drizzle-orm';
import { answers, inputRounds, invitations, questions, submissions } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export async function findRoundById(db: Queryable, roundId: string) {
  const [row] = await db.select().from(inputRounds).where(eq(inputRounds.id, roundId));
  return row;
}

export async function findRoundsByIds(db: Queryable, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db.select().from(inputRounds).where(inArray(inputRounds.id, roundIds));
}

export async function findRoundByNumber(db: Queryable, processId: string, roundNumber: number) {
  const [row] = await db
    .select()
    .from(inputRounds)
    .where(and(eq(inputRounds.processId, processId), eq(inputRounds.number, roundNumber)));
  return row;
}

export async function findRoundsOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(inputRounds)
    .where(eq(inputRounds.processId, processId))
    .orderBy(asc(inputRounds.number));
}

export async function findHighestRoundNumber(db: Queryable, processId: string): Promise<number> {
  const [row] = await db
    .select({ value: max(inputRounds.number) })
    .from(inputRounds)
    .where(eq(inputRounds.processId, processId));
  return row?.value ?? 0;
}

export async function insertRound(db: Queryable, values: typeof inputRounds.$inferInsert) {
  const [row] = await db.insert(inputRounds).values(values).returning();
  if (!row) throw new Error('insert input_rounds returned no row');
  return row;
}

export async function updateRoundRow(
  db: Queryable,
  roundId: string,
  values: Partial<typeof inputRounds.$inferInsert>,
) {
  const [row] = await db
    .update(inputRounds)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(inputRounds.id, roundId))
    .returning();
  if (!row) throw new Error('update input_rounds returned no row');
  return row;
}

export async function findQuestionsOfRound(db: Queryable, roundId: string) {
  return db
    .select()
    .from(questions)
    .where(eq(questions.roundId, roundId))
    .orderBy(asc(questions.position), asc(questions.id));
}

export async function findQuestionsOfRounds(db: Queryable, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select()
    .from(questions)
    .where(inArray(questions.roundId, roundIds))
    .orderBy(asc(questions.position), asc(questions.id));
}

export async function insertQuestionRow(db: Queryable, values: typeof questions.$inferInsert) {
  const [row] = await db.insert(questions).values(values).returning();
  if (!row) throw new Error('insert questions returned no row');
  return row;
}

/** Bulk insert for the exchange import and the demo loader. */
export async function insertQuestions(db: Queryable, rows: (typeof questions.$inferInsert)[]) {
  if (rows.length) await db.insert(questions).values(rows);
}

export async function updateQuestionRow(
  db: Queryable,
  questionId: string,
  values: Partial<typeof questions.$inferInsert>,
) {
  await db.update(questions).set(values).where(eq(questions.id, questionId));
}

export async function deleteQuestionRows(db: Queryable, questionIds: string[]) {
  if (questionIds.length) await db.delete(questions).where(inArray(questions.id, questionIds));
}

export async function findQuestionIdsWithAnswers(db: Queryable, questionIds: string[]): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ questionId: answers.questionId })
    .from(answers)
    .where(inArray(answers.questionId, questionIds));
  return new Set(rows.map((row) => row.questionId));
}

/** The options chosen in answers to the given (choice) questions, by question id. */
export async function findChosenOptions(
  db: Queryable,
  questionIds: string[],
): Promise<Map<string, Set<string>>> {
  const chosen = new Map<string, Set<string>>();
  if (questionIds.length === 0) return chosen;
  const rows = await db
    .selectDistinct({ questionId: answers.questionId, value: answers.value })
    .from(answers)
    .where(and(inArray(answers.questionId, questionIds), isNotNull(answers.value)));
  for (const row of rows) {
    const values = Array.isArray(row.value) ? row.value : typeof row.value === 'string' ? [row.value] : [];
    const set = chosen.get(row.questionId) ?? new Set<string>();
    for (const value of values) set.add(value);
    chosen.set(row.questionId, set);
  }
  return chosen;
}

/** How many submissions (drafts included) and invitations a round has: what deleting it would lose. */
export async function countRoundUse(db: Queryable, roundId: string) {
  const [submitted] = await db
    .select({ n: count() })
    .from(submissions)
    .where(eq(submissions.roundId, roundId));
  const [invited] = await db.select({ n: count() }).from(invitations).where(eq(invitations.roundId, roundId));
  return { submissionCount: submitted?.n ?? 0, invitationCount: invited?.n ?? 0 };
}

export async function deleteRoundRow(db: Queryable, roundId: string) {
  await db.delete(inputRounds).where(eq(inputRounds.id, roundId));
}
