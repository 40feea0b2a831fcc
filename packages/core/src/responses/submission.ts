import { randomBytes } from 'node:crypto';
import type { Question } from '../rounds/index.ts';
import { ValidationError } from '../shared/domain-error.ts';
import type { AnswerRow } from './responses.repository.ts';

export type AnswerValue = string | string[] | number | null;

export interface AnswerInput {
  questionId: string;
  text?: string | null | undefined;
  value?: AnswerValue | undefined;
}

export interface NormalisedAnswer {
  questionId: string;
  text: string | null;
  value: AnswerValue;
}

export const maxLongTextChars = 100_000;
export const maxShortTextChars = 1_000;

/**
 * Checks answers against their questions and normalises them (trimmed text, choice values within
 * the options, scale 1–5, finite numbers). Empty answers come back with text and value null.
 * Throws a ValidationError naming each bad field as `answers.<questionId>`.
 */
export function normaliseAnswers(questions: Question[], inputs: AnswerInput[]): NormalisedAnswer[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const problems: Record<string, string> = {};
  const result: NormalisedAnswer[] = [];
  for (const input of inputs) {
    const question = byId.get(input.questionId);
    const field = `answers.${input.questionId}`;
    if (!question) {
      problems[field] = 'Not a question of this round.';
      continue;
    }
    const normalised: NormalisedAnswer = { questionId: question.id, text: null, value: null };
    switch (question.kind) {
      case 'long_text':
      case 'short_text': {
        const text = (input.text ?? (typeof input.value === 'string' ? input.value : '') ?? '')
          .replace(/\r\n?/g, '\n')
          .trim();
        const limit = question.kind === 'long_text' ? maxLongTextChars : maxShortTextChars;
        if (text.length > limit) problems[field] = `At most ${limit} characters.`;
        normalised.text = text || null;
        break;
      }
      case 'single_choice': {
        const value = typeof input.value === 'string' ? input.value : null;
        if (value && !question.options.includes(value)) problems[field] = 'Choose one of the options.';
        normalised.value = value || null;
        break;
      }
      case 'multiple_choice': {
        const values = Array.isArray(input.value) ? input.value : [];
        if (values.some((value) => !question.options.includes(value))) {
          problems[field] = 'Choose among the options.';
        }
        normalised.value = values.length ? [...new Set(values)] : null;
        break;
      }
      case 'scale': {
        const value =
          input.value === '' || input.value === null || input.value === undefined
            ? null
            : Number(input.value);
        if (value !== null && (!Number.isInteger(value) || value < 1 || value > 5)) {
          problems[field] = 'Choose a value from 1 to 5.';
        }
        normalised.value = value;
        break;
      }
      case 'number': {
        const value =
          input.value === '' || input.value === null || input.value === undefined
            ? null
            : Number(input.value);
        if (value !== null && !Number.isFinite(value)) problems[field] = 'Enter a number.';
        normalised.value = value;
        break;
      }
    }
    result.push(normalised);
  }
  if (Object.keys(problems).length) throw new ValidationError('Some answers are not valid.', problems);
  return result;
}

export function isAnswerEmpty(answer: Pick<AnswerRow, 'text' | 'value'> | undefined): boolean {
  if (!answer) return true;
  if (answer.text && answer.text.trim()) return false;
  if (Array.isArray(answer.value)) return answer.value.length === 0;
  return answer.value === null || answer.value === undefined || answer.value === '';
}

/** Required questions without an answer, as field errors. */
export function missingRequiredAnswers(
  questions: Question[],
  answers: Pick<AnswerRow, 'questionId' | 'text' | 'value'>[],
) {
  const byQuestion = new Map(answers.map((answer) => [answer.questionId, answer]));
  const problems: Record<string, string> = {};
  for (const question of questions) {
    if (question.isRequired && isAnswerEmpty(byQuestion.get(question.id))) {
      problems[`answers.${question.id}`] = 'This question is required.';
    }
  }
  return problems;
}

const receiptAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt code a person can read aloud: 12 Crockford base-32 characters in groups of four. */
export function createReceiptCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (byte) => receiptAlphabet[byte % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The answer as plain text, for receipts, exports and segmentation. */
export function answerAsText(answer: Pick<AnswerRow, 'text' | 'value'>): string {
  if (answer.text) return answer.text;
  if (Array.isArray(answer.value)) return answer.value.join('; ');
  return answer.value === null || answer.value === undefined ? '' : String(answer.value);
}
