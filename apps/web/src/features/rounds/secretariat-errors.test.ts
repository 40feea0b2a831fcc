import { describe, expect, it } from 'vitest';
import { planDateIssues } from '@innspill/contracts';
import { ApiError } from '../../lib/api-client.ts';
import { translate, type Locale } from '../../i18n/i18n.tsx';
import {
  actorIssueMessage,
  importProblemMessage,
  localiseSecretariatError,
  planDateErrorMessage,
  secretariatErrorMessage,
} from './secretariat-errors.ts';

const tIn = (locale: Locale) => (key: string, values?: Record<string, string | number>) =>
  translate(locale, key, values);
const nb = tIn('nb');
const en = tIn('en');

const error = (status: number, code: string, message: string, fields?: Record<string, string>) =>
  new ApiError(status, { error: { code, message, ...(fields ? { fields } : {}) } });

/** Codes the secretariat's round pages can get from the server (error-handler.ts and core). */
const knownCodes = [
  'validation_failed',
  'bad_request',
  'invalid_text',
  'not_found',
  'forbidden',
  'unauthenticated',
  'csrf_failed',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_file_type',
  'unsafe_archive',
  'round_closed',
  'round_not_open',
  'round_number_taken',
  'round_in_use',
  'organisation_number_taken',
  'question_has_answers',
  'answered_question_changed',
  'import_failed',
  'internal_error',
  'database_unavailable',
];

describe(secretariatErrorMessage.name, () => {
  it('has a catalogue message in both languages for every code, never the server’s English', () => {
    for (const code of knownCodes) {
      const apiError = error(400, code, 'English prose from the server.');
      for (const t of [nb, en]) {
        const message = secretariatErrorMessage(apiError, t);
        expect(message, code).not.toMatch(/^secretariat\./);
        expect(message, code).not.toContain('English prose');
      }
    }
    expect(secretariatErrorMessage(error(409, 'round_closed', 'The round is closed.'), nb)).toBe(
      'Runden er stengt: fristen er passert.',
    );
    expect(secretariatErrorMessage(error(409, 'round_closed', 'The round is closed.'), en)).toBe(
      'The round is closed: the deadline has passed.',
    );
  });

  it('falls back to a translated message naming an unknown code, and to a network message', () => {
    expect(secretariatErrorMessage(error(418, 'teapot', 'I am a teapot.'), nb)).toBe(
      'Noe gikk galt (feilkode teapot). Prøv igjen.',
    );
    expect(secretariatErrorMessage(error(418, 'teapot', 'I am a teapot.'), en)).toBe(
      'Something went wrong (error code teapot). Try again.',
    );
    expect(secretariatErrorMessage(new TypeError('Failed to fetch'), en)).toBe(
      'Could not reach the server. Check your connection and try again.',
    );
  });

  it('tells a missing name column from rows with errors in an actor import', () => {
    expect(
      secretariatErrorMessage(
        error(422, 'import_failed', 'The file needs a "name" column.', { file: 'x' }),
        en,
      ),
    ).toMatch(/no name column/);
    expect(
      secretariatErrorMessage(error(422, 'import_failed', 'Nothing was imported: 2 row(s)…'), en),
    ).toMatch(/some rows have errors/);
  });
});

describe(localiseSecretariatError.name, () => {
  it('translates field errors by field and code, keeping the server’s field names', () => {
    const saved = localiseSecretariatError(
      error(400, 'validation_failed', 'Some questions are not valid.', {
        'questions.0.text': 'Required.',
        'questions.2.options': 'Give at least two options.',
        reminderDaysBefore: 'Between 1 and 60 days.',
        somethingNew: 'Bad.',
      }),
      nb,
    );
    expect(saved).toEqual({
      message: 'Noen felt må rettes. Se feilene under.',
      fields: {
        'questions.0.text': 'Skriv spørsmålsteksten.',
        'questions.2.options': 'Gi minst to ulike svaralternativer.',
        reminderDaysBefore: 'Oppgi mellom 1 og 60 dager.',
        somethingNew: 'Ugyldig verdi.',
      },
    });
    const taken = localiseSecretariatError(
      error(
        409,
        'organisation_number_taken',
        'An actor with organisation number 974760673 is already registered.',
        {
          organisationNumber: 'Already registered.',
        },
      ),
      en,
    );
    expect(taken.fields).toEqual({ organisationNumber: 'Already registered.' });
    const invalid = localiseSecretariatError(
      error(400, 'validation_failed', 'The actor is not valid.', { organisationNumber: 'Not valid.' }),
      nb,
    );
    expect(invalid.fields.organisationNumber).toBe(
      'Ikke et gyldig organisasjonsnummer (ni siffer med kontrollsiffer).',
    );
  });
});

