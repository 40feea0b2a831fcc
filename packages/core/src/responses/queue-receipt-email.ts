import type { Transaction } from '../db/database.ts';
import { enqueueJob } from '../shared/enqueue-job.ts';
import { sendEmailJobKind, type SendEmailPayload } from '../email/index.ts';
import type { InputRound, Question } from '../rounds/index.ts';
import type { RespondentDeps } from './respondent-deps.ts';
import { receiptEmail } from './response-emails.ts';
import { findAnswersOfSubmission, type AnswerRow, type SubmissionRow } from './responses.repository.ts';
import { answerAsText } from './submission.ts';

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
  for (const payload of receiptEmailPayloads(deps, {
    submission,
    round,
    questions,
    token,
    recipients,
    answers,
  })) {
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
  return [
    ...new Set([...(submission.submitterEmail ? [submission.submitterEmail] : []), ...extraRecipients]),
  ];
}
