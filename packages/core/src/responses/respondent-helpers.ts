import type { Database, Queryable, Transaction } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';
import { hashSecretToken } from '../shared/tokens.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { enqueueJob } from '../shared/enqueue-job.ts';
import { sendEmailJobKind, type SendEmailPayload } from '../email/index.ts';
import { isValidEmail, type ActorType } from '../actors/actor.ts';
import { findQuestionsOfRound, findRoundById, type InputRound, type Question } from '../rounds/index.ts';
import { receiptEmail } from './response-emails.ts';
import { InvalidRespondentLinkError } from './responses.errors.ts';
import {
  deleteAnswerSegments,
  findAnswersOfSubmission,
  findInvitationByTokenHash,
  findSubmissionByAccessTokenHash,
  findSubmissionOfInvitation,
  insertSegments,
  lockSubmissionByAccessTokenHash,
  updateSubmissionRow,
  upsertAnswers,
  type AnswerRow,
  type InvitationRow,
  type NewSegment,
  type SubmissionRow,
} from './responses.repository.ts';
import { answerAsText, normaliseAnswers, type AnswerInput } from './submission.ts';
import { searchConfigFor, segmentLanguage, segmentText } from './segment-text.ts';

/** What a respondent may send with a save or a submit. Omitted fields are left as they are. */
export interface RespondentInput {
  answers?: AnswerInput[] | undefined;
  submitterName?: string | null | undefined;
  submitterEmail?: string | null | undefined;
  organisationName?: string | null | undefined;
  declaredActorType?: ActorType | null | undefined;
  publicationConsent?: boolean | null | undefined;
}

export interface RespondentDeps {
  db: Database;
  clock: Clock;
  /** Base URL for links in emails. */
  publicUrl: string;
}

export interface ResolvedLink {
  round: InputRound;
  questions: Question[];
  invitation: InvitationRow | undefined;
  submission: SubmissionRow | undefined;
}

/**
 * Resolves a respondent's secret link: a public response's edit token or an invitation token.
 * With `forUpdate` (inside a transaction), a public response's row is read and locked in the same
 * query, so a concurrent submit through the same link waits here and then sees the committed row.
 */
