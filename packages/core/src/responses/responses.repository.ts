import { and, asc, count, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import {
  actors,
  answers,
  attachments,
  inputRounds,
  invitations,
  segments,
  submissions,
} from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';
import type { SegmentLanguage } from '@innspill/vocabulary';

export type SubmissionRow = typeof submissions.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function findSubmissionByAccessTokenHash(db: Queryable, tokenHash: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.accessTokenHash, tokenHash));
  return row;
}

export async function findInvitationByTokenHash(db: Queryable, tokenHash: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function findSubmissionOfInvitation(db: Queryable, invitationId: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.invitationId, invitationId));
  return row;
}

export async function findSubmissionById(db: Queryable, submissionId: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  return row;
}

/** Locks the submission row for the rest of the transaction (a double-clicked submit waits here). */
export async function lockSubmission(db: Queryable, submissionId: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, submissionId)).for('update');
  return row;
}

/** Reads and locks a public response's row by its edit-link hash (one round trip). */
export async function lockSubmissionByAccessTokenHash(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(eq(submissions.accessTokenHash, tokenHash))
    .for('update');
  return row;
}

/**
 * Reads and locks the submissions behind several edit-link hashes (a batch of submits), in id
 * order so that two lockers never wait on each other crosswise.
 */
export async function lockSubmissionsByAccessTokenHashes(db: Queryable, tokenHashes: string[]) {
  if (tokenHashes.length === 0) return [];
  return db
    .select()
    .from(submissions)
    .where(inArray(submissions.accessTokenHash, tokenHashes))
    .orderBy(asc(submissions.id))
    .for('update');
}

/**
 * Writes what a submit changes (status, receipt, who answered, consent) for several submissions in
 * one statement (the rows as one JSON parameter). Each row is the submission as it is to be stored.
 */
export async function updateSubmittedRows(db: Queryable, rows: SubmissionRow[]) {
  if (rows.length === 0) return;
  const values = rows.map((row) => ({
    id: row.id,
    status: row.status,
    submitter_name: row.submitterName,
    submitter_email: row.submitterEmail,
    organisation_name: row.organisationName,
    declared_actor_type: row.declaredActorType,
    publication_consent: row.publicationConsent,
    submitted_at: row.submittedAt?.toISOString() ?? null,
    is_late: row.isLate,
    receipt_code: row.receiptCode,
    updated_at: row.updatedAt.toISOString(),
  }));
  await db.execute(sql`
    update submissions as s set
      status = v.status, submitter_name = v.submitter_name, submitter_email = v.submitter_email,
      organisation_name = v.organisation_name, declared_actor_type = v.declared_actor_type,
      publication_consent = v.publication_consent, submitted_at = v.submitted_at, is_late = v.is_late,
      receipt_code = v.receipt_code, updated_at = v.updated_at
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, status text, submitter_name text,
      submitter_email text, organisation_name text, declared_actor_type text, publication_consent boolean,
      submitted_at timestamptz, is_late boolean, receipt_code text, updated_at timestamptz)
    where s.id = v.id`);
}

/**
 * Writes answers of several submissions (insert or replace per question) in one statement, the rows
 * as one JSON parameter, and returns the written rows.
 */
export async function upsertAnswersOfSubmissions(
  db: Queryable,
  rows: { submissionId: string; questionId: string; text: string | null; value: AnswerRow['value'] }[],
): Promise<AnswerRow[]> {
  if (rows.length === 0) return [];
  const values = rows.map((row) => ({
    submission_id: row.submissionId,
    question_id: row.questionId,
    text: row.text,
    value: row.value,
  }));
  const result = await db.execute(sql`
    insert into answers (submission_id, question_id, text, value)
    select r.submission_id, r.question_id, r.text, r.value
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as r(submission_id uuid, question_id uuid, text text, value jsonb)
    on conflict (submission_id, question_id) do update set text = excluded.text, value = excluded.value
    returning id, submission_id, question_id, text, value`);
  const written = (result as unknown as { rows: RawAnswerRow[] }).rows;
  return written.map((row) => ({
    id: row.id,
    submissionId: row.submission_id,
    questionId: row.question_id,
    text: row.text,
    value: row.value,
  }));
}

interface RawAnswerRow {
  id: string;
  submission_id: string;
  question_id: string;
  text: string | null;
  value: AnswerRow['value'];
}

export async function findSubmissionByIdempotencyKey(db: Queryable, roundId: string, idempotencyKey: string) {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.roundId, roundId), eq(submissions.idempotencyKey, idempotencyKey)));
  return row;
}

export async function insertSubmission(db: Queryable, values: typeof submissions.$inferInsert) {
  const [row] = await db.insert(submissions).values(values).returning();
  if (!row) throw new Error('insert submissions returned no row');
  return row;
}

export async function updateSubmissionRow(
  db: Queryable,
  submissionId: string,
  values: Partial<typeof submissions.$inferInsert>,
) {
  const [row] = await db
    .update(submissions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(submissions.id, submissionId))
    .returning();
  if (!row) throw new Error('update submissions returned no row');
  return row;
}

