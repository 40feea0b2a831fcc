import { anonymousActor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { canRespondentChange, RoundClosedError, submissionAcceptance } from '../rounds/index.ts';
import { resolveLink, type RespondentDeps } from './respondent-helpers.ts';
import { deleteAttachmentRow, findAttachmentById } from './responses.repository.ts';

/** Removes an attachment from the respondent's response (the stored file is kept for the audit trail). */
export async function removeAttachment(deps: RespondentDeps, token: string, attachmentId: string) {
  await deps.db.transaction(async (tx) => {
    const { round, submission } = await resolveLink(tx, token);
    const attachment = /^[0-9a-f-]{36}$/i.test(attachmentId)
      ? await findAttachmentById(tx, attachmentId)
      : undefined;
    if (!submission || !attachment || attachment.submissionId !== submission.id)
      {throw new NotFoundError('The attachment');}
    const now = deps.clock.now();
    const canChange =
      submission.status === 'draft'
        ? submissionAcceptance(round, now).isAccepted
        : submission.status === 'submitted' && canRespondentChange(round, now);
    if (!canChange) throw new RoundClosedError();
    await deleteAttachmentRow(tx, attachment.id);
    await recordAuditEvent(tx, anonymousActor, {
      processId: round.processId,
      action: 'attachment.removed',
      entityType: 'attachment',
      entityId: attachment.id,
      detail: { submissionId: submission.id, sha256: attachment.sha256 },
    });
  });
}
