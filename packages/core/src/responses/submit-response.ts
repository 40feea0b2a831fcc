import type { Transaction } from '../db/database.ts';
import { anonymousActor } from '../shared/actor.ts';
import { recordAuditEvent } from '../audit/index.ts';
import {
  canRespondentChange,
  RoundClosedError,
  RoundNotOpenError,
  submissionAcceptance,
  type InputRound,
  type Question,
} from '../rounds/index.ts';
import {
  applyRespondentInput,
  queueReceiptEmail,
  resegmentAnswers,
  resolveLink,
  type RespondentDeps,
  type RespondentInput,
} from './respondent-helpers.ts';
import { RequiredAnswersMissingError, SubmissionWithdrawnError } from './responses.errors.ts';
import {
  findAnswersOfSubmission,
  insertSubmission,
  lockSubmission,
  updateSubmissionRow,
  type SubmissionRow,
} from './responses.repository.ts';
import { createReceiptCode, missingRequiredAnswers } from './submission.ts';

/**
 * Sends a response through the respondent's link, saving the given changes first, all in one
 * transaction: when the respondent sees the receipt, the submission is committed. Submitting twice
 * (a double click, a retried request) returns the same receipt. A response already sent is updated
 * in place until the deadline.
 */
export async function submitResponse(deps: RespondentDeps, token: string, input: RespondentInput = {}) {
  return deps.db.transaction(async (tx) => {
    const { round, questions, invitation, submission: existing } = await resolveLink(tx, token);
    const submission =
      existing ??
      (await insertSubmission(tx, {
        roundId: round.id,
        actorId: invitation?.actorId ?? null,
        invitationId: invitation?.id ?? null,
        source: 'web',
      }));
    const locked = (await lockSubmission(tx, submission.id)) ?? submission;
    const recipients = invitation?.emails ?? [];
    return finaliseSubmission(tx, deps, {
      round,
      questions,
      submission: locked,
      input,
      token,
      extraRecipients: recipients,
    });
  });
}

/** The shared end of every submit path (link, one-shot public form, import excluded). */
export async function finaliseSubmission(
  tx: Transaction,
  deps: RespondentDeps,
  context: {
    round: InputRound;
    questions: Question[];
    submission: SubmissionRow;
    input: RespondentInput;
    token: string | undefined;
    extraRecipients: string[];
  },
) {
  const { round, questions, input } = context;
  let submission = context.submission;
  const now = deps.clock.now();
  if (submission.status === 'withdrawn') throw new SubmissionWithdrawnError();
  if (submission.status === 'submitted') {
    const hasChanges = Object.values(input).some((value) => value !== undefined);
    if (!hasChanges) return { submission, isRepeat: true };
    if (!canRespondentChange(round, now))
      throw new RoundClosedError('The deadline has passed: a sent response can no longer be changed.');
  } else {
    const acceptance = submissionAcceptance(round, now);
    if (!acceptance.isAccepted)
      throw acceptance.reason === 'closed' ? new RoundClosedError() : new RoundNotOpenError();
  }
  submission = await applyRespondentInput(tx, submission, questions, input);
  const missing = missingRequiredAnswers(questions, await findAnswersOfSubmission(tx, submission.id));
  if (Object.keys(missing).length) throw new RequiredAnswersMissingError(missing);
  const isFirstSubmit = submission.status === 'draft';
  if (isFirstSubmit) {
    const acceptance = submissionAcceptance(round, now);
    submission = await updateSubmissionRow(tx, submission.id, {
      status: 'submitted',
      submittedAt: now,
      isLate: acceptance.isAccepted && acceptance.isLate,
      receiptCode: submission.receiptCode ?? createReceiptCode(),
    });
  }
  await resegmentAnswers(tx, submission.id, questions);
  await recordAuditEvent(tx, anonymousActor, {
    processId: round.processId,
    action: isFirstSubmit ? 'submission.submitted' : 'submission.updated',
    entityType: 'submission',
    entityId: submission.id,
    detail: { roundNumber: round.number, isLate: submission.isLate },
  });
  const recipients = [
    ...new Set([
      ...(submission.submitterEmail ? [submission.submitterEmail] : []),
      ...context.extraRecipients,
    ]),
  ];
  await queueReceiptEmail(tx, deps, submission, round, questions, context.token, recipients);
  return { submission, isRepeat: false };
}
