import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { email, jobs, processes, responses, systemActor, systemClock } from '@innspill/core';
import { buildActor, buildProcess, buildRound, findRoundSubmissions } from '@innspill/core/testing';
import { buildTestApp, type TestApp, type TestSession } from '../../testing/build-test-app.ts';
import { createJobHandlers } from '../../job-handlers.ts';

let testApp: TestApp;
let secretariat: TestSession;
let slug: string;
const dataFolder = mkdtempSync(join(tmpdir(), 'innspill-http-rounds-'));
const received: { to: string; raw: string }[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

function multipart(fileName: string, bytes: Uint8Array, contentType = 'application/octet-stream') {
  const boundary = `----innspill${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.from(bytes), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function makePdf(text: string) {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText(text, { x: 40, y: 700, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(','),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
  testApp = await buildTestApp({
    env: { INNSPILL_DATA: dataFolder, INNSPILL_MAX_UPLOAD_MB: '1', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
  });
  secretariat = await testApp.signInNewUser();
  const created = await buildProcess(testApp.db);
  slug = created.slug;
  await processes.setProcessMembership(testApp.db, systemActor('test'), {
    slug,
    email: secretariat.email,
    role: 'secretariat',
  });
});

afterAll(async () => {
  await testApp.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function runJobs() {
  const mailer = email.createMailer({
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    from: 'innspill@example.test',
    outboxFolder: join(dataFolder, 'outbox'),
  });
  await jobs.runPendingJobs(
    testApp.db,
    createJobHandlers({
      db: testApp.db,
      mailer,
      fileStore: responses.createFileStore(join(dataFolder, 'files')),
    }),
    systemClock,
  );
}

describe('input rounds over HTTP', () => {
  let roundId = '';
  let questionIds: string[] = [];

  it('lets the secretariat create a round, write questions and open it', async () => {
    const created = await testApp.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/rounds`,
      headers: secretariat.headers,
      payload: {
        title: 'Innspillsrunde 1',
        purpose: 'Hva er de viktigste utfordringene?',
        deadlineLocal: '2099-05-11T23:59',
        publicationNote: 'Svarene publiseres med samtykke.',
      },
    });
    expect(created.statusCode).toBe(201);
    roundId = created.json().round.id;
    expect(created.json().round.deadlineLocal).toBe('2099-05-11T23:59');
    expect(created.json().round.deadline).toBe('2099-05-11T21:59:00.000Z');
    const questions = await testApp.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/rounds/1/questions`,
      headers: secretariat.headers,
      payload: {
        questions: [
          { kind: 'long_text', text: 'Hvilke utfordringer ser dere?', isRequired: true },
          {
            kind: 'single_choice',
            text: 'Hvor viktig er dette?',
            isRequired: false,
            options: ['Lite', 'Mye'],
          },
          { kind: 'scale', text: 'Vurder 1–5', isRequired: false },
        ],
      },
    });
    expect(questions.statusCode).toBe(200);
    questionIds = questions.json().questions.map((question: { id: string }) => question.id);
    const opened = await testApp.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/rounds/1`,
      headers: secretariat.headers,
      payload: { status: 'open' },
    });
    expect(opened.json().round.effectiveStatus).toBe('open');
  });

  it('refuses anonymous and non-member access to the secretariat routes', async () => {
    expect(
      (await testApp.app.inject({ method: 'GET', url: `/api/processes/${slug}/rounds` })).statusCode,
    ).toBe(401);
    const outsider = await testApp.signInNewUser();
    expect(
      (
        await testApp.app.inject({
          method: 'GET',
          url: `/api/processes/${slug}/rounds`,
          headers: outsider.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('takes a public response: draft, attachment, submit with receipt, idempotent repeat', async () => {
    const page = await testApp.app.inject({ method: 'GET', url: `/api/public/rounds/${roundId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().canAnswerPublicly).toBe(true);
    const started = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/rounds/${roundId}/responses`,
      payload: {
        answers: [{ questionId: questionIds[1], value: 'Mye' }],
        submitterEmail: 'ola@example.test',
        organisationName: 'Fagutvalget',
      },
    });
    expect(started.statusCode).toBe(201);
    const token = started.json().token as string;

    const pdf = await makePdf('Vedlegg: vi ønsker felles digitale løsninger.');
    const upload = multipart('innspill.pdf', pdf, 'application/pdf');
    const attached = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/attachments`,
      ...upload,
    });
    expect(attached.statusCode).toBe(201);
    const fake = multipart('virus.pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]));
    const refused = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/attachments`,
      ...fake,
    });
    expect(refused.statusCode).toBe(415);
    const huge = multipart('big.txt', new Uint8Array(1024 * 1024 + 10).fill(65));
    const tooBig = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/attachments`,
      ...huge,
    });
    expect(tooBig.statusCode).toBe(413);

    const missing = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/submit`,
      payload: {},
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.fields[`answers.${questionIds[0]}`]).toBeTruthy();

    const submitted = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/submit`,
      payload: {
        answers: [
          {
            questionId: questionIds[0],
            text: 'Vi trenger bedre samarbeid.\n\n- Felles tjenester\n- Deling av data',
          },
        ],
        publicationConsent: true,
      },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    const receiptCode = submitted.json().receiptCode;
    expect(receiptCode).toBeTruthy();
    const again = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/submit`,
      payload: {},
    });
    expect(again.json().receiptCode).toBe(receiptCode);

    await runJobs();
    expect(received.some((mail) => mail.to === 'ola@example.test' && mail.raw.includes(receiptCode))).toBe(
      true,
    );
    const reopened = await testApp.app.inject({ method: 'GET', url: `/api/public/responses/${token}` });
    expect(reopened.json().attachments[0].extractionStatus).toBe('done');
  });

  it('lands a retried draft save on the first draft and its link when the page sends its key and link token', async () => {
    const { round, questions } = await buildRound(testApp.db);
    const keys = { idempotencyKey: 'f1b2c3d4-page-key', linkToken: 'L'.repeat(20) + 'x_-'.repeat(10) };
    const save = (payload: object) =>
      testApp.app.inject({ method: 'POST', url: `/api/public/rounds/${round.id}/responses`, payload });
    const draft = { answers: [{ questionId: questions[0]!.id, text: 'Første utkast, æøå.' }] };

    const first = await save({ ...draft, ...keys });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ token: keys.linkToken, status: 'draft', isRepeat: false });
    // The answer was lost on the way; the page sends the same request again, then tries "Send inn".
    const retried = await save({ ...draft, ...keys });
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ token: keys.linkToken, status: 'draft', isRepeat: true });
    const asSubmit = await save({ ...draft, ...keys, shouldSubmit: true });
    expect(asSubmit.json()).toMatchObject({ token: keys.linkToken, status: 'draft', isRepeat: true });
    expect(await findRoundSubmissions(testApp.db, round.id)).toHaveLength(1);

    const opened = await testApp.app.inject({
      method: 'GET',
      url: `/api/public/responses/${keys.linkToken}`,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().answers[0].text).toBe('Første utkast, æøå.');

    // Someone who has the key but not the link gets no link.
    const guessed = await save({ ...draft, idempotencyKey: keys.idempotencyKey, linkToken: 'G'.repeat(43) });
    expect(guessed.json()).toMatchObject({ token: null, isRepeat: true });
    // A link weaker than a random one is refused, and nothing is made.
    const weak = await save({ ...draft, idempotencyKey: 'another-page-key', linkToken: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.linkToken).toBeTruthy();
    expect(await findRoundSubmissions(testApp.db, round.id)).toHaveLength(1);
  });

  it('invites a registered actor by email and shows participation with a CSV export', async () => {
    const strategyProcess = await processes.findProcessBySlug(testApp.db, slug);
    const invited = await buildActor(testApp.db, strategyProcess!.id, {
      name: '=Universitetet i Testby',
      contactEmails: ['post@uit.example.test'],
    });
    await buildActor(testApp.db, strategyProcess!.id, { name: 'Høgskolen', type: 'hoyskole' });
    const invitation = await testApp.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/rounds/1/invitations`,
      headers: secretariat.headers,
      payload: { actorIds: [invited.id] },
    });
    expect(invitation.statusCode).toBe(200);
    const link = invitation.json().issued[0].link as string;
    await runJobs();
    expect(received.some((mail) => mail.to === 'post@uit.example.test' && mail.raw.includes('/i/'))).toBe(
      true,
    );

    const token = link.split('/i/')[1]!;
    const view = await testApp.app.inject({ method: 'GET', url: `/api/public/responses/${token}` });
    expect(view.json().actorName).toBe('=Universitetet i Testby');
    const sent = await testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/submit`,
      payload: { answers: [{ questionId: questionIds[0], text: 'Invitert svar.' }] },
    });
    expect(sent.statusCode).toBe(200);

    const participation = await testApp.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/rounds/1/participation`,
      headers: secretariat.headers,
    });
    expect(participation.json().totals).toMatchObject({
      invited: 1,
      invitedAnswered: 1,
      answered: 2,
      late: 0,
    });
    const csv = await testApp.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/rounds/1/participation.csv`,
      headers: secretariat.headers,
    });
    expect(csv.body).toContain("'=Universitetet i Testby");
    const list = await testApp.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/rounds/1/submissions`,
      headers: secretariat.headers,
    });
    expect(list.json().submissions).toHaveLength(2);
    expect(
      list
        .json()
        .submissions.some(
          (row: { submitterEmail: string | null }) => row.submitterEmail === 'ola@example.test',
        ),
    ).toBe(true);
  });

  it('imports responses from a CSV (dry run first) and exports them as JSONL', async () => {
    const csv =
      'actor;organisation_number;submitter_name;submitter_email;q1;q2\r\nHøgskolen;;Per;per@example.test;Svar fra høgskolen;Lite\r\nUkjent org;;;;;\r\n';
    const body = multipart('svar.csv', new TextEncoder().encode(csv));
    const dry = await testApp.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/rounds/1/imports?dryRun=true`,
      payload: body.payload,
      headers: { ...secretariat.headers, ...body.headers },
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().files[0].status).toBe('failed');
    expect(dry.json().files[0].problems[0]).toMatchObject({ line: 3 });
    const fixed = multipart(
      'svar.csv',
      new TextEncoder().encode(csv.replace('Ukjent org;;;;;', 'Ukjent org;;;;Et svar;')),
    );
    const real = await testApp.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/rounds/1/imports?dryRun=false`,
      payload: fixed.payload,
      headers: { ...secretariat.headers, ...fixed.headers },
    });
    expect(real.json()).toMatchObject({ submissionCount: 2, failedFileCount: 0 });
    expect(real.json().files[0].unmatched).toEqual([{ line: 3, name: 'Ukjent org' }]);
    const exported = await testApp.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/rounds/1/export?format=jsonl`,
      headers: secretariat.headers,
    });
    const lines = exported.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines.some((line) => line.segments.length > 0)).toBe(true);
  });
});
