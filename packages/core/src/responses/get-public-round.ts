import type { Queryable } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import {
  effectiveRoundStatus,
  findQuestionsOfRound,
  findRoundById,
  submissionAcceptance,
} from '../rounds/index.ts';

/**
 * A round's public page: purpose, key questions, deadline, how answers are used. Draft rounds do
 * not exist to the public; invitation-only rounds show their page but cannot be answered without
 * an invitation link.
 */
export async function getPublicRound(db: Queryable, roundId: string, clock: Clock) {
  const round = /^[0-9a-f-]{36}$/i.test(roundId) ? await findRoundById(db, roundId) : undefined;
  if (!round || round.status === 'draft') throw new NotFoundError('The input round');
  const now = clock.now();
  const acceptance = submissionAcceptance(round, now);
  return {
    round,
    questions: await findQuestionsOfRound(db, round.id),
    effectiveStatus: effectiveRoundStatus(round, now),
    canAnswerPublicly: round.visibility === 'public' && acceptance.isAccepted,
    isLateIfAnsweredNow: acceptance.isAccepted && acceptance.isLate,
  };
}
