import type { Database, Transaction } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { createSecretToken, hashSecretToken } from '../shared/tokens.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { enqueueJob } from '../shared/enqueue-job.ts';
import { sendEmailJobKind, type SendEmailPayload } from '../email/index.ts';
import { findActorsByIds } from '../actors/index.ts';
import type { RegisteredActor } from '../actors/index.ts';
import { loadRoundForActor, RoundClosedError, type InputRound, type RoundLocator } from '../rounds/index.ts';
import { invitationEmail } from './response-emails.ts';
import { findInvitationsOfRound, insertInvitation, updateInvitationRow } from './responses.repository.ts';

export interface InvitationDeps {
  db: Database;
  clock: Clock;
  publicUrl: string;
}

export interface IssuedInvitation {
  actorId: string;
  actorName: string;
  /** The secret link, shown once (only its hash is stored). */
  link: string;
  emailedTo: string[];
}

/** Queues the invitation or reminder email for one actor's new link. */
export async function queueInvitationEmails(
  tx: Transaction,
  deps: InvitationDeps,
  round: InputRound,
  registered: RegisteredActor,
  link: string,
  isReminder: boolean,
): Promise<string[]> {
  const message = invitationEmail({
    roundTitle: round.title,
    actorName: registered.name,
    deadline: round.deadline,
    link,
    isReminder,
  });
  for (const to of registered.contactEmails) {
    const payload: SendEmailPayload = {
      to,
      subject: message.subject,
      text: message.text,
      kind: isReminder ? 'reminder' : 'invitation',
      roundId: round.id,
    };
    await enqueueJob(tx, sendEmailJobKind, { ...payload });
  }
  return registered.contactEmails;
}

/**
 * Invites registered actors to a round: one secret link each (hash stored), emailed to the actor's
 * contact addresses by a background job. Actors already invited are skipped. Returns the links once,
 * so the secretariat can pass on those of actors without an email address.
 */
export async function inviteActors(
  deps: InvitationDeps,
  actor: Actor,
  locator: RoundLocator,
  actorIds: string[],
) {
  const { round, strategyProcess } = await loadRoundForActor(deps.db, actor, locator, true);
  if (round.status === 'closed' || round.deadline <= deps.clock.now()) {
    throw new RoundClosedError('The round is closed; invitations can no longer be sent.');
  }
  if (actorIds.length === 0) {
    throw new ValidationError('Choose at least one actor to invite.', { actorIds: 'Required.' });
  }
  return deps.db.transaction(async (tx) => {
    const registered = await findActorsByIds(tx, strategyProcess.id, [...new Set(actorIds)]);
    if (registered.length !== new Set(actorIds).size) {
      throw new ValidationError('Some actors are not in this process’s registry.');
    }
    const alreadyInvited = new Set((await findInvitationsOfRound(tx, round.id)).map((row) => row.actor.id));
    const issued: IssuedInvitation[] = [];
    for (const invited of registered) {
      if (alreadyInvited.has(invited.id)) continue;
      const token = createSecretToken();
      const link = `${deps.publicUrl}/i/${token}`;
      const invitation = await insertInvitation(tx, {
        roundId: round.id,
        actorId: invited.id,
        tokenHash: hashSecretToken(token),
        emails: invited.contactEmails,
        sentAt: invited.contactEmails.length ? deps.clock.now() : null,
      });
      const emailedTo = await queueInvitationEmails(tx, deps, round, invited, link, false);
      issued.push({ actorId: invited.id, actorName: invited.name, link, emailedTo });
      await recordAuditEvent(tx, actor, {
        processId: strategyProcess.id,
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: invitation.id,
        detail: { roundNumber: round.number, actorId: invited.id, emailCount: emailedTo.length },
      });
    }
    return { round, issued, skipped: registered.length - issued.length };
  });
}

/** Issues a fresh link for one invitation (the old one stops working); the draft stays attached. */
export async function rotateInvitationLink(tx: Transaction, deps: InvitationDeps, invitationId: string) {
  const token = createSecretToken();
  await updateInvitationRow(tx, invitationId, { tokenHash: hashSecretToken(token) });
  return `${deps.publicUrl}/i/${token}`;
}
