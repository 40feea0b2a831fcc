import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses, type Clock } from '@innspill/core';
import { buildActor, buildMember, buildProcess, buildRound } from '@innspill/core/testing';
import { buildTestApp, type TestApp } from '../testing/build-test-app.ts';
import { publicFormRoutes } from './public-form.routes.ts';
import { hidden, makePdf, multipart, receiptCodeOf, urlencoded } from './public-form.test-support.ts';

let testApp: TestApp;
let now = new Date('2026-11-28T12:00:00Z');
const clock: Clock = { now: () => new Date(now.getTime()) };
const deadline = new Date('2099-05-11T21:59:00Z');
const lateDay = new Date('2099-05-12T08:00:00Z');

type Round = Awaited<ReturnType<typeof buildRound>>;
let round: Round;
let refusingRound: Round;
/** Question ids by kind, in the order the round asks them. */
let q: Record<'long' | 'short' | 'single' | 'multiple' | 'scale' | 'number', string>;

const questionSpecs = [
  { kind: 'long_text' as const, text: 'Hvilke utfordringer ser dere?', isRequired: true },
  { kind: 'short_text' as const, text: 'Hvem svarer dere for?', isRequired: false },
  {
    kind: 'single_choice' as const,
    text: 'Hvor viktig er dette?',
    isRequired: false,
    options: ['Lite', 'Mye'],
  },
  {
    kind: 'multiple_choice' as const,
    text: 'Hvilke områder gjelder det?',
    isRequired: false,
    options: ['Forskning', 'Utdanning', 'Formidling'],
  },
  { kind: 'scale' as const, text: 'Vurder behovet', isRequired: false },
  { kind: 'number' as const, text: 'Hvor mange studenter?', isRequired: false },
];

beforeAll(async () => {
  testApp = await buildTestApp({
    clock,
    env: { INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-plain-form-')), INNSPILL_MAX_UPLOAD_MB: '1' },
  });
  round = await buildRound(testApp.db, {
    title: 'Innspillsrunde 1',
    purpose: 'Hva er de viktigste utfordringene for sektoren?',
    publicationNote: 'Svarene publiseres med navn på organisasjonen når dere samtykker.',
    deadline,
    latePolicy: 'accept_flagged',
    questions: questionSpecs,
  });
  refusingRound = await buildRound(testApp.db, {
    title: 'Runde som avviser sene svar',
    deadline,
    latePolicy: 'refuse',
    questions: [{ kind: 'long_text', text: 'Hva mener dere?', isRequired: true }],
  });
  const ids = round.questions.map((question) => question.id);
  q = { long: ids[0]!, short: ids[1]!, single: ids[2]!, multiple: ids[3]!, scale: ids[4]!, number: ids[5]! };
});

afterAll(async () => {
  await testApp?.close();
});

/** The fields of a complete answer as the form posts them. */
function answerFields(
  overrides: Partial<Record<keyof typeof q, string | string[]>> = {},
): [string, string][] {
  const values: Record<keyof typeof q, string | string[]> = {
    long: 'Vi trenger bedre samarbeid om digitale tjenester.',
    short: 'Fakultetet',
    single: 'Mye',
    multiple: ['Forskning', 'Formidling'],
    scale: '4',
    number: '3,5',
    ...overrides,
  };
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries(values) as [keyof typeof q, string | string[]][]) {
    for (const item of Array.isArray(value) ? value : [value]) fields.push([`q.${q[key]}`, item]);
  }
  fields.push(
    ['submitterName', 'Kari Nordmann'],
    ['submitterEmail', 'kari@example.test'],
    ['organisationName', 'Universitetet i Testby'],
    ['declaredActorType', 'universitet'],
    ['publicationConsent', 'yes'],
  );
  return fields;
}

async function openRoundForm(roundId = round.round.id) {
  const page = await testApp.app.inject({ method: 'GET', url: `/svar/r/${roundId}` });
  expect(page.statusCode).toBe(200);
  return {
    formToken: hidden(page.body, 'formToken'),
    idempotencyKey: hidden(page.body, 'idempotencyKey'),
    body: page.body,
  };
}

