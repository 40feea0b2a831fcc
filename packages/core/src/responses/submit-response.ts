import pg from 'pg';
import type { Database, Transaction } from '../db/database.ts';
import { anonymousActor } from '../shared/actor.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { recordAuditEvents } from '../shared/record-audit-event.ts';
import { enqueueJobs } from '../shared/enqueue-job.ts';
import { sendEmailJobKind } from '../email/index.ts';
import {
  findQuestionsOfRounds,
  findRoundsByIds,
  RoundClosedError,
  RoundNotOpenError,
  submissionAcceptance,
  type InputRound,
  type Question,
} from '../rounds/index.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import { checkRespondentInput, type RespondentInput } from './respondent-input.ts';
import { receiptEmailPayloads, receiptRecipients } from './queue-receipt-email.ts';
import { answerSegments } from './resegment-answers.ts';
import { InvalidRespondentLinkError, RequiredAnswersMissingError } from './responses.errors.ts';
import {
  findAnswersOfSubmissions,
  findAttachmentsOfSubmissions,
  insertSegments,
  lockSubmissionsByAccessTokenHashes,
  updateSubmittedRows,
  upsertAnswersOfSubmissions,
  type AnswerRow,
  type SubmissionRow,
} from './responses.repository.ts';
import { respondentView } from './open-respondent-link.ts';
import {
  createReceiptCode,
  missingRequiredAnswers,
  normaliseAnswers,
  type NormalisedAnswer,
} from './submission.ts';
import { submitOneResponse, type SubmitResponseResult } from './submit-one-response.ts';

/**
 * Sends a response through the respondent's link: the use-case behind the public submit route.
 * Same contract as `submitOneResponse` (when the respondent sees the receipt, the submission is
 * committed; a repeat returns the same receipt; a sent response is updated until the deadline).
 *
 * Group commit: first submits of public responses that arrive while an earlier batch is being
 * written wait for it and are then written together, in one transaction of a dozen multi-row
 * statements, however many there are. A national round's last hour before the deadline then costs
 * the database a few statements per batch instead of eleven per respondent. Nobody waits for a
 * timer: a submit that finds no batch being written starts one as soon as the requests that have
 * already arrived are read (`setImmediate`). Everything the batch does not handle (invitation
 * links, repeats, edits of a sent response) and every submit of a batch whose transaction failed
 * goes through `submitOneResponse`, on its own, after the batch.
 */
export function submitResponse(
  deps: RespondentDeps,
  token: string,
  input: RespondentInput = {},
): Promise<SubmitResponseResult> {
  if (!token || token.length > 200) return Promise.reject(new InvalidRespondentLinkError());
  let batcher = batchers.get(deps.db);
  if (!batcher) {
    batcher = new SubmitBatcher(deps.db);
    batchers.set(deps.db, batcher);
  }
  return batcher.submit({ deps, token, input, tokenHash: hashSecretToken(token) });
}

/** The most submits written in one transaction; more wait for the next batch. */
export const maxSubmitBatchSize = 200;

/**
 * Batches written at the same time. On PostgreSQL two: while one batch waits for its round trips
 * the next is being prepared (measured with bench/submissions: about 880 against 660 submits/s
 * with one, and no gain from three or four). On PGlite one: it runs one transaction at a time, and
 * a second batch only waited and made both smaller (750 against 660 submits/s).
 */
function concurrentBatchesFor(db: Database): number {
  return (db as { $client?: unknown }).$client instanceof pg.Pool ? 2 : 1;
}

const batchers = new WeakMap<Database, SubmitBatcher>();

interface SubmitRequest {
  deps: RespondentDeps;
  token: string;
  input: RespondentInput;
  tokenHash: string;
}

interface PendingSubmit extends SubmitRequest {
  resolve: (result: SubmitResponseResult) => void;
  reject: (error: unknown) => void;
}

type BatchOutcome =
  { kind: 'written'; result: SubmitResponseResult } | { kind: 'refused'; error: unknown } | { kind: 'alone' };

