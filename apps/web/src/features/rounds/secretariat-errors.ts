import {
  planDateIssueOf,
  type ActorImportReport,
  type ImportReport,
  type PlanDateIssue,
} from '@innspill/contracts';
import { ApiError } from '../../lib/api-client.ts';
import { apiErrorMessage } from '../../lib/api-error-messages.ts';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Server error codes the secretariat's round pages can meet, with the catalogue message for each.
 * The server's `message` is English prose for the CLI and logs; these pages never show it.
 */
const messageKeyByCode: Record<string, string> = {
  validation_failed: 'secretariat.error.validation',
  bad_request: 'secretariat.error.validation',
  invalid_text: 'secretariat.error.invalidText',
  not_found: 'secretariat.error.notFound',
  forbidden: 'secretariat.error.forbidden',
  unauthenticated: 'secretariat.error.signedOut',
  csrf_failed: 'secretariat.error.signedOut',
  conflict: 'secretariat.error.conflict',
  rate_limited: 'secretariat.error.rateLimited',
  payload_too_large: 'secretariat.error.tooLarge',
  unsupported_media_type: 'secretariat.error.fileType',
  unsupported_file_type: 'secretariat.error.fileType',
  empty_file: 'secretariat.error.fileEmpty',
  unsafe_archive: 'secretariat.error.unsafeFile',
  round_closed: 'secretariat.error.roundClosed',
  round_not_open: 'secretariat.error.roundNotOpen',
  round_number_taken: 'secretariat.error.roundNumberTaken',
  round_in_use: 'secretariat.error.roundInUse',
  organisation_number_taken: 'secretariat.error.organisationNumberTaken',
  question_has_answers: 'secretariat.error.questionHasAnswers',
  answered_question_changed: 'secretariat.error.answeredQuestionChanged',
  import_failed: 'secretariat.error.importRowsFailed',
  internal_error: 'secretariat.error.server',
  database_unavailable: 'secretariat.error.server',
  http_error: 'secretariat.error.network',
};

/** The message for an error's code; other codes get the app-wide message (lib/api-error-messages.ts). */
export function secretariatErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('secretariat.error.network');
  if (error.code === 'import_failed' && error.fields.file) return t('secretariat.error.importNoNameColumn');
  const key = messageKeyByCode[error.code];
  // a code of another part of the app (or a new one) gets the app-wide message, never the server's
  return key ? t(key) : apiErrorMessage(error, t);
}

/** Catalogue messages for the date problems the server names (contracts' `planDateIssues`). */
const planDateMessageKeys: Record<PlanDateIssue, string> = {
  dateTimeFormat: 'secretariat.field.dateTimeFormat',
  dateFormat: 'secretariat.field.dateFormat',
  notInCalendar: 'secretariat.field.dateNotInCalendar',
  outOfRange: 'secretariat.field.dateOutOfRange',
  notInOslo: 'secretariat.field.timeNotInOslo',
};

/**
 * What is wrong with a date the server refused, in the user's language: a date not in the
 * calendar, outside 2000–2100, or a time skipped when summer time starts. Undefined when the
 * error is not about a date.
 */
export function planDateErrorMessage(error: unknown, t: Translate): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const message of Object.values(error.fields)) {
    const issue = planDateIssueOf(message);
    if (issue) return t(planDateMessageKeys[issue]);
  }
  return undefined;
}

/**
 * A field error in the user's language. The server's field messages are English; which field
 * failed (and under which code) says enough to choose the catalogue message, except for dates,
 * where the server's message says which date problem it is.
 */
export function secretariatFieldMessage(
  field: string,
  code: string,
  t: Translate,
  serverMessage?: string,
): string {
  const dateIssue = planDateIssueOf(serverMessage);
  if (dateIssue) return t(planDateMessageKeys[dateIssue]);
  const name = field.split('.').pop() ?? field;
  if (/^questions\.\d+\./.test(field)) {
    if (code === 'answered_question_changed') {
      if (name === 'kind') return t('secretariat.field.kindKeptByAnswers');
      if (name === 'options') return t('secretariat.field.optionsChosenByAnswers');
    }
    if (name === 'text') return t('secretariat.field.questionText');
    if (name === 'options') return t('secretariat.field.options');
    if (name === 'kind') return t('secretariat.field.kind');
  }
  switch (name) {
    case 'title':
      return t('secretariat.field.required');
    case 'deadline':
    case 'deadlineLocal':
      return t('secretariat.field.deadline');
    case 'opensAt':
    case 'opensAtLocal':
      return t('secretariat.field.opensAt');
    case 'reminderDaysBefore':
      return t('secretariat.field.reminderDays');
    case 'number':
      return t(code === 'round_number_taken' ? 'secretariat.field.numberTaken' : 'secretariat.field.invalid');
    case 'name':
      return t('secretariat.field.name');
    case 'type':
      return t('secretariat.field.actorType');
    case 'organisationNumber':
      return t(
        code === 'organisation_number_taken'
          ? 'secretariat.field.orgNumberTaken'
          : 'secretariat.field.orgNumber',
      );
    case 'contactEmails':
      return t('secretariat.field.emails');
    case 'actorIds':
      return t('secretariat.field.chooseActors');
    case 'file':
      return t(code === 'import_failed' ? 'secretariat.field.nameColumn' : 'secretariat.field.file');
    case 'mapping':
      return t('secretariat.field.mapping');
    default:
      return t('secretariat.field.invalid');
  }
}

/** An API error as a translated message and translated field errors (same keys as the server's). */
export function localiseSecretariatError(
  error: unknown,
  t: Translate,
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of Object.keys(error.fields)) {
      fields[field] = secretariatFieldMessage(field, error.code, t, error.fields[field]);
    }
  }
  return { message: secretariatErrorMessage(error, t), fields };
}

type ImportProblem = ImportReport['files'][number]['problems'][number];

const importProblemCodes = new Set([
  'too_few_questions',
  'missing_actor_column',
  'invalid_organisation_number',
  'invalid_email',
  'required_answer_missing',
  'invalid_answer',
  'already_imported',
  'unreadable_file',
  'write_failed',
]);

/** One problem of a response import's report, from its code and parameters. */
export function importProblemMessage(problem: ImportProblem, t: Translate): string {
  const params = problem.params ?? {};
  if (importProblemCodes.has(problem.code)) return t(`secretariat.import.${problem.code}`, params);
  const key = messageKeyByCode[problem.code];
  return key ? t(key) : t('secretariat.import.unknown', { code: problem.code });
}

type ActorIssue = ActorImportReport['rows'][number]['issues'][number];

const actorIssueCodes = new Set([
  'required',
  'too_long',
  'unknown_actor_type',
  'invalid_organisation_number',
  'invalid_email',
]);

/** One problem of an actor-import row, from its code and the value at fault. */
export function actorIssueMessage(issue: ActorIssue, t: Translate): string {
  const value = issue.value ?? '';
  if (actorIssueCodes.has(issue.code)) {
    return t(`secretariat.actorIssue.${issue.code}`, {
      value,
      field: t(`secretariat.actorField.${issue.field}`),
    });
  }
  return t('secretariat.field.invalid');
}
