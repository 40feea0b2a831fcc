import type { Queryable } from '../db/database.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { findQuestionsOfRound, findRoundById, type InputRound, type Question } from '../rounds/index.ts';
import { InvalidRespondentLinkError } from './responses.errors.ts';
import {
  findInvitationByTokenHash,
  findSubmissionByAccessTokenHash,
  findSubmissionOfInvitation,
  lockSubmissionByAccessTokenHash,
  type InvitationRow,
  type SubmissionRow,
} from './responses.repository.ts';

export interface ResolvedLink {
  round: InputRound;
  questions: Question[];
  invitation: InvitationRow | undefined;
  submission: SubmissionRow | undefined;
}

/**
 * Resolves a respondent's secret link: a public response's edit token or an invitation token.
 * With `forUpdate` (inside a transaction), a public response's row is read and locked in the same
 * query, so a concurrent submit through the same link waits here and then sees the committed row.
 */
export async function resolveLink(
  db: Queryable,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResolvedLink> {
  if (!token || token.length > 200) throw new InvalidRespondentLinkError();
  const tokenHash = hashSecretToken(token);
  let submission = options.forUpdate
    ? await lockSubmissionByAccessTokenHash(db, tokenHash)
    : await findSubmissionByAccessTokenHash(db, tokenHash);
  let invitation: InvitationRow | undefined;
  if (!submission) {
    invitation = await findInvitationByTokenHash(db, tokenHash);
    if (!invitation) throw new InvalidRespondentLinkError();
    submission = await findSubmissionOfInvitation(db, invitation.id);
  }
  const roundId = submission?.roundId ?? invitation?.roundId;
  const round = roundId ? await findRoundById(db, roundId) : undefined;
  if (!round || round.status === 'draft') throw new InvalidRespondentLinkError();
  return { round, questions: await findQuestionsOfRound(db, round.id), invitation, submission };
}