/** Starts a draft through the public form and returns its secret link token. */
async function startDraft(fields: [string, string][] = answerFields()) {
  const { formToken, idempotencyKey } = await openRoundForm();
  const saved = await testApp.app.inject({
    method: 'POST',
    url: `/svar/r/${round.round.id}`,
    ...urlencoded([
      ['formToken', formToken],
      ['idempotencyKey', idempotencyKey],
      ...fields,
      ['action', 'save'],
    ]),
  });
  expect(saved.statusCode).toBe(303);
  const location = saved.headers.location as string;
  expect(location).toMatch(/^\/svar\/i\/[\w-]{20,}\?lagret=1$/);
  const token = /\/svar\/i\/([\w-]+)/.exec(location)![1]!;
  const linkPage = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
  return { token, linkFormToken: hidden(linkPage.body, 'formToken'), linkPage };
}

describe(publicFormRoutes.name, () => {
  it('renders the plain form of a public round: purpose, all six question kinds, deadline in Oslo time, consent', async () => {
    const page = await testApp.app.inject({ method: 'GET', url: `/svar/r/${round.round.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const body = page.body;
    expect(body).toContain('<html lang="nb">');
    expect(body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(body).toContain('<a class="skip-link" href="#innhold">Hopp til hovedinnholdet</a>');
    expect(body).not.toContain('<script');
    expect(body).toContain('<h1>Innspillsrunde 1</h1>');
    expect(body).toContain('Hva er de viktigste utfordringene for sektoren?');
    expect(body).toContain('Frist: mandag 11. mai 2099 kl. 23:59 (norsk tid)');
    expect(body).toContain('Svarene publiseres med navn på organisasjonen når dere samtykker.');
    // long text, short text, number: labelled controls
    expect(body).toContain(`<label for="q-${q.long}">`);
    expect(body).toMatch(new RegExp(`<textarea id="q-${q.long}" name="q.${q.long}" rows="8" required>`));
    expect(body).toMatch(new RegExp(`<input id="q-${q.short}" name="q.${q.short}" type="text"`));
    expect(body).toMatch(
      new RegExp(
        `<input id="q-${q.number}" name="q.${q.number}" type="text" inputmode="decimal"[^>]*aria-describedby="q-${q.number}-hint"`,
      ),
    );
    // choices: fieldset + legend, one labelled radio/checkbox per option, five for the scale
    expect(body.match(/<fieldset class="field/g)).toHaveLength(3);
    expect(body).toContain('<legend><span class="question-number">3.</span> Hvor viktig er dette?</legend>');
    expect(body).toContain(`<input id="q-${q.single}-1" name="q.${q.single}" type="radio" value="Mye">`);
    expect(body).toContain(
      `<input id="q-${q.multiple}-2" name="q.${q.multiple}" type="checkbox" value="Formidling">`,
    );
    expect(body.match(new RegExp(`name="q.${q.scale}" type="radio"`, 'g'))).toHaveLength(5);
    for (const label of [
      'Navn',
      'E-post',
      'Organisasjon',
      'Type aktør',
      'Ja, svaret kan publiseres',
      'Nei, svaret skal ikke publiseres',
    ]) {
      expect(body).toContain(`>${label}</label>`);
    }
    expect(body).toContain(
      '<button type="submit" class="button-secondary" name="action" value="save">Lagre utkast</button>',
    );
    expect(body).toContain(
      '<button type="submit" class="button-primary" name="action" value="submit">Send inn</button>',
    );
    expect(body).toContain('Du kan legge ved filer når du har lagret et utkast.');
    expect(hidden(body, 'formToken')).toMatch(/^[\w-]{40,}$/);
    expect(hidden(body, 'idempotencyKey')).toMatch(/^[\w-]{20,}$/);

    const css = await testApp.app.inject({ method: 'GET', url: '/svar/skjema.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.body).toContain(':focus-visible');
  });

  it('speaks English with ?lang=en or Accept-Language, and keeps ?lang on the form action', async () => {
    const byQuery = await testApp.app.inject({ method: 'GET', url: `/svar/r/${round.round.id}?lang=en` });
    expect(byQuery.body).toContain('<html lang="en">');
    expect(byQuery.body).toContain('Deadline: Monday, 11 May 2099 at 23:59 (Norwegian time)');
    expect(byQuery.body).toContain('>Save draft</button>');
    expect(byQuery.body).toContain(`action="/svar/r/${round.round.id}?lang=en"`);
    const byHeader = await testApp.app.inject({
      method: 'GET',
      url: `/svar/r/${round.round.id}`,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(byHeader.body).toContain('<html lang="en">');
    expect(byHeader.body).toContain(`action="/svar/r/${round.round.id}"`);
  });

  it('saves a draft, and the same link brings every answer back', async () => {
    const { token, linkPage } = await startDraft();
    expect(linkPage.statusCode).toBe(200);
    const body = linkPage.body;
    expect(body).toContain('Vi trenger bedre samarbeid om digitale tjenester.</textarea>');
    expect(body).toContain(`value="Fakultetet"`);
    expect(body).toContain(`name="q.${q.single}" type="radio" value="Mye" checked`);
    expect(body).toContain(`name="q.${q.multiple}" type="checkbox" value="Forskning" checked`);
    expect(body).toContain(`name="q.${q.multiple}" type="checkbox" value="Utdanning">`);
    expect(body).toContain(`name="q.${q.scale}" type="radio" value="4" checked`);
    expect(body).toContain(`value="3.5"`);
    expect(body).toContain('value="kari@example.test"');
    expect(body).toContain('<option value="universitet" selected>Universitet</option>');
    expect(body).toContain('value="yes" checked');
    expect(body).toContain(`http://localhost:3000/svar/i/${token}`);
    expect(body).toContain('name="file" type="file"');
    const saved = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}?lagret=1` });
    expect(saved.body).toContain('Utkastet er lagret.');
  });

  it('refuses a submit with a missing required answer with 422, an error summary and the typed text kept', async () => {
    const { formToken, idempotencyKey } = await openRoundForm();
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([
        ['formToken', formToken],
        ['idempotencyKey', idempotencyKey],
        ...answerFields({ long: '   ', short: 'Tekst jeg ikke vil miste <b>' }),
        ['action', 'submit'],
      ]),
    });
    expect(response.statusCode).toBe(422);
    const body = response.body;
    expect(body).toContain('<title>Feil: Innspillsrunde 1 – Innspill</title>');
    expect(body).toMatch(
      /<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>/,
    );
    expect(body).toContain('Svar på alle obligatoriske spørsmål før du sender inn.');
    expect(body).toContain(
      `<a href="#q-${q.long}">1. Hvilke utfordringer ser dere?: Du må svare på dette spørsmålet.</a>`,
    );
    expect(body).toContain(`<p class="field-error" id="q-${q.long}-error">`);
    expect(body).toMatch(
      new RegExp(`<textarea id="q-${q.long}"[^>]*aria-invalid="true" aria-describedby="q-${q.long}-error">`),
    );
    // what was typed is shown again, escaped, and the same key is kept for the retry
    expect(body).toContain('value="Tekst jeg ikke vil miste &lt;b&gt;"');
    expect(body).toContain(`name="q.${q.multiple}" type="checkbox" value="Formidling" checked`);
    expect(body).toContain('value="kari@example.test"');
    expect(hidden(body, 'idempotencyKey')).toBe(idempotencyKey);

    const badEmail = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([
        ['formToken', formToken],
        ...answerFields({ number: 'mange' }).map(([name, value]): [string, string] => [
          name,
          name === 'submitterEmail' ? 'ikke-en-adresse' : value,
        ]),
        ['action', 'save'],
      ]),
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.body).toContain('<a href="#f-email">E-post: Dette er ikke en gyldig e-postadresse.</a>');
    expect(badEmail.body).toContain('aria-invalid="true" aria-describedby="f-email-hint f-email-error"');
    expect(badEmail.body).toContain('value="ikke-en-adresse"');
    expect(badEmail.body).toContain('value="mange"');
    const badNumber = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([['formToken', formToken], ...answerFields({ number: 'mange' }), ['action', 'save']]),
    });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.body).toContain(
      `<a href="#q-${q.number}">6. Hvor mange studenter?: Skriv inn et tall.</a>`,
    );
    expect(badNumber.body).toContain('value="mange"');
  });

  it('submits from a draft link and shows the receipt with a copy of the answers; a double submit gets the same receipt', async () => {
    const { token, linkFormToken } = await startDraft();
    const submit = () =>
      testApp.app.inject({
        method: 'POST',
        url: `/svar/i/${token}`,
        ...multipart([['formToken', linkFormToken], ...answerFields(), ['action', 'submit']]),
      });
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/svar/i/${token}`);
    const receipt = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    expect(receipt.statusCode).toBe(200);
    const code = receiptCodeOf(receipt.body);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.body).toContain('<h1>Takk for innspillet!</h1>');
    expect(receipt.body).toContain('Sendt ');
    expect(receipt.body).toContain(
      '<dt>1. Hvilke utfordringer ser dere?</dt><dd><p>Vi trenger bedre samarbeid om digitale tjenester.</p></dd>',
    );
    expect(receipt.body).toContain('<dd><p>Forskning; Formidling</p></dd>');
    expect(receipt.body).toContain('<dd><p>3.5</p></dd>');
    expect(receipt.body).toContain(`href="/svar/i/${token}/endre"`);

    const third = await submit();
    expect(third.statusCode).toBe(303);
    const again = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    expect(receiptCodeOf(again.body)).toBe(code);

    // editing the sent answer keeps the receipt code
    const edit = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}/endre` });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('>Lagre endringer</button>');
    expect(edit.body).not.toContain('value="save"');
    const changed = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...urlencoded([
        ['formToken', linkFormToken],
        ...answerFields({ long: 'Endret svar.' }),
        ['action', 'submit'],
      ]),
    });
    expect(changed.headers.location).toBe(`/svar/i/${token}?endret=1`);
    const afterEdit = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}?endret=1` });
    expect(afterEdit.body).toContain('Endringene er lagret.');
    expect(afterEdit.body).toContain('<dd><p>Endret svar.</p></dd>');
    expect(receiptCodeOf(afterEdit.body)).toBe(code);
  });

  it('answers a double-clicked "Send inn" on the public form with the first receipt (idempotency key)', async () => {
    const { formToken, idempotencyKey } = await openRoundForm();
    const post = () =>
      testApp.app.inject({
        method: 'POST',
        url: `/svar/r/${round.round.id}`,
        ...urlencoded([
          ['formToken', formToken],
          ['idempotencyKey', idempotencyKey],
          ...answerFields(),
          ['action', 'submit'],
        ]),
      });
    const first = await post();
    expect(first.statusCode).toBe(303);
    const token = /\/svar\/i\/([\w-]+)/.exec(first.headers.location as string)![1]!;
    const code = receiptCodeOf((await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` })).body);
    expect(code).toBeTruthy();
    const second = await post();
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('Svaret var allerede mottatt.');
    expect(receiptCodeOf(second.body)).toBe(code);
    expect(second.body).toContain('<dd><p>Vi trenger bedre samarbeid om digitale tjenester.</p></dd>');
  });

  it('withdraws a sent answer after a confirmation page', async () => {
    const { token, linkFormToken } = await startDraft();
    await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...urlencoded([['formToken', linkFormToken], ...answerFields(), ['action', 'submit']]),
    });
    const confirm = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}/trekk-tilbake` });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('<h1>Vil du trekke tilbake svaret?</h1>');
    const withdrawn = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}/trekk-tilbake`,
      ...urlencoded([['formToken', hidden(confirm.body, 'formToken')]]),
    });
    expect(withdrawn.statusCode).toBe(303);
    const page = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    expect(page.body).toContain('Svaret er trukket tilbake.');
    expect(page.body).not.toContain('<form');
    const resend = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...urlencoded([['formToken', linkFormToken], ...answerFields(), ['action', 'submit']]),
    });
    expect(resend.statusCode).toBe(409);
    expect(resend.body).toContain('Svaret er trukket tilbake. Start et nytt svar');
  });

  it('attaches a real PDF, refuses a fake .pdf by its content (typed text kept), and removes an attachment', async () => {
    const { token, linkFormToken } = await startDraft();
    const pdf = await makePdf('Vedlegg: felles digitale tjenester.');
    const attached = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...multipart([['formToken', linkFormToken], ...answerFields(), ['action', 'attach']], {
        name: 'innspill.pdf',
        bytes: pdf,
      }),
    });
    expect(attached.statusCode).toBe(303);
    expect(attached.headers.location).toBe(`/svar/i/${token}?lagtved=1#vedlegg`);
    const withFile = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}?lagtved=1` });
    expect(withFile.body).toContain('Filen er lagt ved.');
    expect(withFile.body).toContain('<span class="file-name">innspill.pdf</span>');
    const attachmentId = /name="remove" value="([0-9a-f-]{36})"/.exec(withFile.body)![1]!;

    const fake = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...multipart(
        [
          ['formToken', linkFormToken],
          ...answerFields({ long: 'Nytt utkast som ikke må forsvinne.' }),
          ['action', 'attach'],
        ],
        {
          name: 'virus.pdf',
          bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
        },
      ),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.body).toContain('<a href="#f-file">Velg fil: Filen er ikke en PDF, DOCX, ODT eller TXT');
    expect(fake.body).toContain('<p class="field-error" id="f-file-error">');
    expect(fake.body).toContain('Nytt utkast som ikke må forsvinne.</textarea>');
    expect(fake.body.match(/class="file-name"/g)).toHaveLength(1);

    const tooBig = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...multipart(
        [['formToken', linkFormToken], ...answerFields({ long: 'Stort vedlegg.' }), ['action', 'attach']],
        {
          name: 'stor.txt',
          bytes: new Uint8Array(1024 * 1024 + 10).fill(65),
        },
      ),
    });
    expect(tooBig.statusCode).toBe(413);
    const floodOfFields = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...multipart([
        ['formToken', linkFormToken],
        ...Array.from({ length: 8 }, (_, index): [string, string] => [`junk${index}`, 'x'.repeat(300_000)]),
      ]),
    });
    expect(floodOfFields.statusCode).toBe(413);
    expect(floodOfFields.body).toContain('Forespørselen er for stor.');
    expect(tooBig.body).toContain('Filen er større enn 1 MB.');
    expect(tooBig.body).toContain('Stort vedlegg.</textarea>');

    const removed = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...multipart([['formToken', linkFormToken], ...answerFields(), ['remove', attachmentId]]),
    });
    expect(removed.statusCode).toBe(303);
    const afterRemoval = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}?fjernet=1` });
    expect(afterRemoval.body).toContain('Vedlegget er fjernet.');
    expect(afterRemoval.body).not.toContain('innspill.pdf');
    expect(afterRemoval.body).toContain('Ingen vedlegg ennå.');
  });

  it('refuses bodies other than the two form encodings, cross-site posts and posts without the page token', async () => {
    const { formToken } = await openRoundForm();
    const json = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      payload: { formToken, action: 'save' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.headers['content-type']).toContain('text/html');
    expect(json.body).toContain('Skjemaet må sendes som et vanlig nettskjema');
    const text = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      payload: 'action=save',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);

    const crossSite = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([['formToken', formToken], ...answerFields(), ['action', 'save']]),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(crossSite.statusCode).toBe(403);
    const nullOrigin = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([['formToken', formToken], ...answerFields(), ['action', 'save']]),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null' },
    });
    expect(nullOrigin.statusCode).toBe(403);
    const sameOrigin = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([['formToken', formToken], ...answerFields(), ['action', 'save']]),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(sameOrigin.statusCode).toBe(303);
    const noToken = await testApp.app.inject({
      method: 'POST',
      url: `/svar/r/${round.round.id}`,
      ...urlencoded([...answerFields(), ['action', 'save']]),
    });
    expect(noToken.statusCode).toBe(403);
    // a link's form token is bound to that link: another link's token is refused
    const first = await startDraft();
    const second = await startDraft();
    const swapped = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${second.token}`,
      ...urlencoded([['formToken', first.linkFormToken], ...answerFields(), ['action', 'save']]),
    });
    expect(swapped.statusCode).toBe(403);
    const unknownLink = await testApp.app.inject({ method: 'GET', url: `/svar/i/${'x'.repeat(43)}` });
    expect(unknownLink.statusCode).toBe(404);
    expect(unknownLink.body).toContain('Lenken er ikke gyldig.');
  });

  it('after the deadline: a sent answer is final, late answers are flagged or refused as the round says', async () => {
    const sent = await startDraft();
    await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${sent.token}`,
      ...urlencoded([['formToken', sent.linkFormToken], ...answerFields(), ['action', 'submit']]),
    });
    const draft = await startDraft();
    const refusingPage = await openRoundForm(refusingRound.round.id);
    now = lateDay;
    try {
      const receipt = await testApp.app.inject({ method: 'GET', url: `/svar/i/${sent.token}` });
      const code = receiptCodeOf(receipt.body);
      expect(code).toBeTruthy();
      expect(receipt.body).not.toContain('/endre');
      expect(receipt.body).not.toContain('/trekk-tilbake');
      const edit = await testApp.app.inject({ method: 'GET', url: `/svar/i/${sent.token}/endre` });
      expect(edit.statusCode).toBe(303);
      const lateChange = await testApp.app.inject({
        method: 'POST',
        url: `/svar/i/${sent.token}`,
        ...urlencoded([
          ['formToken', sent.linkFormToken],
          ...answerFields({ long: 'For sent endret.' }),
          ['action', 'submit'],
        ]),
      });
      expect(lateChange.statusCode).toBe(303);
      expect(lateChange.headers.location).toBe(`/svar/i/${sent.token}?frist=1`);
      const locked = await testApp.app.inject({ method: 'GET', url: `/svar/i/${sent.token}?frist=1` });
      expect(locked.body).toContain('Fristen er passert, så svaret kan ikke lenger endres.');
      expect(locked.body).not.toContain('For sent endret.');
      expect(receiptCodeOf(locked.body)).toBe(code);

      // accept_flagged: a draft may still be sent, and is marked late
      const draftPage = await testApp.app.inject({ method: 'GET', url: `/svar/i/${draft.token}` });
      expect(draftPage.body).toContain('Fristen er passert. Svaret blir tatt imot, men merket som for sent.');
      await testApp.app.inject({
        method: 'POST',
        url: `/svar/i/${draft.token}`,
        ...urlencoded([['formToken', draft.linkFormToken], ...answerFields(), ['action', 'submit']]),
      });
      const late = await testApp.app.inject({ method: 'GET', url: `/svar/i/${draft.token}` });
      expect(late.body).toContain('Svaret kom etter fristen og er merket som for sent.');

      // refuse: the page says closed, and a post from a form loaded earlier gets 409
      const closed = await testApp.app.inject({ method: 'GET', url: `/svar/r/${refusingRound.round.id}` });
      expect(closed.body).toContain('Runden er stengt og tar ikke imot flere svar.');
      expect(closed.body).not.toContain('<form');
      expect(closed.body).toContain('<li>Hva mener dere?</li>');
      const refused = await testApp.app.inject({
        method: 'POST',
        url: `/svar/r/${refusingRound.round.id}`,
        ...urlencoded([
          ['formToken', refusingPage.formToken],
          ['idempotencyKey', refusingPage.idempotencyKey],
          [`q.${refusingRound.questions[0]!.id}`, 'Sent svar som ikke tas imot.'],
          ['action', 'submit'],
        ]),
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain(
        'Fristen er passert, og runden tar ikke imot flere svar eller endringer.',
      );
    } finally {
      now = new Date('2026-11-28T12:00:00Z');
    }
  });
});

