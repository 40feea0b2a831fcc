import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRound, findRoundSubmissions } from '@innspill/core/testing';
import { buildTestApp, type TestApp } from '../testing/build-test-app.ts';
import { publicFormRoutes } from './public-form.routes.ts';
import { hidden, receiptCodeOf, urlencoded } from './public-form.test-support.ts';

let testApp: TestApp;
const deadline = new Date('2099-05-11T21:59:00Z');

beforeAll(async () => {
  testApp = await buildTestApp({
    clock: { now: () => new Date('2026-11-28T12:00:00Z') },
    env: { INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-plain-form-repeat-')) },
  });
});

afterAll(async () => {
  await testApp?.close();
});

/** A public round with one required question, and its blank form as served to one visitor. */
async function openNewRoundForm() {
  const { round, questions } = await buildRound(testApp.db, {
    deadline,
    questions: [{ kind: 'long_text', text: 'Hva mener dere?', isRequired: true }],
  });
  return { roundId: round.id, questionId: questions[0]!.id, ...(await openForm(round.id)) };
}

async function openForm(roundId: string) {
  const page = await testApp.app.inject({ method: 'GET', url: `/svar/r/${roundId}` });
  expect(page.statusCode).toBe(200);
  return { formToken: hidden(page.body, 'formToken'), idempotencyKey: hidden(page.body, 'idempotencyKey') };
}

function postForm(
  roundId: string,
  fields: { formToken: string; idempotencyKey: string; questionId: string; text: string; action: string },
  headers: Record<string, string> = {},
) {
  const body = urlencoded([
    ['formToken', fields.formToken],
    ['idempotencyKey', fields.idempotencyKey],
    [`q.${fields.questionId}`, fields.text],
    ['action', fields.action],
  ]);
  return testApp.app.inject({
    method: 'POST',
    url: `/svar/r/${roundId}`,
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

describe(`${publicFormRoutes.name}: a page posted twice`, () => {
  it('lands a double-clicked "Lagre utkast" on the same draft and the same link (idempotency key)', async () => {
    const { roundId, questionId, formToken, idempotencyKey } = await openNewRoundForm();
    const post = (action: string, text: string) =>
      postForm(roundId, { formToken, idempotencyKey, questionId, text, action });
    // Both clicks in flight at once, as a browser sends them.
    const [first, second] = await Promise.all([
      post('save', 'Første utkast.'),
      post('save', 'Første utkast.'),
    ]);
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(first.headers.location).toMatch(/^\/svar\/i\/[\w-]{43}\?lagret=1$/);
    expect(second.headers.location).toBe(first.headers.location);
    let stored = await findRoundSubmissions(testApp.db, roundId);
    expect(stored.map((submission) => submission.status)).toEqual(['draft']);
    const link = (first.headers.location as string).split('?')[0]!;
    expect((await testApp.app.inject({ method: 'GET', url: link })).body).toContain('Første utkast.');

    // The same page posted once more (a retry with more text) saves into that draft, and its
    // "Send inn" sends that draft: still one response, on the same link.
    const retried = await post('save', 'Utkast med mer tekst.');
    expect(retried.headers.location).toBe(first.headers.location);
    expect((await testApp.app.inject({ method: 'GET', url: link })).body).toContain('Utkast med mer tekst.');
    const sent = await post('submit', 'Ferdig svar.');
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(link);
    stored = await findRoundSubmissions(testApp.db, roundId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'submitted', idempotencyKey });
    const receipt = await testApp.app.inject({ method: 'GET', url: link });
    expect(receiptCodeOf(receipt.body)).toBe(stored[0]!.receiptCode);
    expect(receipt.body).toContain('Ferdig svar.');

    // Another visit to the form is another page with its own key: a new draft.
    const other = await openForm(roundId);
    expect(other.idempotencyKey).not.toBe(idempotencyKey);
    const otherSaved = await postForm(roundId, {
      ...other,
      questionId,
      text: 'Et annet svar.',
      action: 'save',
    });
    expect(otherSaved.headers.location).not.toBe(first.headers.location);
    expect(await findRoundSubmissions(testApp.db, roundId)).toHaveLength(2);
  });

  it('still refuses a repeated save without the page’s form token or from another site', async () => {
    const { roundId, questionId, formToken, idempotencyKey } = await openNewRoundForm();
    const fields = { formToken, idempotencyKey, questionId, text: 'Utkast.', action: 'save' };
    expect((await postForm(roundId, fields)).statusCode).toBe(303);
    const forged = await postForm(roundId, { ...fields, formToken: 'forged' });
    expect(forged.statusCode).toBe(403);
    const fromElsewhere = await postForm(roundId, fields, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(fromElsewhere.statusCode).toBe(403);
    expect(fromElsewhere.headers.location).toBeUndefined();
    expect(await findRoundSubmissions(testApp.db, roundId)).toHaveLength(1);
  });
});
