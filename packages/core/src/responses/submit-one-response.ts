import type { Transaction } from '../db/database.ts';
import { anonymousActor } from '../shared/actor.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { findActorById } from '../actors/index.ts';
import {
  canRespondentChange,
  RoundClosedError,
  RoundNotOpenError,
  submissionAcceptance,
  type InputRound,
  type Question,
} from '../rounds/index.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import { checkRespondentInput, type RespondentInput } from './respondent-input.ts';
import { queueReceiptEmail, receiptRecipients } from './queue-receipt-email.ts';
import { resegmentAnswers } from './resegment-answers.ts';
import { resolveLink } from './resolve-link.ts';
import { writeRespondentAnswers } from './write-respondent-input.ts';
import { RequiredAnswersMissingError, SubmissionWithdrawnError } from './responses.errors.ts';
import {
  findAnswersOfSubmission,
  findAttachmentsOfSubmission,
  insertSubmission,
  lockSubmission,
  updateSubmissionRow,
  type AnswerRow,
  type SubmissionRow,
} from './responses.repository.ts';
import { respondentView } from './open-respondent-link.ts';
import { createReceiptCode, missingRequiredAnswers } from './submission.ts';

/** What a submit through a respondent's link gives back. */
export type SubmitResponseResult = Awaited<ReturnType<typeof submitOneResponse>>;

/**
 * Sends a response through the respondent's link, saving the given changes first, all in one
 * transaction: when the respondent sees the receipt, the submission is committed. Submitting twice
 * (a double click, a retried request) returns the same receipt. A response already sent is updated
 * in place until the deadline. Returns the respondent's view as committed (no second read).
 *
 * Use `submitResponse` (submit-response.ts), which writes concurrent first submits together and sends
 * everything else here.
 */
export async function submitOneResponse(deps: RespondentDeps, token: string, input: RespondentInput = {}) {
  return deps.db.transaction(async (tx) => {
    const {
      round,
      questions,
      invitation,
      submission: existing,
    } = await resolveLink(tx, token, {
      forUpdate: true,
    });
    let locked: SubmissionRow;
    if (!existing) {
      locked = await insertSubmission(tx, {
        roundId: round.id,
        actorId: invitation?.actorId ?? null,
        invitationId: invitation?.id ?? null,
        source: 'web',
      });
    } else {
      // An invitation's submission was found through the invitation: lock it now.
      locked = invitation ? ((await lockSubmission(tx, existing.id)) ?? existing) : existing;
    }
    const recipients = invitation?.emails ?? [];
    const result = await finaliseSubmission(tx, deps, {
      round,
      questions,
      submission: locked,
      input,
      token,
      extraRecipients: recipients,
    });
    const actor = invitation ? await findActorById(tx, round.processId, invitation.actorId) : undefined;
    const view = respondentView(
      {
        round,
        questions,
        actorName: actor?.name ?? null,
        submission: result.submission,
        answers: result.answers ?? (await findAnswersOfSubmission(tx, result.submission.id)),
        attachments: await findAttachmentsOfSubmission(tx, result.submission.id),
      },
      deps.clock,
    );
    return { ...result, view };
  });
}

/**
 * The shared end of every submit path (link, one-shot public form, import excluded). Round trips
 * on a first submit: the answers (one upsert returning them), one update of the submission,
 * the segments, the audit event and the receipt email job.
 */
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
): Promise<{ submission: SubmissionRow; isRepeat: boolean; answers?: AnswerRow[] }> {
  const { round, questions, input } = context;
  let submission = context.submission;
  const now = deps.clock.now();
  if (submission.status === 'withdrawn') throw new SubmissionWithdrawnError();
  if (submission.status === 'submitted') {
    const hasChanges = Object.values(input).some((value) => value !== undefined);
    if (!hasChanges) return { submission, isRepeat: true };
    if (!canRespondentChange(round, now)) {
      throw new RoundClosedError('The deadline has passed: a sent response can no longer be changed.');
    }
  } else {
    const acceptance = submissionAcceptance(round, now);
    if (!acceptance.isAccepted) {
      throw acceptance.reason === 'closed' ? new RoundClosedError() : new RoundNotOpenError();
    }
  }
  const changes = checkRespondentInput(questions, input);
  const answers = await writeRespondentAnswers(tx, submission.id, questions, input);
  const missing = missingRequiredAnswers(questions, answers);
  if (Object.keys(missing).length) throw new RequiredAnswersMissingError(missing);
  const isFirstSubmit = submission.status === 'draft';
  if (isFirstSubmit) {
    const acceptance = submissionAcceptance(round, now);
    Object.assign(changes, {
      status: 'submitted',
      submittedAt: now,
      isLate: acceptance.isAccepted && acceptance.isLate,
      receiptCode: submission.receiptCode ?? createReceiptCode(),
    });
  }
  submission = await updateSubmissionRow(tx, submission.id, changes);
  // A draft never has answer segments (they are made when it is sent), so a first submit only inserts.
  await resegmentAnswers(tx, submission.id, questions, { answers, hadSegments: !isFirstSubmit, now });
  await recordAuditEvent(tx, anonymousActor, {
    processId: round.processId,
    action: isFirstSubmit ? 'submission.submitted' : 'submission.updated',
    entityType: 'submission',
    entityId: submission.id,
    detail: { roundNumber: round.number, isLate: submission.isLate },
  });
  const recipients = receiptRecipients(submission, context.extraRecipients);
  await queueReceiptEmail(tx, deps, submission, round, questions, context.token, recipients, answers);
  return { submission, isRepeat: false, answers };
}