export async function resolveLink(
  db: Queryable,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<ResolvedLink> {
  if (!token || token.length > 200) throw new InvalidRespondentLinkError();
  const tokenHash = hashSecretToken(token);
  let submission = options.forUpdate
    ? await lockSubmissionByAccessTokenHash(db, tokenHash)
    : await findSubmissionByAccessTokenHash(db, tokenHash);
  let invitation: InvitationRow | undefined;
  if (!submission) {
    invitation = await findInvitationByTokenHash(db, tokenHash);
    if (!invitation) throw new InvalidRespondentLinkError();
    submission = await findSubmissionOfInvitation(db, invitation.id);
  }
  const roundId = submission?.roundId ?? invitation?.roundId;
  const round = roundId ? await findRoundById(db, roundId) : undefined;
  if (!round || round.status === 'draft') throw new InvalidRespondentLinkError();
  return { round, questions: await findQuestionsOfRound(db, round.id), invitation, submission };
}

function cleanOptional(value: string | null | undefined, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed.slice(0, max) : null;
}

/** The submission columns a respondent's input changes, validated (no database access). */
export function respondentChanges(input: RespondentInput): Partial<SubmissionRow> {
  const email = cleanOptional(input.submitterEmail, 254);
  if (email && !isValidEmail(email)) {
    throw new ValidationError('Check the email address.', { submitterEmail: 'Not a valid email address.' });
  }
  return {
    ...(input.submitterName !== undefined
      ? { submitterName: cleanOptional(input.submitterName, 200) ?? null }
      : {}),
    ...(email !== undefined ? { submitterEmail: email } : {}),
    ...(input.organisationName !== undefined
      ? { organisationName: cleanOptional(input.organisationName, 300) ?? null }
      : {}),
    ...(input.declaredActorType !== undefined ? { declaredActorType: input.declaredActorType } : {}),
    ...(input.publicationConsent !== undefined ? { publicationConsent: input.publicationConsent } : {}),
  };
}

/** The fields a ValidationError names, or rethrows anything else. */
function problemsOf(check: () => unknown): Record<string, string> {
  try {
    check();
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return (error.details?.fields ?? {}) as Record<string, string>;
  }
}

/**
 * The submission columns a respondent's input changes, after checking who they are and every
 * answer together: one ValidationError names every bad field (an email address and an over-long
 * answer at once), so a form can mark them all on the first try instead of one per post.
 */
export function checkRespondentInput(questions: Question[], input: RespondentInput): Partial<SubmissionRow> {
  const problems = {
    ...problemsOf(() => respondentChanges(input)),
    ...problemsOf(() => (input.answers ? normaliseAnswers(questions, input.answers) : undefined)),
  };
  if (Object.keys(problems).length) throw new ValidationError('Some fields are not valid.', problems);
  return respondentChanges(input);
}

/**
 * Writes the respondent's answers and returns every answer of the submission afterwards (one
 * query when the input answers every question, which the form does; two otherwise).
 */
export async function writeRespondentAnswers(
  tx: Transaction,
  submissionId: string,
  questions: Question[],
  input: RespondentInput,
): Promise<AnswerRow[]> {
  if (!input.answers) return findAnswersOfSubmission(tx, submissionId);
  const normalised = normaliseAnswers(questions, input.answers);
  const written = await upsertAnswers(tx, submissionId, normalised);
  const answered = new Set(written.map((answer) => answer.questionId));
  return questions.every((question) => answered.has(question.id))
    ? written
    : findAnswersOfSubmission(tx, submissionId);
}

/** Writes the respondent's changes (answers, who they are, consent) to a submission. */
export async function applyRespondentInput(
  tx: Transaction,
  submission: SubmissionRow,
  questions: Question[],
  input: RespondentInput,
): Promise<SubmissionRow> {
  const changes = checkRespondentInput(questions, input);
  if (input.answers) await upsertAnswers(tx, submission.id, normaliseAnswers(questions, input.answers));
  if (Object.keys(changes).length === 0 && !input.answers) return submission;
  return updateSubmissionRow(tx, submission.id, changes);
}

/**
 * Rebuilds the text-answer segments of a submission (language and search vector per segment).
 * `answers` are the submission's current answers; `hadSegments: false` (a first submit from a
 * draft, which never has answer segments) skips the delete.
 */
export async function resegmentAnswers(
  tx: Transaction,
  submissionId: string,
  questions: Question[],
  options: { answers?: AnswerRow[]; hadSegments?: boolean } = {},
) {
  if (options.hadSegments !== false) await deleteAnswerSegments(tx, submissionId);
  const answers = options.answers ?? (await findAnswersOfSubmission(tx, submissionId));
  await insertSegments(tx, answerSegments(submissionId, questions, answers));
}

/** The segments of a submission's text answers, each with its language (no database access). */
export function answerSegments(submissionId: string, questions: Question[], answers: AnswerRow[]): NewSegment[] {
  const textQuestionIds = new Set(
    questions.filter((q) => q.kind === 'long_text' || q.kind === 'short_text').map((q) => q.id),
  );
  const rows: NewSegment[] = [];
  for (const answer of answers) {
    if (!textQuestionIds.has(answer.questionId) || !answer.text) continue;
    segmentText(answer.text).forEach((text, position) => {
      const language = segmentLanguage(text);
      rows.push({
        submissionId,
        answerId: answer.id,
        attachmentId: null,
        position,
        text,
        language,
        searchConfig: searchConfigFor(language),
      });
    });
  }
  return rows;
}

/** Queues the receipt email (receipt code + a copy of the answers) in the submit transaction. */
export async function queueReceiptEmail(
  tx: Transaction,
  deps: RespondentDeps,
  submission: SubmissionRow,
  round: InputRound,
  questions: Question[],
  token: string | undefined,
  recipients: string[],
  currentAnswers?: AnswerRow[],
) {
  if (recipients.length === 0 || !submission.receiptCode) return;
  const answers = currentAnswers ?? (await findAnswersOfSubmission(tx, submission.id));
  for (const payload of receiptEmailPayloads(deps, { submission, round, questions, token, recipients, answers })) {
    await enqueueJob(tx, sendEmailJobKind, { ...payload });
  }
}

/** The receipt email to each recipient, as send-email job payloads (no database access). */
export function receiptEmailPayloads(
  deps: Pick<RespondentDeps, 'clock' | 'publicUrl'>,
  context: {
    submission: SubmissionRow;
    round: InputRound;
    questions: Question[];
    token: string | undefined;
    recipients: string[];
    answers: AnswerRow[];
  },
): SendEmailPayload[] {
  const { submission, round, questions, token, recipients, answers } = context;
  if (recipients.length === 0 || !submission.receiptCode) return [];
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answerAsText(answer)]));
  const message = receiptEmail({
    roundTitle: round.title,
    receiptCode: submission.receiptCode,
    submittedAt: submission.submittedAt ?? deps.clock.now(),
    isLate: submission.isLate,
    link: token ? `${deps.publicUrl}/i/${token}` : undefined,
    answers: questions.map((question) => ({
      question: question.text,
      answer: byQuestion.get(question.id) ?? '',
    })),
  });
  return recipients.map((to) => ({
    to,
    subject: message.subject,
    text: message.text,
    kind: 'receipt',
    roundId: round.id,
  }));
}

/** The people a receipt goes to: the submitter and, for an invitation, its addresses (no duplicates). */
export function receiptRecipients(submission: SubmissionRow, extraRecipients: string[]): string[] {
  return [...new Set([...(submission.submitterEmail ? [submission.submitterEmail] : []), ...extraRecipients])];
}
