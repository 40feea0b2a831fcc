import { and, eq, inArray, isNotNull, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import {
  actors,
  answers,
  attachments,
  inputRounds,
  invitations,
  jobs,
  outgoingEmails,
  questions,
  segments,
  strategyProcesses,
  submissions,
} from '../db/schema/index.ts';

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

export async function deleteOutgoingEmails(db: Queryable, emailIds: string[]) {
  if (emailIds.length === 0) return;
  await db.delete(outgoingEmails).where(inArray(outgoingEmails.id, emailIds));
}

/** Queued or failed email jobs to the address about the process's rounds (done jobs keep no payload). */
export async function deleteEmailJobsTo(db: Queryable, processId: string, email: string, kind: string) {
  const rows = await db
    .delete(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        sql`lower(trim(${jobs.payload}->>'to')) = ${email.trim().toLowerCase()}`,
        sql`${jobs.payload}->>'roundId' in (select ${inputRounds.id}::text from ${inputRounds} where ${inputRounds.processId} = ${processId})`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

export async function deleteSubmissions(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return;
  await db.delete(submissions).where(inArray(submissions.id, submissionIds));
}

/** Deletes the retired segments (earlier versions of the text) of submissions. */
export async function deleteRetiredSegments(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return;
  await db
    .delete(segments)
    .where(and(inArray(segments.submissionId, submissionIds), isNotNull(segments.retiredAt)));
}

export async function clearSubmitter(db: Queryable, submissionIds: string[], now: Date) {
  if (submissionIds.length === 0) return;
  await db
    .update(submissions)
    .set({ submitterName: null, submitterEmail: null, updatedAt: now })
    .where(inArray(submissions.id, submissionIds));
}

/** Keeps an attachment's extracted text but not its original file or a name that may identify. */
export async function anonymiseAttachment(
  db: Queryable,
  attachmentId: string,
  fileName: string,
  isPending: boolean,
) {
  await db
    .update(attachments)
    .set({
      fileName,
      ...(isPending
        ? {
            extractionStatus: 'failed' as const,
            extractionFailure: 'deleted_on_request' as const,
            extractionError: 'The file was deleted at the respondent’s request.',
          }
        : {}),
    })
    .where(eq(attachments.id, attachmentId));
}

export async function setInvitationEmails(db: Queryable, invitationId: string, emails: string[]) {
  await db.update(invitations).set({ emails }).where(eq(invitations.id, invitationId));
}

export async function setActorContactEmails(db: Queryable, actorId: string, emails: string[]) {
  await db.update(actors).set({ contactEmails: emails }).where(eq(actors.id, actorId));
}

export async function updateProcessRetention(
  db: Queryable,
  processId: string,
  retentionDays: number | null,
  now: Date,
) {
  await db
    .update(strategyProcesses)
    .set({ retentionDays, updatedAt: now })
    .where(eq(strategyProcesses.id, processId));
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

/** Clears submitter name and email on every submission of the process's rounds that still has them. */
export async function clearSubmittersOfProcess(db: Queryable, processId: string, now: Date) {
  const rows = await db
    .update(submissions)
    .set({ submitterName: null, submitterEmail: null, updatedAt: now })
    .where(
      and(
        sql`${submissions.roundId} in (select ${inputRounds.id} from ${inputRounds} where ${inputRounds.processId} = ${processId})`,
        or(isNotNull(submissions.submitterName), isNotNull(submissions.submitterEmail)),
      ),
    )
    .returning({ id: submissions.id });
  return rows.length;
}
