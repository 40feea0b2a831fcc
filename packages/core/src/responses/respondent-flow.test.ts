import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  createTestDatabase,
  buildMember,
  buildProcess,
  buildRound,
  buildJobHandlers,
  type TestDatabase,
} from '../testing/index.ts';
import { fixedClock, type Clock } from '../shared/clock.ts';
import { runPendingJobs } from '../jobs/index.ts';

import { createMailer } from '../email/index.ts';
import {
  addAttachment,
  createFileStore,
  getPublicRound,
  listSubmissions,
  openRespondentLink,
  saveResponse,
  searchSegments,
  startResponse,
  submitResponse,
  withdrawResponse,
} from './index.ts';
import { findAttachmentsOfSubmission, findSegmentsOfSubmissions } from './responses.repository.ts';
import { makeEncryptedPdf } from '../testing/index.ts';

let database: TestDatabase;
const folder = mkdtempSync(join(tmpdir(), 'innspill-responses-'));
const fileStore = createFileStore(join(folder, 'files'));
const mailer = createMailer({ from: 'innspill@example.test', outboxFolder: join(folder, 'outbox') });
const now = new Date('2026-11-28T12:00:00Z');
const clock = fixedClock(now);
const deps = (at: Clock = clock) => ({
  db: database.db,
  clock: at,
  publicUrl: 'http://innspill.test',
  fileStore,
  maxUploadBytes: 1024 * 1024,
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function makePdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(text, { x: 50, y: 700, size: 12, font });
  return pdf.save();
}

describe(startResponse.name, () => {
  it('saves a draft, returns through the same link, and submits with a receipt and a committed copy', async () => {
    const { round, questions } = await buildRound(database.db, {
      deadline: new Date('2026-12-10T22:59:00Z'),
    });
    const [first, second] = questions;
    const started = await startResponse(deps(), round.id, {
      answers: [{ questionId: first!.id, text: 'Vi trenger bedre digitale verktøy for undervisning.' }],
      submitterEmail: 'kari@example.test',
      organisationName: 'Universitetet i Testby',
      declaredActorType: 'universitet',
    });
    expect(started.token).toBeTruthy();
    expect(started.submission.status).toBe('draft');

    const reopened = await openRespondentLink(database.db, started.token!, clock);
    expect(reopened.answers.map((answer) => answer.text)).toEqual([
      'Vi trenger bedre digitale verktøy for undervisning.',
    ]);
    expect(reopened.canSubmit).toBe(true);

    await saveResponse(deps(), started.token!, {
      answers: [{ questionId: second!.id, text: 'Eg meiner studentane må bli høyrde i alle saker.' }],
    });
    const sent = await submitResponse(deps(), started.token!, { publicationConsent: true });
    expect(sent.submission.status).toBe('submitted');
    expect(sent.submission.receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(sent.submission.isLate).toBe(false);

    const segments = await findSegmentsOfSubmissions(database.db, [sent.submission.id]);
    expect(segments.map((segment) => segment.language).sort()).toEqual(['nb', 'nn']);
    const hits = await searchSegments(database.db, round.id, 'verktøyene', 'norwegian');
    expect(hits).toHaveLength(1);

    await runPendingJobs(database.db, buildJobHandlers({ db: database.db, mailer, fileStore }), clock);
    const outbox = readdirSync(join(folder, 'outbox'));
    expect(outbox.length).toBeGreaterThanOrEqual(1);
  });

  it('returns the same submission for a repeated idempotency key (double-clicked submit)', async () => {
    const { round, questions } = await buildRound(database.db);
    const input = {
      shouldSubmit: true,
      idempotencyKey: 'abcdef123456',
      answers: [{ questionId: questions[0]!.id, text: 'Svar' }],
    };
    const [first, second] = await Promise.all([
      startResponse(deps(), round.id, input),
      startResponse(deps(), round.id, input),
    ]);
    expect(first.submission.id).toBe(second.submission.id);
    expect(first.submission.receiptCode).toBe(second.submission.receiptCode);
  });

  it('refuses a submission with an empty required answer and writes nothing', async () => {
    const { round } = await buildRound(database.db);
    await expect(startResponse(deps(), round.id, { shouldSubmit: true, answers: [] })).rejects.toMatchObject({
      code: 'required_answers_missing',
    });
  });

  it('flags late submissions or refuses them as the round is configured', async () => {
    const after = fixedClock(new Date('2026-12-01T00:00:00Z'));
    const flagged = await buildRound(database.db, {
      deadline: new Date('2026-11-30T22:59:00Z'),
      latePolicy: 'accept_flagged',
    });
    const late = await startResponse(deps(after), flagged.round.id, {
      shouldSubmit: true,
      answers: [{ questionId: flagged.questions[0]!.id, text: 'Sent svar' }],
    });
    expect(late.submission.isLate).toBe(true);
    const refusing = await buildRound(database.db, {
      deadline: new Date('2026-11-30T22:59:00Z'),
      latePolicy: 'refuse',
    });
    await expect(
      startResponse(deps(after), refusing.round.id, {
        shouldSubmit: true,
        answers: [{ questionId: refusing.questions[0]!.id, text: 'x' }],
      }),
    ).rejects.toMatchObject({ code: 'round_closed' });
    const publicView = await getPublicRound(database.db, refusing.round.id, after);
    expect(publicView.effectiveStatus).toBe('closed');
  });

  it('lets the respondent edit and withdraw until the deadline, not after', async () => {
    const { round, questions } = await buildRound(database.db, {
      deadline: new Date('2026-11-30T22:59:00Z'),
    });
    const sent = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      answers: [{ questionId: questions[0]!.id, text: 'Første' }],
    });
    await submitResponse(deps(), sent.token!, {
      answers: [{ questionId: questions[0]!.id, text: 'Endret svar' }],
    });
    const after = fixedClock(new Date('2026-12-01T00:00:00Z'));
    await expect(withdrawResponse(deps(after), sent.token!)).rejects.toMatchObject({ code: 'round_closed' });
    const withdrawn = await withdrawResponse(deps(), sent.token!);
    expect(withdrawn.status).toBe('withdrawn');
  });

  it("keeps a withdrawn response as the secretariat's record only: other members and search see no content", async () => {
    const process = await buildProcess(database.db);
    const { round, questions } = await buildRound(database.db, {
      processId: process.id,
      deadline: new Date('2026-12-10T22:59:00Z'),
    });
    const secretariat = (await buildMember(database.db, round.processId, 'secretariat')).actor;
    const workingGroup = (await buildMember(database.db, round.processId, 'working_group')).actor;
    const kept = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      answers: [{ questionId: questions[0]!.id, text: 'Vi står ved dette: felles skytjenester.' }],
    });
    const takenBack = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      answers: [{ questionId: questions[0]!.id, text: 'Dette trekker vi: egne skytjenester.' }],
    });
    await withdrawResponse(deps(), takenBack.token!);
    const locator = { slug: process.slug, roundNumber: round.number };

    const forWorkingGroup = await listSubmissions(database.db, workingGroup, locator, clock);
    const withdrawnSeen = forWorkingGroup.submissions.find(
      (row) => row.submission.id === takenBack.submission.id,
    );
    expect(withdrawnSeen?.submission.status).toBe('withdrawn');
    expect(withdrawnSeen?.answers).toEqual([]);
    const keptSeen = forWorkingGroup.submissions.find((row) => row.submission.id === kept.submission.id);
    expect(keptSeen?.answers.map((answer) => answer.text)).toEqual([
      'Vi står ved dette: felles skytjenester.',
    ]);

    const forSecretariat = await listSubmissions(database.db, secretariat, locator, clock);
    const record = forSecretariat.submissions.find((row) => row.submission.id === takenBack.submission.id);
    expect(record?.answers.map((answer) => answer.text)).toEqual(['Dette trekker vi: egne skytjenester.']);

    const hits = await searchSegments(database.db, round.id, 'skytjenester', 'norwegian');
    expect(hits.map((hit) => hit.submissionId)).toEqual([kept.submission.id]);
  });

  it('gives a repeated draft start (same key) the first draft, and its link only to a caller who knows it', async () => {
    const { round } = await buildRound(database.db);
    const linkToken = 'L'.repeat(43);
    const first = await startResponse(deps(), round.id, { idempotencyKey: 'page-key-1', linkToken });
    expect(first).toMatchObject({ token: linkToken, isRepeat: false });
    const repeat = await startResponse(deps(), round.id, { idempotencyKey: 'page-key-1', linkToken });
    expect(repeat).toMatchObject({ token: linkToken, isRepeat: true });
    expect(repeat.submission.id).toBe(first.submission.id);
    const guessed = await startResponse(deps(), round.id, {
      idempotencyKey: 'page-key-1',
      linkToken: 'G'.repeat(43),
    });
    expect(guessed).toMatchObject({ token: undefined, isRepeat: true });
    expect((await openRespondentLink(database.db, linkToken, clock)).submission?.id).toBe(
      first.submission.id,
    );
    await expect(startResponse(deps(), round.id, { linkToken: 'too-short' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('does not exist for draft rounds and cannot be answered publicly when invitation-only', async () => {
    const draft = await buildRound(database.db, { status: 'draft' });
    await expect(getPublicRound(database.db, draft.round.id, clock)).rejects.toMatchObject({
      code: 'not_found',
    });
    const invitationOnly = await buildRound(database.db, { visibility: 'invitation' });
    await expect(startResponse(deps(), invitationOnly.round.id, {})).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe(addAttachment.name, () => {
  it('keeps a PDF, extracts its text in a job and segments it', async () => {
    const { round } = await buildRound(database.db);
    const started = await startResponse(deps(), round.id, {});
    const bytes = await makePdf('Innspill fra fakultetet: mer samarbeid om digital eksamen.');
    const attachment = await addAttachment(deps(), started.token!, { fileName: 'brev.pdf', bytes });
    expect(attachment.mediaType).toBe('application/pdf');
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    await runPendingJobs(database.db, buildJobHandlers({ db: database.db, mailer, fileStore }), clock);
    const [stored] = await findAttachmentsOfSubmission(database.db, started.submission.id);
    expect(stored?.extractionStatus).toBe('done');
    expect(stored?.extractionFailure).toBeNull();
    expect(stored?.extractedText).toContain('digital eksamen');
    const segments = await findSegmentsOfSubmissions(database.db, [started.submission.id]);
    expect(segments.some((segment) => segment.attachmentId === attachment.id)).toBe(true);
  });

  it('records a failed extraction for a broken PDF and keeps the file', async () => {
    const { round } = await buildRound(database.db);
    const started = await startResponse(deps(), round.id, {});
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf');
    const attachment = await addAttachment(deps(), started.token!, { fileName: 'broken.pdf', bytes });
    await runPendingJobs(database.db, buildJobHandlers({ db: database.db, mailer, fileStore }), clock);
    const [stored] = await findAttachmentsOfSubmission(database.db, started.submission.id);
    expect(stored?.extractionStatus).toBe('failed');
    expect(stored?.extractionFailure).toBe('damaged');
    expect(stored?.extractionError).toBe('The PDF is damaged or not a valid PDF.');
    expect(fileStore.read(attachment.storageKey).byteLength).toBe(bytes.byteLength);
  });

  it('records an encrypted PDF as encrypted (a code for the pages, English detail for the CLI)', async () => {
    const { round } = await buildRound(database.db);
    const started = await startResponse(deps(), round.id, {});
    const bytes = makeEncryptedPdf();
    const attachment = await addAttachment(deps(), started.token!, { fileName: 'passord.pdf', bytes });
    await runPendingJobs(database.db, buildJobHandlers({ db: database.db, mailer, fileStore }), clock);
    const [stored] = await findAttachmentsOfSubmission(database.db, started.submission.id);
    expect(stored).toMatchObject({
      extractionStatus: 'failed',
      extractionFailure: 'encrypted',
      extractionError: 'The PDF is encrypted (password-protected); its text cannot be read.',
      extractedText: null,
    });
    expect(fileStore.read(attachment.storageKey).byteLength).toBe(bytes.byteLength);
  });

  it('records a PDF without any text (a scanned letter) as failed with no_text, not as read', async () => {
    const { round } = await buildRound(database.db);
    const started = await startResponse(deps(), round.id, {});
    const pdf = await PDFDocument.create();
    pdf.addPage();
    await addAttachment(deps(), started.token!, { fileName: 'skannet.pdf', bytes: await pdf.save() });
    await runPendingJobs(database.db, buildJobHandlers({ db: database.db, mailer, fileStore }), clock);
    const [stored] = await findAttachmentsOfSubmission(database.db, started.submission.id);
    expect(stored).toMatchObject({ extractionStatus: 'failed', extractionFailure: 'no_text' });
    const segments = await findSegmentsOfSubmissions(database.db, [started.submission.id]);
    expect(segments.filter((segment) => segment.attachmentId === stored?.id)).toEqual([]);
  });

  it('checks the type by content and the size limit', async () => {
    const { round } = await buildRound(database.db);
    const started = await startResponse(deps(), round.id, {});
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await expect(
      addAttachment(deps(), started.token!, { fileName: 'letter.pdf', bytes: png }),
    ).rejects.toMatchObject({ code: 'unsupported_file_type' });
    // An empty file is refused as empty, not as a file of the wrong type.
    await expect(
      addAttachment(deps(), started.token!, { fileName: 'tom.txt', bytes: new Uint8Array(0) }),
    ).rejects.toMatchObject({
      code: 'empty_file',
      message: '"tom.txt" is empty (0 bytes). Choose a file with content.',
    });
    const big = new Uint8Array(1024 * 1024 + 1).fill(65);
    await expect(
      addAttachment(deps(), started.token!, { fileName: 'big.txt', bytes: big }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});
