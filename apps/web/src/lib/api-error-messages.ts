import { ApiError } from './api-client.ts';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Server error codes (apps/server error-handler.ts and the domain errors of packages/core) with
 * the catalogue message for each. The server's `message` is English prose for the CLI and the
 * logs; the web app never shows it, so a page in bokmål stays in bokmål.
 */
const messageKeyByCode: Record<string, string> = {
  validation_failed: 'apiError.validation',
  bad_request: 'apiError.validation',
  invalid_text: 'apiError.invalidText',
  not_found: 'apiError.notFound',
  forbidden: 'apiError.forbidden',
  unauthenticated: 'apiError.signedOut',
  csrf_failed: 'apiError.signedOut',
  invalid_credentials: 'apiError.invalidCredentials',
  invalid_setup_link: 'apiError.invalidSetupLink',
  email_taken: 'apiError.emailTaken',
  weak_password: 'apiError.weakPassword',
  slug_taken: 'apiError.slugTaken',
  body_name_taken: 'apiError.bodyNameTaken',
  body_in_involvement_log: 'apiError.bodyInInvolvementLog',
  canvas_locked: 'apiError.canvasLocked',
  headline_exists: 'apiError.headlineExists',
  invalid_transition: 'apiError.invalidTransition',
  invalid_section: 'apiError.invalidSection',
  conflict: 'apiError.conflict',
  rate_limited: 'apiError.rateLimited',
  payload_too_large: 'apiError.tooLarge',
  unsupported_media_type: 'apiError.fileType',
  unsupported_file_type: 'apiError.fileType',
  internal_error: 'apiError.server',
  database_unavailable: 'apiError.server',
  http_error: 'apiError.network',
};

/** Field messages that follow from the error's code alone (the field is the one the code names). */
const fieldKeyByCode: Record<string, string> = {
  body_name_taken: 'apiField.nameTaken',
  email_taken: 'apiField.emailTaken',
  slug_taken: 'apiField.slugTaken',
  weak_password: 'apiField.weakPassword',
};

/** Field messages that follow from the field: the server's reason for it can only be this one. */
const fieldKeyByName: Record<string, string> = {
  currentPassword: 'apiField.wrongPassword',
  email: 'apiField.email',
  submitterEmail: 'apiField.email',
  date: 'apiField.date',
};

/** Whether the code is one this module has a message for (else the message names the code). */
export function isKnownErrorCode(code: string): boolean {
  return code in messageKeyByCode;
}

/**
 * The message for an error in the reader's language, chosen by `error.code`. An unknown code gets
 * a translated generic message naming the code; anything that is not an API error (the request
 * never reached the server) gets the network message.
 */
export function apiErrorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('apiError.network');
  if (error.code === 'validation_failed' && Object.keys(error.fields).length === 0) {
    return t('apiError.validationNoFields');
  }
  const key = messageKeyByCode[error.code];
  return key ? t(key) : t('apiError.unknown', { code: error.code });
}

export interface FieldContext {
  /** The longest text each field accepts (the contract's limit), by the server's field name. */
  limits?: Record<string, number>;
  /** What was sent, by field name: a limit message needs to know the text was too long. */
  values?: Record<string, string | undefined>;
}

/**
 * A field error in the reader's language. The server's field messages are English; the field,
 * the error's code and what was sent say enough to choose the catalogue message.
 */
export function apiFieldMessage(
  field: string,
  code: string,
  t: Translate,
  context: FieldContext = {},
): string {
  const name = field.split('.').pop() ?? field;
  const byCode = fieldKeyByCode[code];
  if (byCode) return t(byCode);
  const value = context.values?.[name];
  const limit = context.limits?.[name];
  if (value !== undefined && !value.trim()) return t('apiField.required');
  if (value !== undefined && limit !== undefined && value.trim().length > limit) {
    return t('apiField.tooLong', { max: limit });
  }
  const byName = fieldKeyByName[name];
  return byName ? t(byName) : t('apiField.invalid');
}

/** An API error as a translated message and translated field errors (same keys as the server's). */
export function localiseApiError(
  error: unknown,
  t: Translate,
  context: FieldContext = {},
): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const field of Object.keys(error.fields)) {
      fields[field] = apiFieldMessage(field, error.code, t, context);
    }
  }
  return { message: apiErrorMessage(error, t), fields };
}

/**
 * A form's single error line: the field messages (labelled) when the server named fields, else
 * the code's message. For forms that show one alert rather than a message under each field.
 */
export function apiErrorSummary(
  error: unknown,
  t: Translate,
  context: FieldContext & { labels?: Record<string, string> } = {},
): string {
  const { message, fields } = localiseApiError(error, t, context);
  const entries = Object.entries(fields);
  const isValidation = error instanceof ApiError && error.code === 'validation_failed';
  if (!isValidation || entries.length === 0) return message;
  const parts = entries.map(([field, text]) => {
    const label = context.labels?.[field.split('.').pop() ?? field];
    return label ? `${label}: ${text}` : text;
  });
  return `${message} ${parts.join(' ')}`;
}

/** A message for a text longer than its limit (shown under the field before anything is sent). */
export function textLimitError(value: string, limit: number, t: Translate): string | undefined {
  return value.trim().length > limit
    ? t('apiField.tooLongNow', { max: limit, count: value.trim().length })
    : undefined;
}
