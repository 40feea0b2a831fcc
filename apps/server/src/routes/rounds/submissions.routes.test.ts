import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processes, responses, systemActor, systemClock } from '@innspill/core';
import { buildActor, buildProcess, buildRound } from '@innspill/core/testing';
import type { SubmissionDetailResponse, SubmissionListResponse } from '@innspill/contracts';
import { buildTestApp, type TestApp, type TestSession } from '../../testing/build-test-app.ts';

let testApp: TestApp;
let secretariat: TestSession;
let observer: TestSession;
let slug = '';
let processId = '';
let roundNumber = 0;
let roundId = '';
let questionIds: string[] = [];

beforeAll(async () => {
  testApp = await buildTestApp();
  secretariat = await testApp.signInNewUser();
  observer = await testApp.signInNewUser();
  const created = await buildProcess(testApp.db);
  slug = created.slug;
  processId = created.id;
  for (const [session, role] of [
    [secretariat, 'secretariat'],
    [observer, 'observer'],
  ] as const) {
    await processes.setProcessMembership(testApp.db, systemActor('test'), {
      slug,
      email: session.email,
      role,
    });
  }
  const { round, questions } = await buildRound(testApp.db, { processId, number: 7 });
  roundNumber = round.number;
  roundId = round.id;
  questionIds = questions.map((question) => question.id);
});

afterAll(async () => {
  await testApp.close();
});

const base = () => `/api/processes/${slug}/rounds/${roundNumber}/submissions`;

async function submitPublicly(text: string) {
  const deps = { db: testApp.db, clock: systemClock, publicUrl: 'http://innspill.test' };
  const started = await responses.startResponse(deps, roundId, {
    answers: [{ questionId: questionIds[0]!, text }],
    submitterName: 'Kari Nordmann',
    submitterEmail: 'kari@example.test',
    organisationName: 'Universitetet i Testby',
    shouldSubmit: true,
  });
  return started.submission.id;
}

describe('GET /api/processes/:slug/rounds/:number/submissions/:submissionId', () => {
  it('shows the secretariat one response in full: answers, personal data, attachments and segments', async () => {
    const id = await submitPublicly(
      'Vi trenger felles digitale verktøy.\n\n- Bedre samarbeid\n- Deling av data',
    );
    const response = await testApp.app.inject({
      method: 'GET',
      url: `${base()}/${id}`,
      headers: secretariat.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SubmissionDetailResponse>();
    expect(body.submission).toMatchObject({
      id,
      status: 'submitted',
      submitterName: 'Kari Nordmann',
      submitterEmail: 'kari@example.test',
      actorName: 'Universitetet i Testby',
      actorId: null,
      attachments: [],
    });
    expect(body.submission.answers[0]?.text).toContain('felles digitale verktøy');
    expect(body.questions.map((question) => question.id)).toEqual(questionIds);
    expect(body.segments.map((segment) => segment.text)).toEqual([
      'Vi trenger felles digitale verktøy.',
      'Bedre samarbeid',
      'Deling av data',
    ]);
    expect(body.segments.every((segment) => segment.questionId === questionIds[0])).toBe(true);
  });

  it('refuses members who are not the secretariat (personal data) and hides other rounds’ and unknown ids', async () => {
    const id = await submitPublicly('Et svar.');
    const asObserver = await testApp.app.inject({
      method: 'GET',
      url: `${base()}/${id}`,
      headers: observer.headers,
    });
    expect(asObserver.statusCode).toBe(403);
    const other = await buildRound(testApp.db, { processId, number: 8 });
    const wrongRound = await testApp.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/rounds/${other.round.number}/submissions/${id}`,
      headers: secretariat.headers,
    });
    expect(wrongRound.statusCode).toBe(404);
    for (const bad of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid']) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `${base()}/${bad}`,
        headers: secretariat.headers,
      });
      expect(response.statusCode).toBe(404);
    }
    const anonymous = await testApp.app.inject({ method: 'GET', url: `${base()}/${id}` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('POST /api/processes/:slug/rounds/:number/imports (column-mapping step)', () => {
  it('reports each table column as read, and reads it as mapped with ?mapping=', async () => {
    const boundary = '----innspillmapping';
    const csv = 'Organisasjon;Hovedutfordring\r\nHøgskolen i Testby;Vi trenger mer samarbeid.\r\n';
    const upload = (query: string) =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/processes/${slug}/rounds/${roundNumber}/imports?dryRun=true${query}`,
        headers: { ...secretariat.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="svar.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
        ),
      });
    const unmapped = (await upload('')).json();
    expect(unmapped.files[0].status).toBe('failed');
    expect(unmapped.files[0].columns).toEqual([
      { header: 'Organisasjon', target: 'ignore' },
      { header: 'Hovedutfordring', target: 'ignore' },
    ]);
    const mapping = encodeURIComponent(JSON.stringify({ Organisasjon: 'actor', Hovedutfordring: 'q1' }));
    const mapped = (await upload(`&mapping=${mapping}`)).json();
    expect(mapped.files[0]).toMatchObject({
      status: 'ok',
      submissionCount: 1,
      columns: [
        { header: 'Organisasjon', target: 'actor' },
        { header: 'Hovedutfordring', target: 'q1' },
      ],
    });
  });
});

