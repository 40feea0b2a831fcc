import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { translate, type Locale } from '../i18n/i18n.tsx';
import { apiErrorMessage, apiErrorSummary, localiseApiError, textLimitError } from './api-error-messages.ts';

const tIn = (locale: Locale) => (key: string, values?: Record<string, string | number>) =>
  translate(locale, key, values);
const nb = tIn('nb');
const en = tIn('en');

const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  new ApiError(status, { error: { code, message, ...(fields ? { fields } : {}) } });

/** Every code the server's error handler maps (statusByCode) plus the ones it makes itself. */
const serverCodes = [
  'not_found',
  'forbidden',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'email_taken',
  'slug_taken',
  'canvas_locked',
  'headline_exists',
  'body_name_taken',
  'body_in_involvement_log',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'database_unavailable',
  'unsupported_file_type',
  'validation_failed',
  'bad_request',
  'invalid_text',
  'internal_error',
  'invalid_setup_link',
  'weak_password',
  'invalid_transition',
  'invalid_section',
];

describe(apiErrorMessage.name, () => {
  it('has a message in both languages for every code, never the server’s English', () => {
    for (const code of serverCodes) {
      for (const t of [nb, en]) {
        const message = apiErrorMessage(error(400, code, 'English prose from the server.'), t);
        expect(message, code).not.toMatch(/^apiError\./);
        expect(message, code).not.toContain('English prose');
        expect(message, code).not.toContain(code);
      }
    }
    expect(apiErrorMessage(error(409, 'body_name_taken', 'A body with this name exists already.'), nb)).toBe(
      'Prosessen har allerede et organ med dette navnet. Velg et annet navn.',
    );
  });

  it('falls back to a translated message naming an unknown code, and to a network message', () => {
    expect(apiErrorMessage(error(418, 'teapot', 'I am a teapot.'), nb)).toBe(
      'Noe gikk galt (feilkode teapot). Prøv igjen.',
    );
    expect(apiErrorMessage(new TypeError('Failed to fetch'), en)).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
  });
});

describe(localiseApiError.name, () => {
  it('translates field errors by field, code and what was sent', () => {
    const tooLong = 'x'.repeat(301);
    const localised = localiseApiError(
      error(
        400,
        'validation_failed',
        'The request is not valid: name: Too big: expected string to have <=300 characters',
        {
          name: 'Too big: expected string to have <=300 characters',
          recipient: 'Invalid input',
          date: 'Invalid date.',
        },
      ),
      nb,
      { limits: { name: 300, recipient: 300 }, values: { name: tooLong, recipient: '' } },
    );
    expect(localised).toEqual({
      message: 'Noen felt må rettes.',
      fields: { name: 'Høyst 300 tegn.', recipient: 'Må fylles ut.', date: 'Oppgi en gyldig dato.' },
    });
    expect(
      localiseApiError(
        error(400, 'validation_failed', 'The current password is wrong.', {
          currentPassword: 'Wrong password.',
        }),
        nb,
      ).fields,
    ).toEqual({ currentPassword: 'Passordet er feil.' });
    expect(
      localiseApiError(
        error(409, 'body_name_taken', 'A body with this name exists already.', { name: 'Taken.' }),
        en,
      ).fields,
    ).toEqual({ name: 'The name is already in use.' });
  });
});

describe(apiErrorSummary.name, () => {
  it('names the fields with their labels for a validation error, and only the message otherwise', () => {
    expect(
      apiErrorSummary(error(400, 'validation_failed', 'Too big', { text: 'Too big' }), nb, {
        labels: { text: 'Tekst' },
        limits: { text: 4000 },
        values: { text: 'x'.repeat(4001) },
      }),
    ).toBe('Noen felt må rettes. Tekst: Høyst 4000 tegn.');
    expect(apiErrorSummary(error(409, 'body_name_taken', 'Exists.', { name: 'Taken.' }), en)).toBe(
      'The process already has a body with this name. Choose another name.',
    );
  });
});

describe(textLimitError.name, () => {
  it('states the limit only when the text is over it', () => {
    expect(textLimitError('x'.repeat(300), 300, nb)).toBeUndefined();
    expect(textLimitError('x'.repeat(301), 300, nb)).toBe('Teksten har 301 tegn. Høyst 300 tegn er tillatt.');
  });
});