/** Collects the submits to one database and writes them a batch at a time (two at once on PostgreSQL). */
class SubmitBatcher {
  private readonly waiting: PendingSubmit[] = [];
  private writers = 0;
  private readonly maxWriters: number;

  constructor(private readonly db: Database) {
    this.maxWriters = concurrentBatchesFor(db);
  }

  submit(request: SubmitRequest): Promise<SubmitResponseResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...request, resolve, reject });
      if (this.writers < this.maxWriters) {
        this.writers += 1;
        // Let the requests that have already arrived (their bytes are read in this turn of the
        // event loop) join before the batch starts, instead of starting a batch of one.
        setImmediate(() => void this.writeWaiting());
      }
    });
  }

  private async writeWaiting() {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, maxSubmitBatchSize);
        await writeBatch(this.db, batch);
      }
    } finally {
      this.writers -= 1;
    }
  }
}

/** Writes one batch and settles every submit in it; never throws. */
async function writeBatch(db: Database, batch: PendingSubmit[]) {
  let outcomes: BatchOutcome[];
  try {
    outcomes = await db.transaction((tx) => writeFirstSubmits(tx, batch));
  } catch {
    // Nothing of the batch was written: each submit is tried on its own, so one bad submit cannot
    // fail the others, and each gets the error that is its own.
    outcomes = batch.map(() => ({ kind: 'alone' }));
  }
  batch.forEach((pending, index) => {
    const outcome = outcomes[index] ?? { kind: 'alone' };
    if (outcome.kind === 'written') pending.resolve(outcome.result);
    else if (outcome.kind === 'refused') pending.reject(outcome.error);
    else submitOneResponse(pending.deps, pending.token, pending.input).then(pending.resolve, pending.reject);
  });
}

interface PlannedSubmit {
  index: number;
  request: SubmitRequest;
  draft: SubmissionRow;
  round: InputRound;
  questions: Question[];
  now: Date;
  isLate: boolean;
  changes: Partial<SubmissionRow>;
  written: NormalisedAnswer[];
}

/**
 * In one transaction: locks the drafts behind the batch's links, checks each submit as
 * `submitOneResponse` would (round open, answers valid, required answers given) and writes the
 * accepted ones with one statement per table. Returns what became of each request, in order.
 */