export async function findAnswersOfSubmission(db: Queryable, submissionId: string) {
  return db.select().from(answers).where(eq(answers.submissionId, submissionId));
}

export async function findAnswersOfSubmissions(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db.select().from(answers).where(inArray(answers.submissionId, submissionIds));
}

/** Writes the given answers (insert or replace per question); other questions' answers stay. */
export async function upsertAnswers(
  db: Queryable,
  submissionId: string,
  rows: { questionId: string; text: string | null; value: AnswerRow['value'] }[],
) {
  return upsertAnswersOfSubmissions(
    db,
    rows.map((row) => ({ ...row, submissionId })),
  );
}

export async function findAttachmentsOfSubmission(db: Queryable, submissionId: string) {
  return db
    .select()
    .from(attachments)
    .where(eq(attachments.submissionId, submissionId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function findAttachmentsOfSubmissions(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(inArray(attachments.submissionId, submissionIds))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function findAttachmentById(db: Queryable, attachmentId: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, attachmentId));
  return row;
}

export async function insertAttachment(db: Queryable, values: typeof attachments.$inferInsert) {
  const [row] = await db.insert(attachments).values(values).returning();
  if (!row) throw new Error('insert attachments returned no row');
  return row;
}

export async function updateAttachmentRow(
  db: Queryable,
  attachmentId: string,
  values: Partial<typeof attachments.$inferInsert>,
) {
  await db.update(attachments).set(values).where(eq(attachments.id, attachmentId));
}

export async function deleteAttachmentRow(db: Queryable, attachmentId: string) {
  await db.delete(attachments).where(eq(attachments.id, attachmentId));
}

export interface NewSegment {
  /** Given when other rows must point at the new segment in the same transaction. */
  id?: string;
  submissionId: string;
  answerId: string | null;
  attachmentId: string | null;
  position: number;
  text: string;
  language: SegmentLanguage;
  searchConfig: 'norwegian' | 'english';
}

export type SegmentRetiredReason = NonNullable<typeof segments.$inferSelect.retiredReason>;

/**
 * Inserts segments, computing each full-text vector in SQL with the segment's own configuration.
 * The rows travel as one JSON parameter (not eight bind parameters per row), which keeps a batch of
 * hundreds of segments one short statement for the driver, the query builder and the parser.
 */
export async function insertSegments(db: Queryable, rows: NewSegment[]) {
  for (let start = 0; start < rows.length; start += 2000) {
    const batch = rows.slice(start, start + 2000).map((row) => ({
      id: row.id ?? null,
      submission_id: row.submissionId,
      answer_id: row.answerId,
      attachment_id: row.attachmentId,
      position: row.position,
      text: row.text,
      language: row.language,
      search_config: row.searchConfig,
    }));
    await db.execute(sql`
      insert into segments (id, submission_id, answer_id, attachment_id, position, text, language, search_config, search_vector)
      select coalesce(r.id, gen_random_uuid()), r.submission_id, r.answer_id, r.attachment_id, r.position, r.text,
        r.language, r.search_config, to_tsvector(r.search_config::regconfig, r.text)
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(id uuid, submission_id uuid, answer_id uuid,
        attachment_id uuid, position integer, text text, language text, search_config text)`);
  }
}

const liveSegmentColumns = {
  id: segments.id,
  answerId: segments.answerId,
  attachmentId: segments.attachmentId,
  position: segments.position,
  text: segments.text,
};

export type LiveSegmentRow = {
  id: string;
  answerId: string | null;
  attachmentId: string | null;
  position: number;
  text: string;
};

/** The live segments of a submission's answers, in position order per answer. */
export async function findLiveAnswerSegments(db: Queryable, submissionId: string): Promise<LiveSegmentRow[]> {
  return db
    .select(liveSegmentColumns)
    .from(segments)
    .where(
      and(eq(segments.submissionId, submissionId), isNotNull(segments.answerId), isNull(segments.retiredAt)),
    )
    .orderBy(asc(segments.answerId), asc(segments.position), asc(segments.createdAt), asc(segments.id));
}

/** The live segments of one attachment, in position order. */
export async function findLiveAttachmentSegments(
  db: Queryable,
  attachmentId: string,
): Promise<LiveSegmentRow[]> {
  return db
    .select(liveSegmentColumns)
    .from(segments)
    .where(and(eq(segments.attachmentId, attachmentId), isNull(segments.retiredAt)))
    .orderBy(asc(segments.position), asc(segments.createdAt), asc(segments.id));
}

/** Moves kept segments to their new positions (one statement). */
export async function updateSegmentPositions(db: Queryable, rows: { id: string; position: number }[]) {
  if (rows.length === 0) return;
  await db.execute(sql`
    update segments as s set position = v.position
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, position integer)
    where s.id = v.id`);
}

/** Retires segments (kept, out of counts and search), each with its reason (one statement). */
export async function retireSegments(
  db: Queryable,
  rows: { id: string; reason: SegmentRetiredReason; replacedBySegmentId: string | null }[],
  at: Date,
) {
  if (rows.length === 0) return;
  const values = rows.map((row) => ({
    id: row.id,
    reason: row.reason,
    replaced_by: row.replacedBySegmentId,
  }));
  await db.execute(sql`
    update segments as s set retired_at = ${at.toISOString()}::timestamptz, retired_reason = v.reason,
      replaced_by_segment_id = v.replaced_by
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, reason text, replaced_by uuid)
    where s.id = v.id and s.retired_at is null`);
}

/** Retires every live answer segment of a submission (a withdrawn response). */
export async function retireAnswerSegmentsOfSubmission(
  db: Queryable,
  submissionId: string,
  reason: SegmentRetiredReason,
  at: Date,
) {
  await db
    .update(segments)
    .set({ retiredAt: at, retiredReason: reason })
    .where(
      and(eq(segments.submissionId, submissionId), isNotNull(segments.answerId), isNull(segments.retiredAt)),
    );
}

/** Retires every live segment of an attachment (before the attachment row is removed). */
export async function retireAttachmentSegments(
  db: Queryable,
  attachmentId: string,
  reason: SegmentRetiredReason,
  at: Date,
) {
  await db
    .update(segments)
    .set({ retiredAt: at, retiredReason: reason })
    .where(and(eq(segments.attachmentId, attachmentId), isNull(segments.retiredAt)));
}

/** The live segments of submissions (retired ones are history, not input). */
export async function findSegmentsOfSubmissions(db: Queryable, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return db
    .select({
      id: segments.id,
      submissionId: segments.submissionId,
      answerId: segments.answerId,
      attachmentId: segments.attachmentId,
      position: segments.position,
      text: segments.text,
      language: segments.language,
    })
    .from(segments)
    .where(and(inArray(segments.submissionId, submissionIds), isNull(segments.retiredAt)))
    .orderBy(asc(segments.submissionId), asc(segments.attachmentId), asc(segments.position));
}

/**
 * Full-text search over the live segments of a round's sent responses (used by tests and later by
 * the analysis pages); drafts, withdrawn responses and retired segments are not input.
 */
export async function searchSegments(
  db: Queryable,
  roundId: string,
  query: string,
  config: 'norwegian' | 'english',
) {
  return db
    .select({ id: segments.id, text: segments.text, submissionId: segments.submissionId })
    .from(segments)
    .innerJoin(submissions, eq(submissions.id, segments.submissionId))
    .where(
      and(
        eq(submissions.roundId, roundId),
        eq(submissions.status, 'submitted'),
        isNull(segments.retiredAt),
        sql`${segments.searchVector} @@ plainto_tsquery(${config}::regconfig, ${query})`,
      ),
    );
}

/** Every submission of a round that is not a bare draft, with its actor when registered. */
export async function findSubmissionsOfRound(
  db: Queryable,
  roundId: string,
  options: { includeDrafts?: boolean } = {},
) {
  return db
    .select({ submission: submissions, actor: actors })
    .from(submissions)
    .leftJoin(actors, eq(actors.id, submissions.actorId))
    .where(
      and(
        eq(submissions.roundId, roundId),
        options.includeDrafts ? undefined : ne(submissions.status, 'draft'),
      ),
    )
    .orderBy(asc(submissions.submittedAt), asc(submissions.createdAt), asc(submissions.id));
}

export async function findInvitationsOfRound(db: Queryable, roundId: string) {
  return db
    .select({ invitation: invitations, actor: actors })
    .from(invitations)
    .innerJoin(actors, eq(actors.id, invitations.actorId))
    .where(eq(invitations.roundId, roundId))
    .orderBy(asc(actors.name), asc(invitations.id));
}

export async function insertInvitation(db: Queryable, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error('insert invitations returned no row');
  return row;
}

export async function updateInvitationRow(
  db: Queryable,
  invitationId: string,
  values: Partial<typeof invitations.$inferInsert>,
) {
  await db.update(invitations).set(values).where(eq(invitations.id, invitationId));
}

export async function countSubmittedOfRound(db: Queryable, roundId: string) {
  const [row] = await db
    .select({ value: count() })
    .from(submissions)
    .where(and(eq(submissions.roundId, roundId), eq(submissions.status, 'submitted')));
  return row?.value ?? 0;
}

export async function findProcessActors(db: Queryable, processId: string) {
  return db.select().from(actors).where(eq(actors.processId, processId));
}

export async function findRoundAttachmentBySha(db: Queryable, roundId: string, sha256: string) {
  const [row] = await db
    .select({ id: attachments.id, fileName: attachments.fileName })
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(and(eq(submissions.roundId, roundId), eq(attachments.sha256, sha256)));
  return row;
}

// Writes `privacy` makes when it deletes a respondent's data or runs the retention sweep.

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
