import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { getProcessForPersonalData } from './privacy.policies.ts';
import {
  findActorsWithEmail,
  findAnswersWithQuestions,
  findAttachmentsOf,
  findInvitationsWithEmail,
  findOutgoingEmailsTo,
  findSubmissionsByEmail,
} from './privacy.repository.ts';
import { normaliseSubjectEmail, type RespondentData } from './respondent-data.ts';

export interface RespondentLocator {
  slug: string;
  email: string;
}

/**
 * Finds everything a process holds about one respondent by their email address: their
 * submissions (any status) with answers and attachments, invitations and registry entries that
 * list the address as a contact, and emails sent to it. For the secretariat, owners and admins.
 */
export async function findRespondentData(
  db: Queryable,
  actor: Actor,
  locator: RespondentLocator,
): Promise<RespondentData> {
  const email = normaliseSubjectEmail(locator.email);
  const strategyProcess = await getProcessForPersonalData(db, actor, locator.slug);
  return collectRespondentData(
    db,
    { id: strategyProcess.id, slug: strategyProcess.slug, title: strategyProcess.title },
    email,
  );
}

/** Reads the respondent's data in a process already authorised (used by find, export and delete). */
export async function collectRespondentData(
  db: Queryable,
  strategyProcess: { id: string; slug: string; title: string },
  email: string,
): Promise<RespondentData> {
  const found = await findSubmissionsByEmail(db, strategyProcess.id, email);
  const submissionIds = found.map((row) => row.submission.id);
  const answerRows = await findAnswersWithQuestions(db, submissionIds);
  const attachmentRows = await findAttachmentsOf(db, submissionIds);
  const invitationRows = await findInvitationsWithEmail(db, strategyProcess.id, email);
  const actorRows = await findActorsWithEmail(db, strategyProcess.id, email);
  const emailRows = await findOutgoingEmailsTo(db, strategyProcess.id, email);
  return {
    process: { slug: strategyProcess.slug, title: strategyProcess.title },
    email,
    submissions: found.map(({ submission, round }) => ({
      id: submission.id,
      roundNumber: round.number,
      roundTitle: round.title,
      status: submission.status,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      receiptCode: submission.receiptCode,
      source: submission.source,
      submitterName: submission.submitterName,
      submitterEmail: submission.submitterEmail,
      organisationName: submission.organisationName,
      publicationConsent: submission.publicationConsent,
      answers: answerRows
        .filter((row) => row.answer.submissionId === submission.id)
        .map((row) => ({
          questionId: row.answer.questionId,
          question: row.questionText,
          text: row.answer.text,
          value: row.answer.value,
        })),
      attachments: attachmentRows
        .filter((attachment) => attachment.submissionId === submission.id)
        .map((attachment) => ({
          id: attachment.id,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          byteSize: attachment.byteSize,
          sha256: attachment.sha256,
          extractionStatus: attachment.extractionStatus,
          extractedText: attachment.extractedText,
        })),
    })),
    invitationContacts: invitationRows.map((row) => ({
      invitationId: row.invitation.id,
      roundNumber: row.roundNumber,
      actorName: row.actorName,
      sentAt: row.invitation.sentAt?.toISOString() ?? null,
    })),
    actorContacts: actorRows.map((row) => ({ actorId: row.id, actorName: row.name })),
    emailsSent: emailRows.map((row) => ({
      id: row.email.id,
      roundNumber: row.roundNumber,
      kind: row.email.kind,
      subject: row.email.subject,
      sentAt: row.email.sentAt.toISOString(),
    })),
  };
}