async function writeFirstSubmits(tx: Transaction, batch: SubmitRequest[]): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = batch.map(() => ({ kind: 'alone' }));
  const locked = await lockSubmissionsByAccessTokenHashes(tx, [...new Set(batch.map((r) => r.tokenHash))]);
  const byTokenHash = new Map(locked.map((row) => [row.accessTokenHash, row]));
  const claimed = new Set<string>();
  const drafts: { index: number; request: SubmitRequest; draft: SubmissionRow }[] = [];
  batch.forEach((request, index) => {
    const draft = byTokenHash.get(request.tokenHash);
    // Only a first submit of a public response is written here; the same link twice in one batch
    // (a double click) is a repeat, answered after the first is committed.
    if (!draft || draft.status !== 'draft' || claimed.has(draft.id)) return;
    claimed.add(draft.id);
    drafts.push({ index, request, draft });
  });
  if (drafts.length === 0) return outcomes;

  const roundIds = [...new Set(drafts.map(({ draft }) => draft.roundId))];
  const rounds = new Map((await findRoundsByIds(tx, roundIds)).map((round) => [round.id, round]));
  const questionsOfRound = groupBy(await findQuestionsOfRounds(tx, roundIds), (question) => question.roundId);

  const planned: PlannedSubmit[] = [];
  for (const { index, request, draft } of drafts) {
    try {
      const round = rounds.get(draft.roundId);
      if (!round || round.status === 'draft') throw new InvalidRespondentLinkError();
      const questions = questionsOfRound.get(round.id) ?? [];
      const now = request.deps.clock.now();
      const acceptance = submissionAcceptance(round, now);
      if (!acceptance.isAccepted) {
        throw acceptance.reason === 'closed' ? new RoundClosedError() : new RoundNotOpenError();
      }
      const changes = checkRespondentInput(questions, request.input);
      const written = request.input.answers ? normaliseAnswers(questions, request.input.answers) : [];
      planned.push({
        index,
        request,
        draft,
        round,
        questions,
        now,
        isLate: acceptance.isLate,
        changes,
        written,
      });
    } catch (error) {
      outcomes[index] = { kind: 'refused', error };
    }
  }

  // Answers saved with the draft count too, where the submit does not answer every question.
  const answersEverything = (plan: PlannedSubmit) =>
    plan.questions.every((question) => plan.written.some((answer) => answer.questionId === question.id));
  const saved = groupBy(
    await findAnswersOfSubmissions(
      tx,
      planned.filter((plan) => !answersEverything(plan)).map((plan) => plan.draft.id),
    ),
    (answer) => answer.submissionId,
  );
  const accepted = planned.filter((plan) => {
    const missing = missingRequiredAnswers(
      plan.questions,
      withSavedAnswers(saved.get(plan.draft.id), plan.written),
    );
    if (Object.keys(missing).length === 0) return true;
    outcomes[plan.index] = { kind: 'refused', error: new RequiredAnswersMissingError(missing) };
    return false;
  });
  if (accepted.length === 0) return outcomes;

  const upserted = groupBy(
    await upsertAnswersOfSubmissions(
      tx,
      accepted.flatMap((plan) => plan.written.map((answer) => ({ submissionId: plan.draft.id, ...answer }))),
    ),
    (answer) => answer.submissionId,
  );
  const sent = accepted.map((plan) => {
    const answers = withSavedAnswers(saved.get(plan.draft.id), upserted.get(plan.draft.id) ?? []);
    const submission: SubmissionRow = {
      ...plan.draft,
      ...plan.changes,
      status: 'submitted',
      submittedAt: plan.now,
      isLate: plan.isLate,
      receiptCode: plan.draft.receiptCode ?? createReceiptCode(),
      updatedAt: new Date(),
    };
    return { plan, submission, answers };
  });
  await updateSubmittedRows(
    tx,
    sent.map(({ submission }) => submission),
  );
  // A draft never has answer segments (they are made when it is sent), so this only inserts.
  await insertSegments(
    tx,
    sent.flatMap(({ plan, submission, answers }) => answerSegments(submission.id, plan.questions, answers)),
  );
  await recordAuditEvents(
    tx,
    anonymousActor,
    sent.map(({ plan, submission }) => ({
      processId: plan.round.processId,
      action: 'submission.submitted',
      entityType: 'submission',
      entityId: submission.id,
      detail: { roundNumber: plan.round.number, isLate: submission.isLate },
    })),
  );
  await enqueueJobs(
    tx,
    sendEmailJobKind,
    sent.flatMap(({ plan, submission, answers }) =>
      receiptEmailPayloads(plan.request.deps, {
        submission,
        round: plan.round,
        questions: plan.questions,
        token: plan.request.token,
        recipients: receiptRecipients(submission, []),
        answers,
      }).map((payload) => ({ ...payload })),
    ),
  );
  const attachments = groupBy(
    await findAttachmentsOfSubmissions(
      tx,
      sent.map(({ submission }) => submission.id),
    ),
    (attachment) => attachment.submissionId,
  );
  for (const { plan, submission, answers } of sent) {
    const view = respondentView(
      {
        round: plan.round,
        questions: plan.questions,
        actorName: null,
        submission,
        answers,
        attachments: attachments.get(submission.id) ?? [],
      },
      plan.request.deps.clock,
    );
    outcomes[plan.index] = { kind: 'written', result: { submission, isRepeat: false, answers, view } };
  }
  return outcomes;
}

/** The answers a submit leaves: the draft's saved ones for the questions it does not answer, then its own. */
function withSavedAnswers<T extends { questionId: string }>(
  saved: AnswerRow[] | undefined,
  written: T[],
): (AnswerRow | T)[] {
  const rewritten = new Set(written.map((answer) => answer.questionId));
  return [...(saved ?? []).filter((answer) => !rewritten.has(answer.questionId)), ...written];
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
