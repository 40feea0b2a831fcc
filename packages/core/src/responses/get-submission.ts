import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { findActorById } from '../actors/index.ts';
import { findQuestionsOfRound, loadRoundForActor, type RoundLocator } from '../rounds/index.ts';
import {
  findAnswersOfSubmission,
  findAttachmentsOfSubmission,
  findSegmentsOfSubmissions,
  findSubmissionById,
} from './responses.repository.ts';

/**
 * One submission of a round in full, for the secretariat and owners only (it holds the submitter's
 * personal data): answers, attachments with their extraction status, and the text segments.
 */
export async function getSubmission(
  db: Queryable,
  actor: Actor,
  locator: RoundLocator,
  submissionId: string,
) {
  const { round, strategyProcess } = await loadRoundForActor(db, actor, locator, true);
  const submission = /^[0-9a-f-]{36}$/i.test(submissionId)
    ? await findSubmissionById(db, submissionId)
    : undefined;
  if (!submission || submission.roundId !== round.id || submission.status === 'draft') {
    throw new NotFoundError('The submission');
  }
  const [questions, answers, attachments, segments, registered] = await Promise.all([
    findQuestionsOfRound(db, round.id),
    findAnswersOfSubmission(db, submission.id),
    findAttachmentsOfSubmission(db, submission.id),
    findSegmentsOfSubmissions(db, [submission.id]),
    submission.actorId ? findActorById(db, strategyProcess.id, submission.actorId) : undefined,
  ]);
  return { round, questions, submission, actor: registered, answers, attachments, segments };
}
