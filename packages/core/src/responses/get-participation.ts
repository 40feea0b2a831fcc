import type { SubmissionSource } from '@innspill/vocabulary';
import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { actorTypes, type ActorType } from '../actors/index.ts';
import { loadRoundForActor, type RoundLocator } from '../rounds/index.ts';
import { osloIsoDateTime } from '../shared/oslo-time.ts';
import { toCsv } from './csv-writer.ts';
import { findInvitationsOfRound, findSubmissionsOfRound } from './responses.repository.ts';

export interface ParticipantRow {
  name: string;
  actorType: ActorType;
  organisationNumber: string | null;
  isInvited: boolean;
  submittedAt: Date | null;
  isLate: boolean;
  source: SubmissionSource;
}

/**
 * Who took part in a round: invited vs answered, by actor type, late answers, and the list of
 * organisations that answered (the source's "Aktører som deltok i innspillsrunde 1 / 2" slide).
 * Withdrawn and draft responses do not count. Private respondents appear by name only to those
 * who may see personal data (the secretariat and owners); other members see "(anonymous)".
 */
export async function getParticipation(db: Queryable, actor: Actor, locator: RoundLocator) {
  const { round, canManage } = await loadRoundForActor(db, actor, locator, false);
  const invitations = await findInvitationsOfRound(db, round.id);
  const submitted = (await findSubmissionsOfRound(db, round.id)).filter(
    (row) => row.submission.status === 'submitted',
  );
  const answeredActorIds = new Set(
    submitted.flatMap((row) => (row.submission.actorId ? [row.submission.actorId] : [])),
  );
  const invitedActorIds = new Set(invitations.map((row) => row.actor.id));
  const participants: ParticipantRow[] = submitted.map(({ submission, actor: registered }) => ({
    // A private respondent's name is personal data: only the secretariat sees it (docs/security.md).
    name:
      registered?.name ??
      submission.organisationName ??
      (canManage ? submission.submitterName : null) ??
      '(anonymous)',
    actorType: registered?.type ?? submission.declaredActorType ?? 'annet',
    organisationNumber: registered?.organisationNumber ?? null,
    isInvited: registered ? invitedActorIds.has(registered.id) : false,
    submittedAt: submission.submittedAt,
    isLate: submission.isLate,
    source: submission.source,
  }));
  participants.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const byType = actorTypes
    .map((type) => ({
      actorType: type,
      invited: invitations.filter((row) => row.actor.type === type).length,
      answered: participants.filter((row) => row.actorType === type).length,
    }))
    .filter((row) => row.invited > 0 || row.answered > 0);
  const notAnswered = invitations
    .filter((row) => !answeredActorIds.has(row.actor.id))
    .map((row) => ({
      actorId: row.actor.id,
      name: row.actor.name,
      actorType: row.actor.type,
      sentAt: row.invitation.sentAt,
      remindedAt: row.invitation.remindedAt,
    }));
  return {
    round,
    totals: {
      invited: invitations.length,
      invitedAnswered: invitations.filter((row) => answeredActorIds.has(row.actor.id)).length,
      answered: participants.length,
      late: participants.filter((row) => row.isLate).length,
    },
    byType,
    participants,
    notAnswered,
  };
}

/**
 * The participant list as CSV (formula injection neutralised). Times are Oslo wall-clock time with
 * their offset (`2026-11-28T23:45:53+01:00`), as in the responses export.
 */
export function participationCsv(participation: Awaited<ReturnType<typeof getParticipation>>): string {
  return toCsv([
    ['name', 'actor_type', 'organisation_number', 'invited', 'submitted_at', 'late', 'source'],
    ...participation.participants.map((row) => [
      row.name,
      row.actorType,
      row.organisationNumber,
      row.isInvited ? 'yes' : 'no',
      row.submittedAt ? osloIsoDateTime(row.submittedAt) : '',
      row.isLate ? 'yes' : 'no',
      row.source,
    ]),
  ]);
}
