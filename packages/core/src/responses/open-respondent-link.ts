import type { Queryable } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import {
  canRespondentChange,
  effectiveRoundStatus,
  submissionAcceptance,
  type InputRound,
  type Question,
} from '../rounds/index.ts';
import { findActorById } from '../actors/index.ts';
import { resolveLink } from './resolve-link.ts';
import {
  findAnswersOfSubmission,
  findAttachmentsOfSubmission,
  type AnswerRow,
  type AttachmentRow,
  type SubmissionRow,
} from './responses.repository.ts';

/**
 * What a respondent sees when they open their secret link: the round, the questions, their saved
 * draft or sent response with attachments, and what they may still do.
 */
export async function openRespondentLink(db: Queryable, token: string, clock: Clock) {
  const { round, questions, invitation, submission } = await resolveLink(db, token);
  const actor = invitation ? await findActorById(db, round.processId, invitation.actorId) : undefined;
  return respondentView(
    {
      round,
      questions,
      actorName: actor?.name ?? null,
      submission,
      answers: submission ? await findAnswersOfSubmission(db, submission.id) : [],
      attachments: submission ? await findAttachmentsOfSubmission(db, submission.id) : [],
    },
    clock,
  );
}

export type RespondentView = ReturnType<typeof respondentView>;

/** The respondent's view from rows already read (a submit builds it without reading them again). */
export function respondentView(
  rows: {
    round: InputRound;
    questions: Question[];
    actorName: string | null;
    submission: SubmissionRow | undefined;
    answers: AnswerRow[];
    attachments: AttachmentRow[];
  },
  clock: Clock,
) {
  const { round, submission } = rows;
  const now = clock.now();
  const acceptance = submissionAcceptance(round, now);
  const status = submission?.status ?? 'draft';
  return {
    ...rows,
    effectiveStatus: effectiveRoundStatus(round, now),
    /** A draft can be saved and sent while the round accepts answers (late included). */
    canSubmit: status === 'draft' && acceptance.isAccepted,
    isLateIfSubmittedNow: acceptance.isAccepted && acceptance.isLate,
    /** A sent response can be edited or withdrawn until the deadline. */
    canEdit:
      status === 'draft' ? acceptance.isAccepted : status === 'submitted' && canRespondentChange(round, now),
    canWithdraw: status === 'submitted' && canRespondentChange(round, now),
  };
}
