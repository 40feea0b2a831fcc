import { anonymousActor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { canRespondentChange, RoundClosedError, submissionAcceptance } from '../rounds/index.ts';
import type { FileStore } from './file-store.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import { resolveLink } from './resolve-link.ts';
import { deleteAttachmentRow, findAttachmentById, retireAttachmentSegments } from './responses.repository.ts';

/**
 * Removes an attachment from the respondent's response, and then its stored file. The file is
 * deleted only after the transaction that removed the row has committed: a failed transaction
 * keeps both, and a crash in between leaves at most an unreferenced file, never a row without its
 * file. A file that cannot be deleted is reported by the file store, not thrown (the removal
 * itself has happened). The audit event keeps the file's SHA-256, not its content.
 */
export async function removeAttachment(
  deps: RespondentDeps & { fileStore: FileStore },
  token: string,
  attachmentId: string,
) {
  const storageKey = await deps.db.transaction(async (tx) => {
    const { round, submission } = await resolveLink(tx, token);
    const attachment = /^[0-9a-f-]{36}$/i.test(attachmentId)
      ? await findAttachmentById(tx, attachmentId)
      : undefined;
    if (!submission || !attachment || attachment.submissionId !== submission.id) {
      throw new NotFoundError('The attachment');
    }
    const now = deps.clock.now();
    const canChange =
      submission.status === 'draft'
        ? submissionAcceptance(round, now).isAccepted
        : submission.status === 'submitted' && canRespondentChange(round, now);
    if (!canChange) throw new RoundClosedError();
    // Its segments are retired and kept (the row's removal sets their attachment_id to null).
    await retireAttachmentSegments(tx, attachment.id, 'source_removed', now);
    await deleteAttachmentRow(tx, attachment.id);
    await recordAuditEvent(tx, anonymousActor, {
      processId: round.processId,
      action: 'attachment.removed',
      entityType: 'attachment',
      entityId: attachment.id,
      detail: { submissionId: submission.id, sha256: attachment.sha256 },
    });
    return attachment.storageKey;
  });
  deps.fileStore.remove(storageKey);
}
