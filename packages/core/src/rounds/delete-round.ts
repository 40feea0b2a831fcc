import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ConflictError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { loadRoundForActor, type RoundLocator } from './load-round-for-actor.ts';
import { countRoundUse, deleteRoundRow } from './rounds.repository.ts';

/**
 * Deletes a round made by mistake: only a draft with no responses (drafts included) and no
 * invitations, so no answer, sent link or record is lost. Anything else is refused with 409
 * `round_in_use` saying why; a round that has been used stays, as the process's record.
 */
export async function deleteRound(db: Database, actor: Actor, locator: RoundLocator) {
  return db.transaction(async (tx) => {
    const { round, strategyProcess } = await loadRoundForActor(tx, actor, locator, true);
    if (round.status !== 'draft') {
      throw new ConflictError(
        'round_in_use',
        `Round ${round.number} is ${round.status}: only a draft round can be deleted. Put it back to draft first if it has no answers.`,
      );
    }
    const use = await countRoundUse(tx, round.id);
    if (use.submissionCount > 0 || use.invitationCount > 0) {
      throw new ConflictError(
        'round_in_use',
        `Round ${round.number} has ${use.submissionCount} response(s) and ${use.invitationCount} invitation(s), so it cannot be deleted.`,
      );
    }
    await deleteRoundRow(tx, round.id);
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'round.deleted',
      entityType: 'input_round',
      entityId: round.id,
      detail: {
        before: { number: round.number, title: round.title, deadline: round.deadline.toISOString() },
      },
    });
  });
}
