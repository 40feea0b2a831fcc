import type { Actor } from '../shared/actor.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import {
  effectiveRoundStatus,
  loadRoundForActor,
  type InputRound,
  type RoundLocator,
} from '../rounds/index.ts';
import { queueInvitationEmails, rotateInvitationLink, type InvitationDeps } from './invite-actors.ts';
import {
  findInvitationsOfRound,
  findSubmissionsOfRound,
  updateInvitationRow,
} from './responses.repository.ts';
import { findRoundsDueForReminders } from './reminders.repository.ts';

/**
 * Sends one reminder to each invited actor of a round who has not submitted and has not been
 * reminded yet. Because only link hashes are stored, each reminder carries a fresh link that
 * replaces the earlier one (a saved draft is kept). Returns how many actors were reminded.
 */
export async function remindNonResponders(
  deps: InvitationDeps,
  actor: Actor,
  round: InputRound,
): Promise<number> {
  if (effectiveRoundStatus(round, deps.clock.now()) !== 'open') return 0;
  return deps.db.transaction(async (tx) => {
    const submittedActorIds = new Set(
      (await findSubmissionsOfRound(tx, round.id))
        .filter((row) => row.submission.status === 'submitted' && row.submission.actorId)
        .map((row) => row.submission.actorId),
    );
    let reminded = 0;
    for (const { invitation, actor: invited } of await findInvitationsOfRound(tx, round.id)) {
      if (submittedActorIds.has(invited.id) || invitation.remindedAt || invited.contactEmails.length === 0) {
        continue;
      }
      const link = await rotateInvitationLink(tx, deps, invitation.id);
      await queueInvitationEmails(tx, deps, round, invited, link, true);
      await updateInvitationRow(tx, invitation.id, { remindedAt: deps.clock.now() });
      reminded += 1;
    }
    if (reminded > 0) {
      await recordAuditEvent(tx, actor, {
        processId: round.processId,
        action: 'invitation.reminders_sent',
        entityType: 'input_round',
        entityId: round.id,
        detail: { count: reminded },
      });
    }
    return reminded;
  });
}

/** The secretariat's "send reminders now" for one round. */
export async function sendReminders(deps: InvitationDeps, actor: Actor, locator: RoundLocator) {
  const { round } = await loadRoundForActor(deps.db, actor, locator, true);
  return remindNonResponders(deps, actor, round);
}

/**
 * The periodic sweep: every open round with `reminderDaysBefore` set whose reminder time has come.
 * Run by the server every few minutes as the system actor.
 */
export async function sendDueReminders(deps: InvitationDeps, actor: Actor): Promise<number> {
  let total = 0;
  for (const round of await findRoundsDueForReminders(deps.db, deps.clock.now())) {
    total += await remindNonResponders(deps, actor, round);
  }
  return total;
}
