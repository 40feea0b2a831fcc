import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '@innspill/core';

/** Domain error code → HTTP status. Codes not listed here are 400 (a rule the request broke). */
const statusByCode: Record<string, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  email_taken: 409,
  slug_taken: 409,
  canvas_locked: 409,
  headline_exists: 409,
  body_name_taken: 409,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  unsupported_media_type: 415,
  database_unavailable: 503,
  round_closed: 409,
  round_not_open: 409,
  round_number_taken: 409,
  round_in_use: 409,
  organisation_number_taken: 409,
  question_has_answers: 409,
  answered_question_changed: 409,
  body_in_involvement_log: 409,
  submission_withdrawn: 409,
  not_submitted: 409,
  too_many_attachments: 409,
  unsupported_file_type: 415,
  unsafe_archive: 422,
  required_answers_missing: 422,
  import_failed: 422,
};

/**
 * PostgreSQL (and PGlite) refuse text they cannot store, e.g. a NUL byte in a URL or a JSON
 * string: SQLSTATE 22021 (character_not_in_repertoire), 22P05 (untranslatable_character). That is
 * bad input, not a server fault, so it is a 400 rather than a 500.
 */
const invalidTextSqlStates = new Set(['22021', '22P05']);

function isInvalidTextError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && invalidTextSqlStates.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function statusForCode(code: string): number {
  return statusByCode[code] ?? 400;
}

/**
 * One place maps errors to `{ error: { code, message, fields? } }` (design.md §4, conventions §9).
 * 5xx messages are always generic; the real error goes to the log only.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
        fields[path] ??= issue.message ?? 'Invalid value.';
      }
      const summary = Object.entries(fields)
        .map(([field, message]) => `${field}: ${message}`)
        .join('; ');
      return reply.status(400).send({
        error: { code: 'validation_failed', message: `The request is not valid: ${summary}`, fields },
      });
    }
    if (error instanceof DomainError) {
      const fields = (error.details?.fields ?? undefined) as Record<string, string> | undefined;
      return reply
        .status(statusForCode(error.code))
        .send({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } });
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({
          error: { code: 'rate_limited', message: 'Too many attempts. Wait a minute and try again.' },
        });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'The file is larger than the upload limit.' } });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'The request is too large.' } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return reply
        .status(415)
        .send({ error: { code: 'unsupported_media_type', message: 'Send JSON (application/json).' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'bad_request', message: error.message || 'The request is not valid.' } });
    }
    if (isInvalidTextError(error)) {
      return reply
        .status(400)
        .send({
          error: {
            code: 'invalid_text',
            message: 'The request contains characters that cannot be stored (such as NUL).',
          },
        });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({
        error: { code: 'internal_error', message: 'Something went wrong on our side. Try again later.' },
      });
  });
}
