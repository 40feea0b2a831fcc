import type { PublicRound, RespondentInput } from '@innspill/contracts';
import type { Locale } from '../../i18n/i18n.tsx';
import type { ApiError } from '../../lib/api-client.ts';
import { formatLimit, maxAnswerChars, maxRespondentChars, questionFieldId } from './respondent-form.tsx';

const fieldIds: Record<string, string> = {
  submitterEmail: 'respond-email',
  submitterName: 'respond-name',
  organisationName: 'respond-organisation',
  declaredActorType: 'respond-actor-type',
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Server error codes the respondent can meet, with the catalogue message shown for each. */
const messageKeyByCode: Record<string, string> = {
  required_answers_missing: 'respond.error.requiredMissing',
  validation_failed: 'respond.error.invalid',
  round_closed: 'respond.error.roundClosed',
  round_not_open: 'respond.error.roundNotOpen',
  submission_withdrawn: 'respond.error.withdrawn',
  not_submitted: 'respond.error.notSubmitted',
  not_found: 'respond.error.invalidLink',
  unsupported_file_type: 'respond.error.fileType',
  unsupported_media_type: 'respond.error.fileType',
  empty_file: 'respond.error.fileEmpty',
  payload_too_large: 'respond.error.fileTooLarge',
  unsafe_archive: 'respond.error.unsafeFile',
  too_many_attachments: 'respond.error.tooManyFiles',
  rate_limited: 'respond.error.rateLimited',
};

/**
 * The request's own checks (the API's schema) name an answer by its place in the request's
 * `answers` array (`answers.0.text`); the core names it by question (`answers.<questionId>`). Both
 * become `answers.<questionId>`, using the answers that were sent, so the right field is marked.
 */
function questionKey(field: string, round: PublicRound, sent: RespondentInput | undefined): string {
  const indexed = /^answers\.(\d+)(?:\.|$)/.exec(field);
  if (!indexed) return field;
  const index = Number(indexed[1]);
  const questionId = sent?.answers?.[index]?.questionId ?? round.questions[index]?.id;
  return questionId ? `answers.${questionId}` : field;
}

/**
 * The server's messages are English prose; the respondent sees catalogue strings instead, chosen by
 * the error code and, per field, by what the field is (a required question, a choice, a scale …).
 * `sent` is the request body that was refused: it maps index-based field names back to questions
 * and tells an over-long email address from a malformed one.
 */
export function localiseRespondentError(
  error: ApiError,
  round: PublicRound,
  t: Translate,
  options: { sent?: RespondentInput | undefined; locale?: Locale } = {},
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const field of Object.keys(error.fields)) {
    const key = questionKey(field, round, options.sent);
    fields[key] ??= fieldMessage(error.code, key, round, t, options.sent, options.locale ?? 'nb');
  }
  const key = messageKeyByCode[error.code];
  return { message: key ? t(key) : t('app.error.generic'), fields };
}

function isOverLimit(value: string | null | undefined, limit: number): boolean {
  return (value?.length ?? 0) > limit;
}

function fieldMessage(
  code: string,
  field: string,
  round: PublicRound,
  t: Translate,
  sent: RespondentInput | undefined,
  locale: Locale,
): string {
  const max = (limit: number) => ({ max: formatLimit(limit, locale) });
  switch (field) {
    case 'submitterEmail':
      return isOverLimit(sent?.submitterEmail, maxRespondentChars.submitterEmail)
        ? t('respond.error.emailTooLong', max(maxRespondentChars.submitterEmail))
        : t('respond.error.email');
    case 'submitterName':
      return isOverLimit(sent?.submitterName, maxRespondentChars.submitterName)
        ? t('respond.error.nameTooLong', max(maxRespondentChars.submitterName))
        : t('respond.error.field');
    case 'organisationName':
      return isOverLimit(sent?.organisationName, maxRespondentChars.organisationName)
        ? t('respond.error.organisationTooLong', max(maxRespondentChars.organisationName))
        : t('respond.error.field');
    case 'file':
      return t('respond.error.fileMissing');
  }
  const question = round.questions.find((candidate) => `answers.${candidate.id}` === field);
  if (!question) return t('respond.error.field');
  if (code === 'required_answers_missing') return t('respond.error.required');
  switch (question.kind) {
    case 'long_text':
    case 'short_text':
      return t('respond.error.tooLong', max(maxAnswerChars[question.kind]));
    case 'single_choice':
      return t('respond.error.chooseOne');
    case 'multiple_choice':
      return t('respond.error.chooseAmong');
    case 'scale':
      return t('respond.error.scale');
    case 'number':
      return t('respond.error.number');
    default:
      return t('respond.error.field');
  }
}

/** Field errors as error-summary entries linking to their controls. */
export function summaryEntries(round: PublicRound, fields: Record<string, string>) {
  return Object.entries(fields).map(([field, message]) => {
    const question = round.questions.find((candidate) => `answers.${candidate.id}` === field);
    if (question) {
      return {
        fieldId: questionFieldId(question.id, question.kind),
        message: `${question.position}. ${question.text}: ${message}`,
      };
    }
    return { fieldId: fieldIds[field] ?? 'respond-form', message };
  });
}
