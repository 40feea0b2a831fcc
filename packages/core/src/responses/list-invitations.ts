import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { findOutgoingEmailsOfRound } from '../email/index.ts';
import { loadRoundForActor, type RoundLocator } from '../rounds/index.ts';
import { findInvitationsOfRound } from './responses.repository.ts';

/** Invitations of a round and the emails sent (or written to the outbox folder) for it. */
export async function listInvitations(db: Queryable, actor: Actor, locator: RoundLocator) {
  const { round } = await loadRoundForActor(db, actor, locator, true);
  return {
    invitations: await findInvitationsOfRound(db, round.id),
    emails: await findOutgoingEmailsOfRound(db, round.id),
  };
}