describe('answered questions', () => {
  it('says why a change to an answered question was refused, at the question, in both languages', () => {
    const refused = error(409, 'answered_question_changed', 'Some questions already have answers…', {
      'questions.1.kind': 'This question already has answers: its kind cannot change.',
      'questions.2.options':
        'Answers chose "UH": an option that has been chosen cannot be removed or renamed.',
    });
    expect(localiseSecretariatError(refused, nb)).toEqual({
      message:
        'Ingenting ble lagret: endringen ville gjort at svar som er gitt, ikke lenger passer spørsmålet sitt.',
      fields: {
        'questions.1.kind':
          'Spørsmålet har svar, så typen kan ikke endres (bortsett fra kort tekst til lang tekst).',
        'questions.2.options':
          'Svar har valgt et alternativ du har fjernet eller endret. Sett det tilbake; nye alternativer kan du legge til.',
      },
    });
    expect(localiseSecretariatError(refused, en).fields['questions.1.kind']).toBe(
      'This question has answers, so its type cannot change (except short text to long text).',
    );
  });
});

describe('date field errors', () => {
  const refused = (fields: Record<string, string>) =>
    error(400, 'validation_failed', 'The request is not valid.', fields);

  it('says which date problem it is, in bokmål and English, for the round form fields', () => {
    const deadline = refused({
      deadlineLocal: planDateIssues.notInOslo,
      opensAtLocal: planDateIssues.notInCalendar,
    });
    expect(localiseSecretariatError(deadline, nb).fields).toEqual({
      deadlineLocal:
        'Klokkeslettet finnes ikke i norsk tid: natten sommertid begynner, går klokka fra 02:00 rett til 03:00. Velg et annet klokkeslett.',
      opensAtLocal: 'Datoen finnes ikke i kalenderen (for eksempel 30. februar).',
    });
    expect(
      localiseSecretariatError(refused({ deadlineLocal: planDateIssues.outOfRange }), en).fields,
    ).toEqual({
      deadlineLocal: 'Choose a date from the year 2000 to 2100.',
    });
    // Any other deadline problem keeps the general deadline message.
    expect(
      localiseSecretariatError(refused({ deadlineLocal: 'In the past.' }), nb).fields.deadlineLocal,
    ).toBe('Oppgi en gyldig frist i norsk tid. For å åpne runden må fristen være fram i tid.');
  });

  it('gives the plan forms (milestones, deliverables, involvement) a message for a refused date', () => {
    expect(planDateErrorMessage(refused({ date: planDateIssues.outOfRange }), nb)).toBe(
      'Velg en dato fra år 2000 til og med 2100.',
    );
    expect(planDateErrorMessage(refused({ date: planDateIssues.notInCalendar }), en)).toBe(
      'This date does not exist in the calendar (for example 30 February).',
    );
    expect(planDateErrorMessage(refused({ title: 'Required.' }), nb)).toBeUndefined();
  });
});

describe(importProblemMessage.name, () => {
  it('fills the problem’s parameters into the catalogue message', () => {
    const problem = (code: string, params?: Record<string, string | number>) => ({
      code,
      params,
      message: 'English',
    });
    expect(importProblemMessage(problem('invalid_organisation_number', { value: '123' }), nb)).toBe(
      '«123» er ikke et gyldig organisasjonsnummer.',
    );
    expect(importProblemMessage(problem('too_few_questions', { column: 'q5', count: 2 }), en)).toBe(
      'Column q5: the round has only 2 questions.',
    );
    expect(importProblemMessage(problem('required_answer_missing', { question: 3 }), nb)).toBe(
      'Spørsmål 3 må besvares, men er tomt.',
    );
    expect(importProblemMessage(problem('unsafe_archive'), en)).toMatch(/cannot be opened safely/);
    expect(importProblemMessage(problem('empty_file'), nb)).toBe('Filen er tom (0 byte).');
    expect(importProblemMessage(problem('brand_new'), nb)).toBe('Filen har en feil (feilkode brand_new).');
  });
});

describe(actorIssueMessage.name, () => {
  it('names the field and the value at fault', () => {
    expect(actorIssueMessage({ field: 'type', code: 'unknown_actor_type', value: 'romvesen' }, nb)).toBe(
      'Type: ukjent aktørtype «romvesen».',
    );
    expect(actorIssueMessage({ field: 'contactEmails', code: 'invalid_email', value: 'x@' }, en)).toBe(
      'Email: “x@” is not a valid email address.',
    );
    expect(actorIssueMessage({ field: 'name', code: 'mystery' }, en)).toBe('Invalid value.');
  });
});
