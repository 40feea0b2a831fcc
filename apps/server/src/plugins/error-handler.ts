import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind } from '@innspill/core';

/**
 * The HTTP status of each kind of domain error. Every `DomainError` names its kind where it is
 * defined, so there is no code → status table to keep up to date, and the switch is exhaustive:
 * a new kind does not compile until it has a status here.
 */
export function statusForKind(kind: DomainErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'unprocessable':
      return 422;
    case 'rate_limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

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

/** The HTTP status a domain error is answered with. */
export function statusForError(error: DomainError): number {
  return statusForKind(error.kind);
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
        .status(statusForError(error))
        .send({ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({
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
      return reply.status(400).send({
        error: {
          code: 'invalid_text',
          message: 'The request contains characters that cannot be stored (such as NUL).',
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: { code: 'internal_error', message: 'Something went wrong on our side. Try again later.' },
    });
  });
}
