import type { Transaction } from '../db/database.ts';
import type { Question } from '../rounds/index.ts';
import {
  findAnswersOfSubmission,
  updateSubmissionRow,
  upsertAnswers,
  type AnswerRow,
  type SubmissionRow,
} from './responses.repository.ts';
import { checkRespondentInput, type RespondentInput } from './respondent-input.ts';
import { normaliseAnswers } from './submission.ts';

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