describe('POST /api/processes/:slug/rounds/:number/imports (several tables, ?fileMapping=)', () => {
  it('reads each table with its own mapping, and refuses an invalid one', async () => {
    const boundary = '----innspillfiles';
    const part = (fileName: string, csv: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`;
    const upload = (query: string) =>
      testApp.app.inject({
        method: 'POST',
        url: `/api/processes/${slug}/rounds/${roundNumber}/imports?dryRun=true${query}`,
        headers: { ...secretariat.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.from(
          part('a.csv', 'Org;Svar\r\nHøgskolen i Testby;Mer samarbeid.\r\n') +
            part('b.csv', 'Navn;Kommentar\r\nUniversitetet i Testby;Bedre verktøy.\r\n') +
            `--${boundary}--\r\n`,
        ),
      });
    const fileMapping = encodeURIComponent(
      JSON.stringify({ 'a.csv': { Org: 'actor', Svar: 'q1' }, 'b.csv': { Navn: 'actor', Kommentar: 'q1' } }),
    );
    const mapped = await upload(`&fileMapping=${fileMapping}`);
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ submissionCount: 2, failedFileCount: 0 });

    const invalid = await upload(
      `&fileMapping=${encodeURIComponent(JSON.stringify({ 'a.csv': { Org: 'boss' } }))}`,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({
      code: 'validation_failed',
      fields: { fileMapping: expect.any(String) },
    });
  });
});

describe('PUT /api/processes/:slug/rounds/:number/submissions/:submissionId/actor (manual matching)', () => {
  it('matches an unmatched imported letter to a registered actor, counts it in participation, and can unlink it', async () => {
    const letter = Buffer.from('Innspill fra Fagforeningen i Testby.\n\nVi ønsker mer samarbeid.', 'utf8');
    const boundary = '----innspillmatch';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Fagforeningen i Testby.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      letter,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imported = await testApp.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/rounds/${roundNumber}/imports?dryRun=false`,
      headers: { ...secretariat.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().files[0].unmatched).toEqual([{ name: 'Fagforeningen i Testby' }]);

    const list = (
      await testApp.app.inject({ method: 'GET', url: base(), headers: secretariat.headers })
    ).json<SubmissionListResponse>();
    const unmatched = list.submissions.find(
      (submission) => submission.source === 'import' && submission.actorId === null,
    );
    expect(unmatched?.actorName).toBe('Fagforeningen i Testby');

    const union = await buildActor(testApp.db, processId, {
      name: 'Fagforbundet Testby',
      type: 'arbeidstakerorganisasjon',
    });
    const matched = await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/${unmatched!.id}/actor`,
      headers: secretariat.headers,
      payload: { actorId: union.id },
    });
    expect(matched.statusCode).toBe(200);
    expect(matched.json()).toMatchObject({ actorId: union.id, actorName: 'Fagforbundet Testby' });

    const participation = await testApp.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/rounds/${roundNumber}/participation`,
      headers: secretariat.headers,
    });
    expect(participation.json().participants.map((row: { name: string }) => row.name)).toContain(
      'Fagforbundet Testby',
    );

    const unlinked = await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/${unmatched!.id}/actor`,
      headers: secretariat.headers,
      payload: { actorId: null },
    });
    expect(unlinked.json()).toMatchObject({ actorId: null, actorName: 'Fagforeningen i Testby' });
  });

  it('refuses an actor of another process, an unknown submission and a non-secretariat member', async () => {
    const id = await submitPublicly('Svar.');
    const elsewhere = await buildActor(testApp.db, (await buildProcess(testApp.db)).id);
    const foreign = await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/${id}/actor`,
      headers: secretariat.headers,
      payload: { actorId: elsewhere.id },
    });
    expect(foreign.statusCode).toBe(404);
    const local = await buildActor(testApp.db, processId);
    const unknown = await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/00000000-0000-0000-0000-000000000000/actor`,
      headers: secretariat.headers,
      payload: { actorId: local.id },
    });
    expect(unknown.statusCode).toBe(404);
    const asObserver = await testApp.app.inject({
      method: 'PUT',
      url: `${base()}/${id}/actor`,
      headers: observer.headers,
      payload: { actorId: local.id },
    });
    expect(asObserver.statusCode).toBe(403);
  });
});
