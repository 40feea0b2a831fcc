import { anonymousActor } from '../shared/actor.ts';
import { isUniqueViolation } from '../db/db.errors.ts';
import { createSecretToken, hashSecretToken, secretsEqual } from '../shared/tokens.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import {
  findQuestionsOfRound,
  findRoundById,
  RoundClosedError,
  RoundNotOpenError,
  submissionAcceptance,
} from '../rounds/index.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import type { RespondentInput } from './respondent-input.ts';
import { applyRespondentInput } from './write-respondent-input.ts';
import {
  findSubmissionByIdempotencyKey,
  insertSubmission,
  type SubmissionRow,
} from './responses.repository.ts';
import { finaliseSubmission } from './submit-one-response.ts';

export interface StartResponseInput extends RespondentInput {
  /** Send now instead of saving a draft. */
  shouldSubmit?: boolean | undefined;
  /** A client-generated key: the same key twice returns the first result (double-clicked submit). */
  idempotencyKey?: string | undefined;
  /**
   * The secret link to give a new response instead of a random one. The plain form derives it
   * from the idempotency key under a server key, so a repeated request (a double-clicked "Lagre
   * utkast") gets back the link of the response the first request made; only its hash is stored.
   */
  linkToken?: string | undefined;
}

/** What a repeat found by its idempotency key gives back: the link too, when the caller can prove it. */
function repeatOf(previous: SubmissionRow, linkToken: string | undefined) {
  const isSameLink =
    linkToken !== undefined &&
    previous.accessTokenHash !== null &&
    secretsEqual(hashSecretToken(linkToken), previous.accessTokenHash);
  return { submission: previous, token: isSameLink ? linkToken : undefined, isRepeat: true };
}

/**
 * Starts a response on a public round: creates the submission with a secret edit link (returned
 * once; only its hash is stored), saves the answers, and submits it when asked, in one transaction.
 */
export async function startResponse(deps: RespondentDeps, roundId: string, input: StartResponseInput) {
  if (input.idempotencyKey !== undefined && !/^[A-Za-z0-9_-]{8,100}$/.test(input.idempotencyKey)) {
    throw new ValidationError('The idempotency key is not valid.', {
      idempotencyKey: '8–100 letters, digits, - or _.',
    });
  }
  if (input.linkToken !== undefined && !/^[A-Za-z0-9_-]{43,200}$/.test(input.linkToken)) {
    // As strong as a random link (256 bits in base64url) or refused.
    throw new ValidationError('The link token is not valid.', {
      linkToken: '43–200 letters, digits, - or _.',
    });
  }
  try {
    return await startResponseOnce(deps, roundId, input);
  } catch (error) {
    // Two requests with the same key raced; the loser returns what the winner committed.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const previous = await findSubmissionByIdempotencyKey(deps.db, roundId, input.idempotencyKey);
      if (previous) return repeatOf(previous, input.linkToken);
    }
    throw error;
  }
}

async function startResponseOnce(deps: RespondentDeps, roundId: string, input: StartResponseInput) {
  const token = input.linkToken ?? createSecretToken();
  return deps.db.transaction(async (tx) => {
    const round = /^[0-9a-f-]{36}$/i.test(roundId) ? await findRoundById(tx, roundId) : undefined;
    if (!round || round.status === 'draft' || round.visibility !== 'public') {
      throw new NotFoundError('The input round');
    }
    if (input.idempotencyKey) {
      const previous = await findSubmissionByIdempotencyKey(tx, round.id, input.idempotencyKey);
      if (previous) return repeatOf(previous, input.linkToken);
    }
    const acceptance = submissionAcceptance(round, deps.clock.now());
    if (!acceptance.isAccepted) {
      throw acceptance.reason === 'closed' ? new RoundClosedError() : new RoundNotOpenError();
    }
    const questions = await findQuestionsOfRound(tx, round.id);
    const created = await insertSubmission(tx, {
      roundId: round.id,
      source: 'web',
      accessTokenHash: hashSecretToken(token),
      idempotencyKey: input.idempotencyKey ?? null,
    });
    const { shouldSubmit, idempotencyKey: _ignoredKey, linkToken: _ignoredLink, ...changes } = input;
    if (shouldSubmit) {
      // The row was inserted by this transaction: no one else can see it, so no lock is needed.
      const result = await finaliseSubmission(tx, deps, {
        round,
        questions,
        submission: created,
        input: changes,
        token,
        extraRecipients: [],
      });
      return { submission: result.submission, token, isRepeat: false };
    }
    const saved = await applyRespondentInput(tx, created, questions, changes);
    await recordAuditEvent(tx, anonymousActor, {
      processId: round.processId,
      action: 'submission.started',
      entityType: 'submission',
      entityId: saved.id,
    });
    return { submission: saved, token, isRepeat: false };
  });
}
