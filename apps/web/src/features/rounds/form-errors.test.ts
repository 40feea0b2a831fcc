import { describe, expect, it } from 'vitest';
import type { PublicRound } from '@innspill/contracts';
import { ApiError } from '../../lib/api-client.ts';
import { translate } from '../../i18n/i18n.tsx';
import { localiseRespondentError, summaryEntries } from './form-errors.ts';

const question = (id: string, kind: PublicRound['questions'][number]['kind'], position: number) =>
  ({
    id,
    kind,
    position,
    text: `Spørsmål ${position}`,
    isRequired: true,
    options: ['A', 'B'],
  }) as PublicRound['questions'][number];

const round = {
  id: 'r1',
  number: 1,
  title: 'Runde',
  purpose: '',
  publicationNote: '',
  deadline: '2099-01-01T00:00:00Z',
  effectiveStatus: 'open',
  visibility: 'public',
  latePolicy: 'accept_flagged',
  questions: [question('q1', 'long_text', 1), question('q2', 'single_choice', 2), question('q3', 'scale', 3)],
} as PublicRound;

const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  new ApiError(status, { error: { code, message, ...(fields ? { fields } : {}) } });

describe(localiseRespondentError.name, () => {
  const nb = (key: string, values?: Record<string, string | number>) => translate('nb', key, values);
  const en = (key: string, values?: Record<string, string | number>) => translate('en', key, values);

  it('shows bokmål catalogue strings instead of the server’s English prose for missing answers', () => {
    const result = localiseRespondentError(
      error(422, 'required_answers_missing', 'Answer every required question before you submit.', {
        'answers.q1': 'This question is required.',
      }),
      round,
      nb,
    );
    expect(result.message).toBe('Svar på alle obligatoriske spørsmål før du sender inn.');
    expect(result.fields).toEqual({ 'answers.q1': 'Du må svare på dette spørsmålet.' });
  });

  it('explains each invalid field by what the question asks for, in the chosen language', () => {
    const server = error(400, 'validation_failed', 'Some answers are not valid.', {
      'answers.q1': 'At most 100000 characters.',
      'answers.q2': 'Choose one of the options.',
      'answers.q3': 'Choose a value from 1 to 5.',
      submitterEmail: 'Not a valid email address.',
      body: 'Invalid input',
    });
    const fields = localiseRespondentError(server, round, nb).fields;
    expect(fields['answers.q1']).toMatch(/^Svaret er for langt \(høyst 100\s000 tegn\)\.$/);
    expect({ ...fields, 'answers.q1': undefined }).toEqual({
      'answers.q1': undefined,
      'answers.q2': 'Velg ett av alternativene.',
      'answers.q3': 'Velg en verdi fra 1 til 5.',
      submitterEmail: 'Dette er ikke en gyldig e-postadresse.',
      body: 'Sjekk dette feltet.',
    });
    expect(localiseRespondentError(server, round, en).fields['answers.q2']).toBe(
      'Choose one of the options.',
    );
  });

  it('marks the question an index-based schema error names, with the limit in the reader’s language', () => {
    const server = error(400, 'validation_failed', 'The request is not valid.', {
      'answers.1.text': 'Too big: expected string to have <=100000 characters',
    });
    // The request's answers are in a different order from the round's questions.
    const sent = {
      answers: [
        { questionId: 'q3', value: 3 },
        { questionId: 'q1', text: 'x'.repeat(100_001) },
      ],
    };
    const nbResult = localiseRespondentError(server, round, nb, { sent, locale: 'nb' });
    expect(Object.keys(nbResult.fields)).toEqual(['answers.q1']);
    expect(nbResult.fields['answers.q1']).toMatch(/^Svaret er for langt \(høyst 100\s000 tegn\)\.$/);
    expect(summaryEntries(round, nbResult.fields)).toEqual([
      { fieldId: 'q-q1', message: expect.stringMatching(/^1\. Spørsmål 1: Svaret er for langt/) as unknown },
    ]);
    expect(localiseRespondentError(server, round, en, { sent, locale: 'en' }).fields).toEqual({
      'answers.q1': 'The answer is too long (at most 100,000 characters).',
    });
  });

  it('states the limit for an over-long name, email address or organisation, linked to its field', () => {
    const sent = {
      submitterName: 'n'.repeat(201),
      submitterEmail: `${'e'.repeat(250)}@x.no`,
      organisationName: 'o'.repeat(301),
    };
    const server = error(400, 'validation_failed', 'The request is not valid.', {
      submitterName: 'Too big',
      submitterEmail: 'Too big',
      organisationName: 'Too big',
    });
    const result = localiseRespondentError(server, round, nb, { sent, locale: 'nb' });
    expect(result.fields).toEqual({
      submitterName: 'Navnet er for langt (høyst 200 tegn).',
      submitterEmail: 'E-postadressen er for lang (høyst 254 tegn).',
      organisationName: 'Navnet på organisasjonen er for langt (høyst 300 tegn).',
    });
    expect(summaryEntries(round, result.fields).map((entry) => entry.fieldId)).toEqual([
      'respond-name',
      'respond-email',
      'respond-organisation',
    ]);
    expect(localiseRespondentError(server, round, en, { sent, locale: 'en' }).fields.organisationName).toBe(
      'The organisation name is too long (at most 300 characters).',
    );
    // A short but malformed address is still "not valid", not "too long".
    expect(
      localiseRespondentError(
        error(400, 'validation_failed', 'Check the email address.', { submitterEmail: 'Not valid.' }),
        round,
        nb,
        { sent: { submitterEmail: 'ikke-en-adresse' } },
      ).fields.submitterEmail,
    ).toBe('Dette er ikke en gyldig e-postadresse.');
  });

  it('maps the respondent’s error codes and falls back to the generic message for unknown ones', () => {
    expect(
      localiseRespondentError(error(409, 'round_closed', 'The deadline has passed.'), round, nb).message,
    ).toBe('Fristen er passert, og runden tar ikke imot flere svar eller endringer.');
    expect(
      localiseRespondentError(error(415, 'unsupported_file_type', '"x.exe" is not …'), round, nb).message,
    ).toMatch(/^Filen er ikke en PDF/);
    const empty = error(400, 'empty_file', '"tom.txt" is empty (0 bytes). Choose a file with content.');
    expect(localiseRespondentError(empty, round, nb).message).toBe('Filen er tom. Velg en fil med innhold.');
    expect(localiseRespondentError(empty, round, en).message).toBe(
      'The file is empty. Choose a file with content.',
    );
    expect(
      localiseRespondentError(error(500, 'internal_error', 'Something went wrong.'), round, nb).message,
    ).toBe(translate('nb', 'app.error.generic'));
  });
});
