import { anonymousActor } from '../shared/actor.ts';
import { ConflictError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { canRespondentChange, RoundClosedError, submissionAcceptance } from '../rounds/index.ts';
import { checkDocument, storeAttachment, type StorageDeps, type UploadedFile } from './attachments.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import { resolveLink } from './resolve-link.ts';
import { SubmissionWithdrawnError } from './responses.errors.ts';
import { findAttachmentsOfSubmission, insertSubmission, lockSubmission } from './responses.repository.ts';

export const maxAttachmentsPerSubmission = 10;

/** Attaches a PDF, DOCX, ODT or TXT file to the respondent's response (draft, or sent before the deadline). */
export async function addAttachment(deps: RespondentDeps & StorageDeps, token: string, file: UploadedFile) {
  const type = await checkDocument(file, deps);
  return deps.db.transaction(async (tx) => {
    const { round, invitation, submission: existing } = await resolveLink(tx, token);
    const now = deps.clock.now();
    const submission =
      existing ??
      (await insertSubmission(tx, {
        roundId: round.id,
        actorId: invitation?.actorId ?? null,
        invitationId: invitation?.id ?? null,
        source: 'web',
      }));
    const locked = (await lockSubmission(tx, submission.id)) ?? submission;
    if (locked.status === 'withdrawn') throw new SubmissionWithdrawnError();
    const canChange =
      locked.status === 'draft'
        ? submissionAcceptance(round, now).isAccepted
        : canRespondentChange(round, now);
    if (!canChange) throw new RoundClosedError();
    if ((await findAttachmentsOfSubmission(tx, locked.id)).length >= maxAttachmentsPerSubmission) {
      throw new ConflictError(
        'too_many_attachments',
        `At most ${maxAttachmentsPerSubmission} files can be attached.`,
      );
    }
    const attachment = await storeAttachment(tx, deps, locked.id, file, type);
    await recordAuditEvent(tx, anonymousActor, {
      processId: round.processId,
      action: 'attachment.added',
      entityType: 'attachment',
      entityId: attachment.id,
      detail: { submissionId: locked.id, byteSize: attachment.byteSize, mediaType: attachment.mediaType },
    });
    return attachment;
  });
}
