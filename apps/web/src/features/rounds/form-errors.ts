import type { PublicRound } from '@innspill/contracts';
import type { ApiError } from '../../lib/api-client.ts';
import { questionFieldId } from './respondent-form.tsx';

const fieldIds: Record<string, string> = { submitterEmail: 'respond-email', submitterName: 'respond-name' };

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
  payload_too_large: 'respond.error.fileTooLarge',
  unsafe_archive: 'respond.error.unsafeFile',
  too_many_attachments: 'respond.error.tooManyFiles',
  rate_limited: 'respond.error.rateLimited',
};

/** Longest answers the server takes (core `maxLongTextChars` / `maxShortTextChars`). */
const maxChars = { long_text: 100_000, short_text: 1_000 } as const;

/**
 * The server's messages are English prose; the respondent sees catalogue strings instead, chosen by
 * the error code and, per field, by what the field is (a required question, a choice, a scale …).
 */
export function localiseRespondentError(
  error: ApiError,
  round: PublicRound,
  t: Translate,
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const field of Object.keys(error.fields)) {
    fields[field] = fieldMessage(error.code, field, round, t);
  }
  const key = messageKeyByCode[error.code];
  return { message: key ? t(key) : t('app.error.generic'), fields };
}

function fieldMessage(code: string, field: string, round: PublicRound, t: Translate): string {
  if (field === 'submitterEmail') return t('respond.error.email');
  if (field === 'file') return t('respond.error.fileMissing');
  const question = round.questions.find((candidate) => `answers.${candidate.id}` === field);
  if (!question) return t('respond.error.field');
  if (code === 'required_answers_missing') return t('respond.error.required');
  switch (question.kind) {
    case 'long_text':
    case 'short_text':
      return t('respond.error.tooLong', { max: maxChars[question.kind].toLocaleString('nb-NO') });
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
