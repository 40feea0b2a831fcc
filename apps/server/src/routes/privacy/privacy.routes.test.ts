import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processes, systemActor } from '@innspill/core';
import { buildProcess, buildRound } from '@innspill/core/testing';
import { buildTestApp, type TestApp, type TestSession } from '../../testing/build-test-app.ts';

let sut: TestApp;
let secretariat: TestSession;
let observer: TestSession;
let slug: string;
let roundId: string;
let questionId: string;
const dataFolder = mkdtempSync(join(tmpdir(), 'innspill-http-privacy-'));

beforeAll(async () => {
  sut = await buildTestApp({ env: { INNSPILL_DATA: dataFolder } });
  secretariat = await sut.signInNewUser();
  observer = await sut.signInNewUser();
  const strategyProcess = await buildProcess(sut.db);
  slug = strategyProcess.slug;
  for (const [session, role] of [
    [secretariat, 'secretariat'],
    [observer, 'observer'],
  ] as const) {
    await processes.setProcessMembership(sut.db, systemActor('test'), { slug, email: session.email, role });
  }
  const { round, questions } = await buildRound(sut.db, { processId: strategyProcess.id, number: 1 });
  roundId = round.id;
  questionId = questions[0]!.id;
});
afterAll(async () => {
  await sut.close();
  rmSync(dataFolder, { recursive: true, force: true });
});

async function respond(email: string, consent: boolean) {
  const started = await sut.app.inject({
    method: 'POST',
    url: `/api/public/rounds/${roundId}/responses`,
    payload: {
      answers: [{ questionId, text: `Svar fra ${email}.` }],
      submitterName: 'Navn Navnesen',
      submitterEmail: email,
      publicationConsent: consent,
    },
  });
  const token = started.json<{ token: string }>().token;
  const boundary = '----innspillprivacy';
  const attached = await sut.app.inject({
    method: 'POST',
    url: `/api/public/responses/${token}/attachments`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="brev.txt"\r\nContent-Type: text/plain\r\n\r\nEt brev fra ${email}.\r\n--${boundary}--\r\n`,
  });
  expect(attached.statusCode).toBe(201);
  const submitted = await sut.app.inject({
    method: 'POST',
    url: `/api/public/responses/${token}/submit`,
    payload: {},
  });
  expect(submitted.statusCode).toBe(200);
}

const filesOnDisk = () =>
  existsSync(join(dataFolder, 'files'))
    ? readdirSync(join(dataFolder, 'files')).flatMap((folder) =>
        readdirSync(join(dataFolder, 'files', folder)),
      )
    : [];

describe('privacy routes', () => {
  it('finds, exports and deletes one respondent’s data for the secretariat, with the address in the body', async () => {
    await respond('ida@example.test', false);
    await respond('jon@example.test', true);
    expect(filesOnDisk()).toHaveLength(2);

    const found = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/find`,
      headers: secretariat.headers,
      payload: { email: 'IDA@example.test' },
    });
    expect(found.statusCode).toBe(200);
    expect(found.headers['cache-control']).toBe('no-store');
    const data = found.json<{
      submissions: { submitterEmail: string; answers: { text: string }[]; attachments: unknown[] }[];
    }>();
    expect(data.submissions).toHaveLength(1);
    expect(data.submissions[0]).toMatchObject({
      submitterEmail: 'ida@example.test',
      answers: [{ text: 'Svar fra ida@example.test.' }],
    });
    expect(data.submissions[0]!.attachments).toHaveLength(1);

    const exported = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/export`,
      headers: secretariat.headers,
      payload: { email: 'ida@example.test' },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename=".+-respondent-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(exported.json<{ format: string }>().format).toBe('innspill.respondent-data/v1');

    const mismatch = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/delete`,
      headers: secretariat.headers,
      payload: { email: 'ida@example.test', confirmEmail: 'ida@example.tes' },
    });
    expect(mismatch.statusCode).toBe(400);
    const denied = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/delete`,
      headers: observer.headers,
      payload: { email: 'ida@example.test', confirmEmail: 'ida@example.test' },
    });
    expect(denied.statusCode).toBe(403);
    const withoutCsrf = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/delete`,
      headers: { cookie: secretariat.cookie },
      payload: { email: 'ida@example.test', confirmEmail: 'ida@example.test' },
    });
    expect(withoutCsrf.statusCode).toBe(403);

    const deleted = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/delete`,
      headers: secretariat.headers,
      payload: { email: 'ida@example.test', confirmEmail: 'ida@example.test' },
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({
      submissionsDeleted: 1,
      submissionsAnonymised: 0,
      attachmentsDeleted: 1,
      filesRemoved: 1,
    });
    expect(filesOnDisk()).toHaveLength(1);
    const again = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/find`,
      headers: secretariat.headers,
      payload: { email: 'ida@example.test' },
    });
    expect(again.json<{ submissions: unknown[] }>().submissions).toEqual([]);
    const other = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/privacy/find`,
      headers: secretariat.headers,
      payload: { email: 'jon@example.test' },
    });
    expect(other.json<{ submissions: unknown[] }>().submissions).toHaveLength(1);

    const audit = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/audit?actionPrefix=privacy.`,
      headers: { cookie: secretariat.cookie },
    });
    const events = audit.json<{ events: { action: string }[] }>().events;
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['privacy.respondent_deleted', 'privacy.respondent_exported']),
    );
    expect(JSON.stringify(events)).not.toContain('ida@example.test');
  });

  it('reads and sets the retention period for the secretariat only', async () => {
    const initial = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/privacy/retention`,
      headers: { cookie: secretariat.cookie },
    });
    expect(initial.json()).toEqual({ retentionDays: null, expiresAt: null });
    const set = await sut.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/privacy/retention`,
      headers: secretariat.headers,
      payload: { retentionDays: 180 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ retentionDays: 180, expiresAt: null });
    const invalid = await sut.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/privacy/retention`,
      headers: secretariat.headers,
      payload: { retentionDays: 0 },
    });
    expect(invalid.statusCode).toBe(400);
    const denied = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/privacy/retention`,
      headers: { cookie: observer.cookie },
    });
    expect(denied.statusCode).toBe(403);
    const anonymous = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/privacy/retention`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
