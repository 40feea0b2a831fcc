import { anonymousActor } from '../shared/actor.ts';
import { ConflictError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { canRespondentChange, RoundClosedError } from '../rounds/index.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import { resolveLink } from './resolve-link.ts';
import {
  lockSubmission,
  retireAnswerSegmentsOfSubmission,
  updateSubmissionRow,
} from './responses.repository.ts';

/** Withdraws a sent response through the respondent's link, until the deadline. */
export async function withdrawResponse(deps: RespondentDeps, token: string) {
  return deps.db.transaction(async (tx) => {
    const { round, submission } = await resolveLink(tx, token);
    if (!submission) {
      throw new ConflictError('not_submitted', 'There is nothing to withdraw: no response has been sent.');
    }
    const locked = (await lockSubmission(tx, submission.id)) ?? submission;
    if (locked.status === 'withdrawn') return locked;
    if (!canRespondentChange(round, deps.clock.now())) {
      throw new RoundClosedError('The deadline has passed: the response can no longer be withdrawn.');
    }
    const withdrawn = await updateSubmissionRow(tx, locked.id, {
      status: 'withdrawn',
      withdrawnAt: deps.clock.now(),
    });
    // Retired, not deleted: the secretariat keeps the record, and codings keep what they cite.
    await retireAnswerSegmentsOfSubmission(tx, locked.id, 'withdrawn', deps.clock.now());
    await recordAuditEvent(tx, anonymousActor, {
      processId: round.processId,
      action: 'submission.withdrawn',
      entityType: 'submission',
      entityId: locked.id,
    });
    return withdrawn;
  });
}
