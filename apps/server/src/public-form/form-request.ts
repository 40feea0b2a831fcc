import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { hashSecretToken, secretsEqual } from '@innspill/core';

/** The two body types a plain HTML form can send; anything else is refused with 415. */
export const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;

export function bodyMediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isFormContentType(request: FastifyRequest): boolean {
  return (formContentTypes as readonly string[]).includes(bodyMediaType(request));
}

const maxFieldBytes = 2 * 1024 * 1024;

/** The form's fields together are larger than any real answer form. */
export class FormTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_PLAIN_FORM_TOO_LARGE';
  constructor() {
    super('The form is too large.');
  }
}

/** Every field of a posted form, each with all its values (checkboxes repeat a name). */
export type FormFields = Map<string, string[]>;

export interface PostedForm {
  fields: FormFields;
  /** The chosen file, if any (an empty file input sends a nameless, empty part: ignored). */
  file: { fileName: string; bytes: Uint8Array } | undefined;
  /** The upload was over the size limit: the fields read before it are kept, the file is not. */
  isFileTooLarge: boolean;
}

export function fieldValue(fields: FormFields, name: string): string {
  return fields.get(name)?.[0] ?? '';
}

/** The urlencoded body parser of the plain-form scope (the API scope has none). */
export function parseUrlEncoded(body: string): FormFields {
  const fields: FormFields = new Map();
  for (const [name, value] of new URLSearchParams(body)) {
    const list = fields.get(name);
    if (list) list.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}

/**
 * Reads the posted form, urlencoded or multipart. Multipart parts arrive in document order and
 * the hidden fields come first in every form, so a too-large file still leaves the answers typed
 * before it readable (the page is shown again with them and an error at the file field).
 */
export async function readPostedForm(request: FastifyRequest, maxUploadBytes: number): Promise<PostedForm> {
  if (!request.isMultipart()) {
    return {
      fields: (request.body as FormFields | undefined) ?? new Map(),
      file: undefined,
      isFileTooLarge: false,
    };
  }
  const fields: FormFields = new Map();
  let file: PostedForm['file'];
  let isFileTooLarge = false;
  let fieldBytes = 0;
  // Per field: a long answer (100,000 characters) in UTF-8. All fields together: 2 MiB, the text
  // of a large form, so a flood of fields cannot hold hundreds of megabytes in memory.
  const parts = request.parts({
    limits: { fileSize: maxUploadBytes, files: 1, fields: 500, fieldSize: 400_000, parts: 520 },
  });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        // No file chosen comes as a part without a name; a named empty file is kept, so the
        // respondent is told it is empty instead of it being dropped without a word.
        if (part.filename) file = { fileName: part.filename, bytes: new Uint8Array(bytes) };
        continue;
      }
      const value = typeof part.value === 'string' ? part.value : String(part.value ?? '');
      fieldBytes += Buffer.byteLength(value) + part.fieldname.length;
      if (fieldBytes > maxFieldBytes) throw new FormTooLargeError();
      const list = fields.get(part.fieldname);
      if (list) list.push(value);
      else fields.set(part.fieldname, [value]);
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
    isFileTooLarge = true;
    file = undefined;
  }
  return { fields, file, isFileTooLarge };
}

/**
 * Cross-site request check for the plain forms, which have no session cookie to protect but still
 * must not be driven from another site: a browser's `Sec-Fetch-Site` must say same-origin (or
 * none, a user-typed request), and an `Origin` header, when sent, must be this server's own origin
 * (as the browser addressed it, or the configured public URL). `Origin: null` (what a page with
 * `referrerpolicy=no-referrer` or a sandboxed frame sends) is refused, which is why the plain pages
 * use `Referrer-Policy: same-origin`. Requests without either header (old browsers, curl) fall
 * through to the per-page form token.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  return own.has(origin);
}

/**
 * The per-page form token: an HMAC, under the instance's cookie-signing key, of what the page is
 * for (one round's public form, or one secret link). A form posted to a link must carry the token
 * of that very link, which only a page served for the link contains.
 */
export function formTokenFor(secret: string, scope: { roundId: string } | { linkToken: string }): string {
  const subject = 'roundId' in scope ? `round:${scope.roundId}` : `link:${hashSecretToken(scope.linkToken)}`;
  return createHmac('sha256', secret).update(`innspill-plain-form:${subject}`).digest('base64url');
}

export function isFormTokenValid(
  secret: string,
  scope: { roundId: string } | { linkToken: string },
  given: string,
): boolean {
  return given.length > 0 && secretsEqual(formTokenFor(secret, scope), given);
}

/**
 * A fresh key for the public form's page: a repeated post of the same page (a double-clicked
 * "Send inn" or "Lagre utkast") carries it again and lands on the response the first one made.
 */
export function newIdempotencyKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The secret link of the response a public form page starts: an HMAC, under the instance's
 * cookie-signing key, of the round and the page's idempotency key. A repeated post of the page
 * gets the same link back, so the respondent ends on the draft the first post made. The key is
 * only in the page served to that visitor; the database stores it, but only the link's hash, and
 * the link cannot be derived without the instance's key.
 */
export function responseLinkTokenFor(secret: string, roundId: string, idempotencyKey: string): string {
  return createHmac('sha256', secret)
    .update(`innspill-plain-form-response:${roundId}:${idempotencyKey}`)
    .digest('base64url');
}
