import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { findActorById } from '../actors/index.ts';
import { loadRoundForActor, type RoundLocator } from '../rounds/index.ts';
import { findSubmissionById, updateSubmissionRow } from './responses.repository.ts';

/**
 * Manual matching: links a submission (typically an imported letter or row whose organisation was
 * not recognised) to a registered actor of the process, or unlinks it with `actorId: null` (to undo
 * a wrong match). The participation overview counts it for that actor from then on. Each change is
 * audited (`submission.matched` / `submission.unmatched`, with the previous actor); asking for the
 * link the submission already has changes nothing. Secretariat and owners only.
 */
export async function matchSubmissionActor(
  db: Database,
  actor: Actor,
  locator: RoundLocator,
  submissionId: string,
  actorId: string | null,
) {
  return db.transaction(async (tx) => {
    const { round, strategyProcess } = await loadRoundForActor(tx, actor, locator, true);
    const submission = /^[0-9a-f-]{36}$/i.test(submissionId)
      ? await findSubmissionById(tx, submissionId)
      : undefined;
    if (!submission || submission.roundId !== round.id || submission.status === 'draft') {
      throw new NotFoundError('The submission');
    }
    const registered =
      actorId === null
        ? undefined
        : /^[0-9a-f-]{36}$/i.test(actorId)
          ? await findActorById(tx, strategyProcess.id, actorId)
          : undefined;
    if (actorId !== null && !registered) throw new NotFoundError('The actor');
    if (submission.actorId === (registered?.id ?? null)) return { submission, actor: registered };
    // The name the letter or row gave stays as the organisation name, so unlinking loses nothing.
    // A submission without one (matched automatically by an older import) keeps the name of the
    // actor it is unlinked from, so it still shows whom it was taken to be and can be matched again.
    const previous =
      registered === undefined && submission.actorId !== null && submission.organisationName === null
        ? await findActorById(tx, strategyProcess.id, submission.actorId)
        : undefined;
    const updated = await updateSubmissionRow(tx, submission.id, {
      actorId: registered?.id ?? null,
      ...(previous ? { organisationName: previous.name } : {}),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: registered ? 'submission.matched' : 'submission.unmatched',
      entityType: 'submission',
      entityId: submission.id,
      detail: {
        roundNumber: round.number,
        actorId: registered?.id ?? null,
        previousActorId: submission.actorId,
      },
    });
    return { submission: updated, actor: registered };
  });
}
