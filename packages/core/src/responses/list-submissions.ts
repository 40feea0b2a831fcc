import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import {
  effectiveRoundStatus,
  findQuestionsOfRound,
  loadRoundForActor,
  type RoundLocator,
} from '../rounds/index.ts';
import {
  findAnswersOfSubmissions,
  findAttachmentsOfSubmissions,
  findSubmissionsOfRound,
} from './responses.repository.ts';

/**
 * A round's sent and withdrawn responses with their actor, answers and attachments, for members.
 * `canSeePersonalData` tells presenters whether submitter names and emails may be shown. A
 * withdrawn response's answers and attachments are the secretariat's record only: its respondent
 * took it back, so other members see that it was withdrawn, not what it said.
 */
export async function listSubmissions(db: Queryable, actor: Actor, locator: RoundLocator, clock: Clock) {
  const { round, canManage } = await loadRoundForActor(db, actor, locator, false);
  const rows = await findSubmissionsOfRound(db, round.id);
  const ids = rows.map((row) => row.submission.id);
  const [questions, answers, attachments] = await Promise.all([
    findQuestionsOfRound(db, round.id),
    findAnswersOfSubmissions(db, ids),
    findAttachmentsOfSubmissions(db, ids),
  ]);
  return {
    round,
    effectiveStatus: effectiveRoundStatus(round, clock.now()),
    questions,
    canSeePersonalData: canManage,
    submissions: rows.map(({ submission, actor: registered }) => {
      const isContentShown = canManage || submission.status !== 'withdrawn';
      return {
        submission,
        actor: registered ?? undefined,
        answers: isContentShown ? answers.filter((answer) => answer.submissionId === submission.id) : [],
        attachments: isContentShown
          ? attachments.filter((attachment) => attachment.submissionId === submission.id)
          : [],
      };
    }),
  };
}
