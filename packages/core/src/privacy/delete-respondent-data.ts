import { extname } from 'node:path';
import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { setActorContactEmails } from '../actors/index.ts';
import { deleteOutgoingEmails, sendEmailJobKind } from '../email/index.ts';
import { deleteEmailJobsTo } from '../jobs/index.ts';
import {
  anonymiseAttachment,
  clearSubmitter,
  deleteRetiredSegments,
  deleteSubmissions,
  setInvitationEmails,
} from '../responses/index.ts';
import type { RespondentLocator } from './find-respondent-data.ts';
import { getProcessForPersonalData } from './privacy.policies.ts';
import {
  findActorsWithEmail,
  findAttachmentsOf,
  findInvitationsWithEmail,
  findOutgoingEmailsTo,
  findSubmissionsByEmail,
} from './privacy.repository.ts';
import { removeStoredFiles } from './remove-stored-files.ts';
import { normaliseSubjectEmail, type DeletionSummary } from './respondent-data.ts';

export interface PrivacyDeps {
  db: Database;
  clock: Clock;
  /** `<data folder>/files/`: where attachments' original files are. */
  filesFolder: string;
}

const withoutEmail = (emails: string[], email: string) =>
  emails.filter((entry) => entry.trim().toLowerCase() !== email);

/**
 * Deletes one respondent's personal data from a process (GDPR art. 17), in one transaction:
 *
 * - a **sent submission with publication consent** keeps its anonymised text: submitter name and
 *   email are cleared, answers and attachments' extracted text (and their live segments) stay, the
 *   original files are removed and the file names replaced (both may identify the person); the
 *   retired segments (text the respondent changed or removed, which consent no longer covers) go;
 * - every **other submission** (no consent, drafts, withdrawn) is removed with its answers,
 *   attachments and segments;
 * - the address is removed from invitation and actor contacts, and emails sent or queued to it
 *   are forgotten.
 *
 * Files are removed after the commit. The audit log records counts and submission ids only,
 * never the address or the data.
 */
export async function deleteRespondentData(
  deps: PrivacyDeps,
  actor: Actor,
  locator: RespondentLocator,
): Promise<DeletionSummary> {
  const email = normaliseSubjectEmail(locator.email);
  const { summary, storageKeys } = await deps.db.transaction(async (tx) => {
    const strategyProcess = await getProcessForPersonalData(tx, actor, locator.slug);
    const now = deps.clock.now();
    const found = await findSubmissionsByEmail(tx, strategyProcess.id, email);
    const attachmentRows = await findAttachmentsOf(
      tx,
      found.map((row) => row.submission.id),
    );
    const keep = found.filter(
      (row) => row.submission.status === 'submitted' && row.submission.publicationConsent === true,
    );
    const remove = found.filter((row) => !keep.includes(row));
    const keptIds = new Set(keep.map((row) => row.submission.id));

    await deleteSubmissions(
      tx,
      remove.map((row) => row.submission.id),
    );
    await clearSubmitter(tx, [...keptIds], now);
    await deleteRetiredSegments(tx, [...keptIds]);
    let attachmentsDeleted = 0;
    for (const [index, attachment] of attachmentRows.entries()) {
      if (!keptIds.has(attachment.submissionId)) {
        attachmentsDeleted += 1;
        continue;
      }
      const extension = extname(attachment.fileName)
        .toLowerCase()
        .replace(/[^.a-z0-9]/g, '');
      await anonymiseAttachment(
        tx,
        attachment.id,
        `attachment-${index + 1}${extension}`,
        attachment.extractionStatus === 'pending',
      );
    }
    for (const row of found) {
      await recordAuditEvent(tx, actor, {
        processId: strategyProcess.id,
        action: keptIds.has(row.submission.id)
          ? 'submission.anonymised_on_request'
          : 'submission.deleted_on_request',
        entityType: 'submission',
        entityId: row.submission.id,
        detail: { roundNumber: row.round.number, status: row.submission.status },
      });
    }

    const invitationRows = await findInvitationsWithEmail(tx, strategyProcess.id, email);
    for (const row of invitationRows) {
      await setInvitationEmails(tx, row.invitation.id, withoutEmail(row.invitation.emails, email));
    }
    const actorRows = await findActorsWithEmail(tx, strategyProcess.id, email);
    for (const row of actorRows) {
      await setActorContactEmails(tx, row.id, withoutEmail(row.contactEmails, email));
    }
    const emailRows = await findOutgoingEmailsTo(tx, strategyProcess.id, email);
    await deleteOutgoingEmails(
      tx,
      emailRows.map((row) => row.email.id),
    );
    const jobsDeleted = await deleteEmailJobsTo(tx, strategyProcess.id, email, sendEmailJobKind);

    const result: DeletionSummary = {
      submissionsDeleted: remove.length,
      submissionsAnonymised: keep.length,
      attachmentsDeleted,
      filesRemoved: 0,
      invitationContactsRemoved: invitationRows.length,
      actorContactsRemoved: actorRows.length,
      emailsForgotten: emailRows.length + jobsDeleted,
    };
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'privacy.respondent_deleted',
      entityType: 'process',
      entityId: strategyProcess.id,
      detail: {
        submissionsDeleted: result.submissionsDeleted,
        submissionsAnonymised: result.submissionsAnonymised,
        attachmentsDeleted: result.attachmentsDeleted,
        filesToRemove: attachmentRows.length,
        invitationContactsRemoved: result.invitationContactsRemoved,
        actorContactsRemoved: result.actorContactsRemoved,
        emailsForgotten: result.emailsForgotten,
      },
    });
    return { summary: result, storageKeys: attachmentRows.map((attachment) => attachment.storageKey) };
  });
  return { ...summary, filesRemoved: removeStoredFiles(deps.filesFolder, storageKeys) };
}
