import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRound } from '@innspill/core/testing';
import { buildTestApp, type TestApp } from '../testing/build-test-app.ts';
import { publicFormRoutes } from './public-form.routes.ts';
import { hidden, multipart, urlencoded } from './public-form.test-support.ts';

let testApp: TestApp;
let roundId: string;
let questionId: string;

beforeAll(async () => {
  testApp = await buildTestApp({
    clock: { now: () => new Date('2026-11-28T12:00:00Z') },
    env: { INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-plain-form-errors-')) },
  });
  const built = await buildRound(testApp.db, {
    deadline: new Date('2099-05-11T21:59:00Z'),
    questions: [{ kind: 'long_text', text: 'Hva mener dere?', isRequired: false }],
  });
  roundId = built.round.id;
  questionId = built.questions[0]!.id;
});

afterAll(async () => {
  await testApp?.close();
});

async function postNewAnswer(fields: [string, string][]) {
  const page = await testApp.app.inject({ method: 'GET', url: `/svar/r/${roundId}` });
  return testApp.app.inject({
    method: 'POST',
    url: `/svar/r/${roundId}`,
    ...urlencoded([
      ['formToken', hidden(page.body, 'formToken')],
      ['idempotencyKey', hidden(page.body, 'idempotencyKey')],
      ...fields,
    ]),
  });
}

describe(`${publicFormRoutes.name}: field errors`, () => {
  it('reports a bad email address and an over-long answer on the same post', async () => {
    const refused = await postNewAnswer([
      [`q.${questionId}`, 'x'.repeat(100_001)],
      ['submitterEmail', 'ikke-en-adresse'],
      ['action', 'save'],
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Svaret er for langt (høyst 100000 tegn)');
    expect(refused.body).toContain('ikke en gyldig e-postadresse');
    expect(refused.body).toContain(`href="#q-${questionId}"`);
    expect(refused.body).toContain('href="#f-email"');
  });

  it('says an empty file is empty, not that it is of the wrong type', async () => {
    const saved = await postNewAnswer([
      [`q.${questionId}`, 'Utkast.'],
      ['action', 'save'],
    ]);
    expect(saved.statusCode).toBe(303);
    const token = /\/svar\/i\/([\w-]+)/.exec(saved.headers.location as string)![1]!;
    const linkPage = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    const empty = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      ...multipart(
        [
          ['formToken', hidden(linkPage.body, 'formToken')],
          [`q.${questionId}`, 'Utkast.'],
          ['action', 'attach'],
        ],
        { name: 'tom.txt', bytes: new Uint8Array(0) },
      ),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#f-file">Velg fil: Filen er tom. Velg en fil med innhold.</a>');
    expect(empty.body).not.toContain('Filen er ikke en PDF');
    expect(empty.body).toContain('Utkast.</textarea>');
  });

  it('says no file was chosen when "Legg ved fil" is pressed without one, and keeps what was typed', async () => {
    const saved = await postNewAnswer([
      [`q.${questionId}`, 'Første utkast.'],
      ['action', 'save'],
    ]);
    const token = /\/svar\/i\/([\w-]+)/.exec(saved.headers.location as string)![1]!;
    const linkPage = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    const noFile = await testApp.app.inject({
      method: 'POST',
      url: `/svar/i/${token}`,
      // What a browser sends for an empty file input: a part without a file name, and no bytes.
      ...multipart(
        [
          ['formToken', hidden(linkPage.body, 'formToken')],
          [`q.${questionId}`, 'Andre utkast.'],
          ['action', 'attach'],
        ],
        { name: '', bytes: new Uint8Array(0) },
      ),
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Ingen fil er valgt.');
    expect(noFile.body).toContain('Andre utkast.</textarea>');
    const reopened = await testApp.app.inject({ method: 'GET', url: `/svar/i/${token}` });
    expect(reopened.body).toContain('Andre utkast.</textarea>');
  });
});
