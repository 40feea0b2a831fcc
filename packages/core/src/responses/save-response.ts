import { anonymousActor } from '../shared/actor.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import {
  canRespondentChange,
  RoundClosedError,
  RoundNotOpenError,
  submissionAcceptance,
} from '../rounds/index.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import type { RespondentInput } from './respondent-input.ts';
import { resegmentAnswers } from './resegment-answers.ts';
import { resolveLink } from './resolve-link.ts';
import { applyRespondentInput } from './write-respondent-input.ts';
import { SubmissionWithdrawnError } from './responses.errors.ts';
import { insertSubmission, lockSubmission } from './responses.repository.ts';

/**
 * Saves a draft (or edits a sent response before the deadline) through the respondent's link.
 * Required answers are not checked until submit.
 */
export async function saveResponse(deps: RespondentDeps, token: string, input: RespondentInput) {
  return deps.db.transaction(async (tx) => {
    const { round, questions, invitation, submission: existing } = await resolveLink(tx, token);
    const now = deps.clock.now();
    const submission =
      existing ??
      (await insertSubmission(tx, {
        roundId: round.id,
        actorId: invitation?.actorId ?? null,
        invitationId: invitation?.id ?? null,
        source: 'web',
      }));
    const locked = (await lockSubmission(tx, submission.id)) ?? submission;
    if (locked.status === 'withdrawn') throw new SubmissionWithdrawnError();
    if (locked.status === 'submitted' && !canRespondentChange(round, now)) {
      throw new RoundClosedError('The deadline has passed: a sent response can no longer be changed.');
    }
    if (locked.status === 'draft') {
      const acceptance = submissionAcceptance(round, now);
      if (!acceptance.isAccepted) {
        throw acceptance.reason === 'closed' ? new RoundClosedError() : new RoundNotOpenError();
      }
    }
    const saved = await applyRespondentInput(tx, locked, questions, input);
    if (saved.status === 'submitted') {
      await resegmentAnswers(tx, saved.id, questions, { now });
      await recordAuditEvent(tx, anonymousActor, {
        processId: round.processId,
        action: 'submission.updated',
        entityType: 'submission',
        entityId: saved.id,
      });
    }
    return saved;
  });
}
