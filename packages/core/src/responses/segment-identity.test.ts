import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  buildMember,
  buildProcess,
  buildRound,
  buildJobHandlers,
  type TestDatabase,
} from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { runPendingJobs } from '../jobs/index.ts';
import { createMailer } from '../email/index.ts';
import { segments } from '../db/schema/index.ts';
import { deleteRespondentData } from '../privacy/index.ts';
import {
  addAttachment,
  createFileStore,
  exportResponses,
  extractAttachmentJobHandler,
  removeAttachment,
  saveResponse,
  searchSegments,
  startResponse,
  submitResponse,
  withdrawResponse,
} from './index.ts';

let database: TestDatabase;
const folder = mkdtempSync(join(tmpdir(), 'innspill-segment-identity-'));
const fileStore = createFileStore(join(folder, 'files'));
const mailer = createMailer({ from: 'innspill@example.test', outboxFolder: join(folder, 'outbox') });
const clock = fixedClock(new Date('2026-11-28T12:00:00Z'));
const deps = () => ({
  db: database.db,
  clock,
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

interface ExportedSegment {
  id: string;
  answerId: string | null;
  attachmentId: string | null;
  position: number;
  text: string;
}

/** A round open until December, with its secretariat member and a way to export it as JSONL. */
async function openRound() {
  const strategyProcess = await buildProcess(database.db);
  const { round, questions } = await buildRound(database.db, {
    processId: strategyProcess.id,
    deadline: new Date('2026-12-10T22:59:00Z'),
  });
  const secretariat = (await buildMember(database.db, strategyProcess.id, 'secretariat')).actor;
  const exportedSegments = async (submissionId: string): Promise<ExportedSegment[]> => {
    const jsonl = await exportResponses(
      database.db,
      secretariat,
      { slug: strategyProcess.slug, roundNumber: round.number },
      'jsonl',
    );
    const records = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; segments: ExportedSegment[] });
    return records.find((record) => record.id === submissionId)?.segments ?? [];
  };
  return { strategyProcess, round, questions, secretariat, exportedSegments };
}

const idOf = (rows: ExportedSegment[], text: string) => rows.find((row) => row.text === text)?.id;

async function storedSegmentsOf(submissionId: string) {
  return (await database.db.select().from(segments)).filter((row) => row.submissionId === submissionId);
}

