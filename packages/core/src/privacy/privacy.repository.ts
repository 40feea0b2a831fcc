import { and, eq, inArray, isNotNull, sql, type AnyColumn } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import {
  actors,
  answers,
  attachments,
  inputRounds,
  invitations,
  outgoingEmails,
  questions,
  strategyProcesses,
  submissions,
} from '../db/schema/index.ts';

/*
 * Privacy's reads: finding one respondent's data across the tables of other modules. Privacy
 * writes nothing here; its deletions and the retention sweep call the owners' repositories
 * (responses, actors, processes, jobs, email) through their index.
 */

/** Emails are matched without regard to case or surrounding spaces. */
const sameEmail = (column: AnyColumn, email: string) =>
  sql`lower(trim(${column})) = ${email.trim().toLowerCase()}`;

/** Submissions in a process whose submitter email is the given one, with their round. */
export async function findSubmissionsByEmail(db: Queryable, processId: string, email: string) {
  return db
    .select({
      submission: submissions,
      round: { id: inputRounds.id, number: inputRounds.number, title: inputRounds.title },
    })
    .from(submissions)
    .innerJoin(inputRounds, eq(inputRounds.id, submissions.roundId))
    .where(and(eq(inputRounds.processId, processId), sameEmail(submissions.submitterEmail, email)))
    .orderBy(inputRounds.number, submissions.createdAt, submissions.id);
}

/** Answers of the given submissions with their question text. */
export async function findAnswersWithQuestions(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select({
      answer: answers,
      questionText: questions.text,
      questionKind: questions.kind,
      position: questions.position,
    })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(inArray(answers.submissionId, submissionIds))
    .orderBy(questions.position, questions.id);
}

export async function findAttachmentsOf(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(inArray(attachments.submissionId, submissionIds))
    .orderBy(attachments.createdAt, attachments.id);
}

/** Invitations of the process's rounds that list the email as a contact. */
export async function findInvitationsWithEmail(db: Queryable, processId: string, email: string) {
  return db
    .select({ invitation: invitations, roundNumber: inputRounds.number, actorName: actors.name })
    .from(invitations)
    .innerJoin(inputRounds, eq(inputRounds.id, invitations.roundId))
    .innerJoin(actors, eq(actors.id, invitations.actorId))
    .where(
      and(
        eq(inputRounds.processId, processId),
        sql`exists (select 1 from jsonb_array_elements_text(${invitations.emails}) as contact where lower(trim(contact)) = ${email.trim().toLowerCase()})`,
      ),
    );
}

/** Actors (organisations) of the process that list the email as a contact. */
export async function findActorsWithEmail(db: Queryable, processId: string, email: string) {
  return db
    .select()
    .from(actors)
    .where(
      and(
        eq(actors.processId, processId),
        sql`exists (select 1 from jsonb_array_elements_text(${actors.contactEmails}) as contact where lower(trim(contact)) = ${email.trim().toLowerCase()})`,
      ),
    );
}

/** Emails the app sent to the address about the process's rounds. */
export async function findOutgoingEmailsTo(db: Queryable, processId: string, email: string) {
  return db
    .select({ email: outgoingEmails, roundNumber: inputRounds.number })
    .from(outgoingEmails)
    .innerJoin(inputRounds, eq(inputRounds.id, outgoingEmails.roundId))
    .where(and(eq(inputRounds.processId, processId), sameEmail(outgoingEmails.recipient, email)))
    .orderBy(outgoingEmails.sentAt, outgoingEmails.id);
}

/** Processes with a retention period, and their rounds (to tell when their input closed). */
export async function findProcessesWithRetention(db: Queryable) {
  const processRows = await db
    .select({
      id: strategyProcesses.id,
      status: strategyProcesses.status,
      retentionDays: strategyProcesses.retentionDays,
    })
    .from(strategyProcesses)
    .where(isNotNull(strategyProcesses.retentionDays));
  if (processRows.length === 0) return [];
  const roundRows = await db
    .select()
    .from(inputRounds)
    .where(
      inArray(
        inputRounds.processId,
        processRows.map((row) => row.id),
      ),
    );
  return processRows.map((row) => ({
    ...row,
    rounds: roundRows.filter((round) => round.processId === row.id),
  }));
}