describe('plain respondent form: invitations, floods and junk', () => {
  it('lets an invited organisation answer through its invitation link, without organisation fields', async () => {
    const strategyProcess = await buildProcess(testApp.db);
    const invited = await buildRound(testApp.db, {
      processId: strategyProcess.id,
      number: 1,
      deadline,
      questions: questionSpecs.slice(0, 1),
    });
    const { actor } = await buildMember(testApp.db, strategyProcess.id, 'secretariat');
    const organisation = await buildActor(testApp.db, strategyProcess.id, { name: 'Universitetet i Nord' });
    const issued = await responses.inviteActors(
      { db: testApp.db, clock, publicUrl: 'http://localhost:3000' },
      actor,
      { slug: strategyProcess.slug, roundNumber: 1 },
      [organisation.id],
    );
    const token = issued.issued[0]!.link.split('/i/')[1]!;
    const page = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Du svarer på vegne av Universitetet i Nord.');
    expect(page.body).not.toContain('name="organisationName"');
    expect(page.body).not.toContain('name="declaredActorType"');
    const sent = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...urlencoded([
        ['formToken', hidden(page.body, 'formToken')],
        [`q.${invited.questions[0]!.id}`, 'Svar fra et invitert universitet.'],
        ['publicationConsent', 'no'],
        ['action', 'submit'],
      ]),
    });
    expect(sent.statusCode).toBe(303);
    const receipt = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    expect(receiptCodeOf(receipt.body)).toMatch(/^[0-9A-Z]{4}-/);
    expect(receipt.body).toContain('<dd><p>Nei, svaret skal ikke publiseres</p></dd>');
  });

  it('answers junk with 4xx pages, never 500: a NUL byte, an unknown actor type, a bad round id', async () => {
    const { token, linkFormToken } = await startDraft();
    const nul = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...urlencoded([
        ['formToken', linkFormToken],
        ...answerFields({ long: 'før\u0000etter' }),
        ['action', 'save'],
      ]),
    });
    expect(nul.statusCode).toBe(400);
    const badType = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...urlencoded([
        ['formToken', linkFormToken],
        ...answerFields().map(([name, value]): [string, string] => [
          name,
          name === 'declaredActorType' ? 'hacker' : value,
        ]),
        ['action', 'save'],
      ]),
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.body).toContain('<a href="#f-actor-type">Type aktør: Sjekk dette feltet.</a>');
    for (const url of [
      '/svar/r/not-a-round',
      `/svar/r/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
      '/svar/i/short',
      '/svar/i/..%2F..%2Fetc',
    ]) {
      const response = await testApp.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toContain('text/html');
    }
  });

  it('applies the public rate limit to form posts, with a 429 page', async () => {
    const limited = await buildTestApp({
      clock,
      env: {
        INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-plain-limit-')),
        INNSPILL_PUBLIC_RATE_LIMIT: '2',
      },
    });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await limited.app.inject({
          method: 'POST',
          url: `/svar/r/${round.round.id}`,
          ...urlencoded([
            ['formToken', 'wrong'],
            ['action', 'save'],
          ]),
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          expect(response.body).toContain('For mange forespørsler på kort tid.');
        }
      }
      expect(statuses).toEqual([403, 403, 429]);
    } finally {
      await limited.close();
    }
  });
});
