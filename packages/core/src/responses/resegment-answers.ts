import type { Transaction } from '../db/database.ts';
import type { Question } from '../rounds/index.ts';
import {
  findAnswersOfSubmission,
  findLiveAnswerSegments,
  insertSegments,
  type AnswerRow,
  type NewSegment,
} from './responses.repository.ts';
import { resegmentSources } from './resegment-sources.ts';
import { searchConfigFor, segmentLanguage, segmentText } from './segment-text.ts';

/**
 * Brings the text-answer segments of a submission in line with its current answers, keeping the
 * id of every unchanged paragraph and retiring the others (see resegmentSources). `answers` are
 * the submission's current answers; `hadSegments: false` (a first submit from a draft, which
 * never has answer segments) only inserts. `now` stamps the retired segments.
 */
export async function resegmentAnswers(
  tx: Transaction,
  submissionId: string,
  questions: Question[],
  options: { answers?: AnswerRow[]; hadSegments?: boolean; now?: Date } = {},
) {
  const answers = options.answers ?? (await findAnswersOfSubmission(tx, submissionId));
  if (options.hadSegments === false) {
    await insertSegments(tx, answerSegments(submissionId, questions, answers));
    return;
  }
  const stored = await findLiveAnswerSegments(tx, submissionId);
  const textQuestionIds = textQuestionIdsOf(questions);
  const sources = answers.map((answer) => ({
    answerId: answer.id,
    attachmentId: null,
    texts: textQuestionIds.has(answer.questionId) && answer.text ? segmentText(answer.text) : [],
  }));
  // Answers are updated in place (one row per question), so this only matters for a row gone some other way.
  const answered = new Set(answers.map((answer) => answer.id));
  for (const answerId of new Set(stored.map((segment) => segment.answerId))) {
    if (answerId && !answered.has(answerId)) sources.push({ answerId, attachmentId: null, texts: [] });
  }
  await resegmentSources(tx, submissionId, sources, stored, options.now ?? new Date());
}

function textQuestionIdsOf(questions: Question[]): Set<string> {
  return new Set(questions.filter((q) => q.kind === 'long_text' || q.kind === 'short_text').map((q) => q.id));
}

/** The segments of a submission's text answers, each with its language (no database access). */
export function answerSegments(
  submissionId: string,
  questions: Question[],
  answers: AnswerRow[],
): NewSegment[] {
  const textQuestionIds = textQuestionIdsOf(questions);
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