describe('segment identity', () => {
  it('keeps the ids of the unchanged paragraphs when a respondent edits one of three and submits again', async () => {
    const { round, questions, exportedSegments } = await openRound();
    const questionId = questions[0]!.id;
    const sent = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      answers: [
        {
          questionId,
          text: 'Vi trenger felles skytjenester.\n\nStudentene vil ha bedre eksamensverktøy.\n\nLærerne trenger mer opplæring.',
        },
      ],
    });
    const before = await exportedSegments(sent.submission.id);
    expect(before.map((row) => row.position)).toEqual([0, 1, 2]);

    await submitResponse(deps(), sent.token!, {
      answers: [
        {
          questionId,
          text: 'Vi trenger felles skytjenester.\n\nStudentene vil ha digitale eksamener hjemme.\n\nLærerne trenger mer opplæring.',
        },
      ],
    });
    const after = await exportedSegments(sent.submission.id);
    expect(after.map((row) => [row.position, row.text])).toEqual([
      [0, 'Vi trenger felles skytjenester.'],
      [1, 'Studentene vil ha digitale eksamener hjemme.'],
      [2, 'Lærerne trenger mer opplæring.'],
    ]);
    expect(idOf(after, 'Vi trenger felles skytjenester.')).toBe(
      idOf(before, 'Vi trenger felles skytjenester.'),
    );
    expect(idOf(after, 'Lærerne trenger mer opplæring.')).toBe(
      idOf(before, 'Lærerne trenger mer opplæring.'),
    );
    const oldId = idOf(before, 'Studentene vil ha bedre eksamensverktøy.')!;
    const newId = idOf(after, 'Studentene vil ha digitale eksamener hjemme.')!;
    expect(after.map((row) => row.id)).not.toContain(oldId);

    // The changed paragraph is retired, not deleted: kept, marked, linked to its replacement, out of search.
    const retired = (await storedSegmentsOf(sent.submission.id)).find((row) => row.id === oldId);
    expect(retired).toMatchObject({
      text: 'Studentene vil ha bedre eksamensverktøy.',
      retiredReason: 'changed',
      replacedBySegmentId: newId,
    });
    expect(retired?.retiredAt).toEqual(clock.now());
    expect(await searchSegments(database.db, round.id, 'eksamensverktøy', 'norwegian')).toEqual([]);

    // Reordered and one removed (saved before the deadline): ids follow their texts, positions stay dense.
    await saveResponse(deps(), sent.token!, {
      answers: [
        {
          questionId,
          text: 'Lærerne trenger mer opplæring.\n\nVi trenger felles skytjenester.',
        },
      ],
    });
    const reordered = await exportedSegments(sent.submission.id);
    expect(reordered.map((row) => [row.position, row.id])).toEqual([
      [0, idOf(before, 'Lærerne trenger mer opplæring.')],
      [1, idOf(before, 'Vi trenger felles skytjenester.')],
    ]);
    const removed = (await storedSegmentsOf(sent.submission.id)).find((row) => row.id === newId);
    expect(removed).toMatchObject({ retiredReason: 'removed', replacedBySegmentId: null });
  });

  it('keeps every segment id when an unchanged attachment is extracted again, and retires them when it is removed', async () => {
    const { round, questions, exportedSegments } = await openRound();
    const sent = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      answers: [{ questionId: questions[0]!.id, text: 'Se vedlagt brev.' }],
    });
    const letter =
      'Innspill fra fakultetet.\n\nMer samarbeid om digital eksamen.\n\nBedre nettverk på campus.';
    const attachment = await addAttachment(deps(), sent.token!, {
      fileName: 'brev.txt',
      bytes: new TextEncoder().encode(letter),
    });
    await runPendingJobs(database.db, buildJobHandlers({ db: database.db, mailer, fileStore }), clock);
    const ofAttachment = async () =>
      (await exportedSegments(sent.submission.id)).filter((row) => row.attachmentId === attachment.id);
    const before = await ofAttachment();
    expect(before.map((row) => row.text)).toEqual([
      'Innspill fra fakultetet.',
      'Mer samarbeid om digital eksamen.',
      'Bedre nettverk på campus.',
    ]);

    await extractAttachmentJobHandler(database.db, fileStore).run({ attachmentId: attachment.id });
    const after = await ofAttachment();
    expect(after).toEqual(before);
    expect((await storedSegmentsOf(sent.submission.id)).filter((row) => row.retiredAt !== null)).toEqual([]);

    await removeAttachment(deps(), sent.token!, attachment.id);
    expect(await ofAttachment()).toEqual([]);
    const kept = (await storedSegmentsOf(sent.submission.id)).filter((row) =>
      before.some((segment) => segment.id === row.id),
    );
    expect(kept.map((row) => [row.retiredReason, row.attachmentId])).toEqual([
      ['source_removed', null],
      ['source_removed', null],
      ['source_removed', null],
    ]);
  });

  it('retires, not deletes, the segments of a withdrawn response', async () => {
    const { round, questions, exportedSegments } = await openRound();
    const sent = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      answers: [{ questionId: questions[0]!.id, text: 'Vi trekker dette.\n\nOg dette.' }],
    });
    const before = await exportedSegments(sent.submission.id);
    await withdrawResponse(deps(), sent.token!);
    expect(await exportedSegments(sent.submission.id)).toEqual([]);
    const stored = await storedSegmentsOf(sent.submission.id);
    expect(stored.map((row) => [row.id, row.retiredReason]).sort()).toEqual(
      before.map((row) => [row.id, 'withdrawn']).sort(),
    );
  });

  it("deletes the retired text but keeps the live segments when a consenting respondent's data is deleted", async () => {
    const { strategyProcess, round, questions, secretariat, exportedSegments } = await openRound();
    const questionId = questions[0]!.id;
    const sent = await startResponse(deps(), round.id, {
      shouldSubmit: true,
      submitterEmail: 'ola@example.test',
      publicationConsent: true,
      answers: [{ questionId, text: 'Først skrev jeg dette.\n\nDette står fast.' }],
    });
    await submitResponse(deps(), sent.token!, {
      answers: [{ questionId, text: 'Så skrev jeg noe annet.\n\nDette står fast.' }],
    });
    const live = await exportedSegments(sent.submission.id);
    expect((await storedSegmentsOf(sent.submission.id)).some((row) => row.retiredAt !== null)).toBe(true);

    await deleteRespondentData({ db: database.db, clock, filesFolder: join(folder, 'files') }, secretariat, {
      slug: strategyProcess.slug,
      email: 'ola@example.test',
    });
    expect(await exportedSegments(sent.submission.id)).toEqual(live);
    expect((await storedSegmentsOf(sent.submission.id)).map((row) => row.id).sort()).toEqual(
      live.map((row) => row.id).sort(),
    );
  });
});
