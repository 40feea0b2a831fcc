import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildActor,
  buildMember,
  buildProcess,
  buildRound,
  buildSubmission,
  buildUser,
  createTestDatabase,
  type TestDatabase,
} from '../testing/index.ts';
import {
  actors,
  answers,
  attachments,
  auditEvents,
  inputRounds,
  invitations,
  segments,
  submissions,
} from '../db/schema/index.ts';
import { anonymousActor } from '../shared/actor.ts';
import { fixedClock } from '../shared/clock.ts';
import { createFileStore, extractAttachmentJobHandler } from '../responses/index.ts';
import { storeAttachment } from '../responses/index.ts';
import { removeStoredFiles } from './remove-stored-files.ts';
import { resegmentAnswers } from '../responses/index.ts';
import { insertInvitation, insertSegments, updateAttachmentRow } from '../responses/index.ts';
import type { Question } from '../rounds/index.ts';
import {
  anonymiseExpiredSubmitters,
  deleteRespondentData,
  exportRespondentData,
  findRespondentData,
  processInputClosedAt,
  setProcessRetention,
} from './index.ts';

let database: TestDatabase;
const filesFolder = mkdtempSync(join(tmpdir(), 'innspill-privacy-'));
const fileStore = createFileStore(filesFolder);
const clock = fixedClock(new Date('2026-11-28T12:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(filesFolder, { recursive: true, force: true });
});

/** A sent (unless told) submission with text answers, answer segments and one extracted attachment. */
async function buildRespondent(
  roundId: string,
  questions: Question[],
  options: {
    name: string;
    email: string | null;
    consent: boolean | null;
    status?: 'draft' | 'submitted' | 'withdrawn';
  },
) {
  const { db } = database;
  const submission = await buildSubmission(db, roundId, {
    status: options.status ?? 'submitted',
    submitterName: options.name,
    submitterEmail: options.email,
    publicationConsent: options.consent,
    answers: { [questions[0]!.id]: `Svar fra ${options.name}: vi trenger felles verktøy.` },
  });
  const attachment = await db.transaction(async (tx) => {
    await resegmentAnswers(tx, submission.id, questions);
    const stored = await storeAttachment(
      tx,
      { fileStore },
      submission.id,
      {
        fileName: `brev fra ${options.name}.txt`,
        bytes: Buffer.from(`Brev fra ${options.name}. Mer digitalisering.`),
      },
      'txt',
    );
    await updateAttachmentRow(tx, stored.id, {
      extractionStatus: 'done',
      extractedText: 'Mer digitalisering.',
    });
    await insertSegments(tx, [
      {
        submissionId: submission.id,
        answerId: null,
        attachmentId: stored.id,
        position: 0,
        text: 'Mer digitalisering.',
        language: 'nb',
        searchConfig: 'norwegian',
      },
    ]);
    return stored;
  });
  return { submission, attachment };
}

async function setUpProcess() {
  const strategyProcess = await buildProcess(database.db);
  const { round, questions } = await buildRound(database.db, { processId: strategyProcess.id, number: 1 });
  const secretariat = await buildMember(database.db, strategyProcess.id, 'secretariat');
  return { strategyProcess, round, questions, secretariat };
}

describe(findRespondentData.name, () => {
  it('finds submissions, answers, attachments and contacts by email, whatever the case, for the secretariat only', async () => {
    const { strategyProcess, round, questions, secretariat } = await setUpProcess();
    await buildRespondent(round.id, questions, {
      name: 'Kari Nordmann',
      email: 'Kari@Example.test',
      consent: true,
    });
    await buildRespondent(round.id, questions, {
      name: 'Ola Hansen',
      email: 'ola@example.test',
      consent: true,
    });
    const organisation = await buildActor(database.db, strategyProcess.id, {
      contactEmails: ['kari@example.test'],
    });
    await insertInvitation(database.db, {
      roundId: round.id,
      actorId: organisation.id,
      tokenHash: `hash-${organisation.id}`,
      emails: ['KARI@example.test', 'post@org.example'],
    });

    const found = await findRespondentData(database.db, secretariat.actor, {
      slug: strategyProcess.slug,
      email: ' kari@example.TEST ',
    });
    expect(found.submissions).toHaveLength(1);
    expect(found.submissions[0]).toMatchObject({
      submitterName: 'Kari Nordmann',
      status: 'submitted',
      answers: [{ text: 'Svar fra Kari Nordmann: vi trenger felles verktøy.' }],
      attachments: [{ fileName: 'brev fra Kari Nordmann.txt', extractedText: 'Mer digitalisering.' }],
    });
    expect(found.invitationContacts).toEqual([
      expect.objectContaining({ actorName: organisation.name, roundNumber: 1 }),
    ]);
    expect(found.actorContacts).toEqual([{ actorId: organisation.id, actorName: organisation.name }]);

    const observer = await buildMember(database.db, strategyProcess.id, 'observer');
    const outsider = await buildUser(database.db);
    const locator = { slug: strategyProcess.slug, email: 'kari@example.test' };
    await expect(findRespondentData(database.db, observer.actor, locator)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(findRespondentData(database.db, outsider.actor, locator)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(findRespondentData(database.db, anonymousActor, locator)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      findRespondentData(database.db, secretariat.actor, { ...locator, email: 'not an address' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe(exportRespondentData.name, () => {
  it('writes one JSON document with everything found and audits the export without the address', async () => {
    const { strategyProcess, round, questions, secretariat } = await setUpProcess();
    await buildRespondent(round.id, questions, {
      name: 'Per Eksport',
      email: 'per@example.test',
      consent: false,
    });
    const exported = await exportRespondentData(
      database.db,
      secretariat.actor,
      { slug: strategyProcess.slug, email: 'per@example.test' },
      clock,
    );
    const parsed = JSON.parse(exported.json) as {
      format: string;
      submissions: { answers: { text: string }[] }[];
    };
    expect(parsed.format).toBe('innspill.respondent-data/v1');
    expect(parsed.submissions[0]!.answers[0]!.text).toContain('Per Eksport');
    expect(exported.fileName).toBe(`${strategyProcess.slug}-respondent-data-2026-11-28.json`);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.processId, strategyProcess.id));
    const exportEvent = events.find((event) => event.action === 'privacy.respondent_exported');
    expect(exportEvent?.userId).toBe(secretariat.user.id);
    expect(JSON.stringify(exportEvent?.detail)).not.toContain('per@example.test');
  });
});

describe(deleteRespondentData.name, () => {
  it('keeps the anonymised text of a consented submission and removes everything of one without consent', async () => {
    const { strategyProcess, round, questions, secretariat } = await setUpProcess();
    const consented = await buildRespondent(round.id, questions, {
      name: 'Siri Samtykke',
      email: 'siri@example.test',
      consent: true,
    });
    const refused = await buildRespondent(round.id, questions, {
      name: 'Siri Samtykke',
      email: 'SIRI@example.test',
      consent: false,
    });
    const draft = await buildRespondent(round.id, questions, {
      name: 'Siri Samtykke',
      email: 'siri@example.test',
      consent: true,
      status: 'draft',
    });
    const other = await buildRespondent(round.id, questions, {
      name: 'Annen Person',
      email: 'annen@example.test',
      consent: false,
    });
    const organisation = await buildActor(database.db, strategyProcess.id, {
      contactEmails: ['siri@example.test', 'post@org.example'],
    });
    const otherProcess = await setUpProcess();
    const elsewhere = await buildRespondent(otherProcess.round.id, otherProcess.questions, {
      name: 'Siri Samtykke',
      email: 'siri@example.test',
      consent: false,
    });

    const summary = await deleteRespondentData({ db: database.db, clock, filesFolder }, secretariat.actor, {
      slug: strategyProcess.slug,
      email: 'siri@example.test',
    });
    expect(summary).toEqual({
      submissionsDeleted: 2,
      submissionsAnonymised: 1,
      attachmentsDeleted: 2,
      filesRemoved: 3,
      invitationContactsRemoved: 0,
      actorContactsRemoved: 1,
      emailsForgotten: 0,
    });

    const { db } = database;
    const [kept] = await db.select().from(submissions).where(eq(submissions.id, consented.submission.id));
    expect(kept).toMatchObject({ submitterName: null, submitterEmail: null, status: 'submitted' });
    expect(
      await db.select().from(answers).where(eq(answers.submissionId, consented.submission.id)),
    ).toHaveLength(1);
    const [keptAttachment] = await db
      .select()
      .from(attachments)
      .where(eq(attachments.id, consented.attachment.id));
    expect(keptAttachment).toMatchObject({
      extractedText: 'Mer digitalisering.',
      fileName: 'attachment-1.txt',
    });
    expect(existsSync(join(filesFolder, consented.attachment.storageKey))).toBe(false);
    expect(
      (await db.select().from(segments).where(eq(segments.submissionId, consented.submission.id))).length,
    ).toBeGreaterThan(1);

    const removedIds = [refused.submission.id, draft.submission.id];
    expect(await db.select().from(submissions).where(inArray(submissions.id, removedIds))).toEqual([]);
    expect(await db.select().from(answers).where(inArray(answers.submissionId, removedIds))).toEqual([]);
    expect(await db.select().from(attachments).where(inArray(attachments.submissionId, removedIds))).toEqual(
      [],
    );
    expect(await db.select().from(segments).where(inArray(segments.submissionId, removedIds))).toEqual([]);
    expect(existsSync(join(filesFolder, refused.attachment.storageKey))).toBe(false);

    for (const untouched of [other, elsewhere]) {
      const [row] = await db.select().from(submissions).where(eq(submissions.id, untouched.submission.id));
      expect(row?.submitterEmail).not.toBeNull();
      expect(existsSync(join(filesFolder, untouched.attachment.storageKey))).toBe(true);
    }
    const [contact] = await db.select().from(actors).where(eq(actors.id, organisation.id));
    expect(contact?.contactEmails).toEqual(['post@org.example']);

    const events = await db.select().from(auditEvents).where(eq(auditEvents.processId, strategyProcess.id));
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'privacy.respondent_deleted',
        'submission.anonymised_on_request',
        'submission.deleted_on_request',
      ]),
    );
    const logged = JSON.stringify(events.filter((event) => /privacy|on_request/.test(event.action)));
    expect(logged).not.toMatch(/siri|Samtykke/i);

    const again = await findRespondentData(db, secretariat.actor, {
      slug: strategyProcess.slug,
      email: 'siri@example.test',
    });
    expect(again.submissions).toEqual([]);
    expect(again.actorContacts).toEqual([]);
  });

  it('marks a kept attachment whose text was never read as deleted on request (a code, not just English)', async () => {
    const { strategyProcess, round, questions, secretariat } = await setUpProcess();
    const consented = await buildRespondent(round.id, questions, {
      name: 'Per Ventende',
      email: 'per@example.test',
      consent: true,
    });
    await updateAttachmentRow(database.db, consented.attachment.id, {
      extractionStatus: 'pending',
      extractedText: null,
    });
    await deleteRespondentData({ db: database.db, clock, filesFolder }, secretariat.actor, {
      slug: strategyProcess.slug,
      email: 'per@example.test',
    });
    const [row] = await database.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, consented.attachment.id));
    expect(row).toMatchObject({
      extractionStatus: 'failed',
      extractionFailure: 'deleted_on_request',
      extractionError: 'The file was deleted at the respondent’s request.',
    });
    // The extraction job still queued for it finishes without touching the row or failing on the
    // missing file (it would otherwise be retried until it gave up).
    const job = extractAttachmentJobHandler(database.db, fileStore);
    await expect(job.run({ attachmentId: consented.attachment.id })).resolves.toBeUndefined();
    const [after] = await database.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, consented.attachment.id));
    expect(after).toEqual(row);
  });

  it('removes the address from invitation contacts and refuses members without the right', async () => {
    const { strategyProcess, round, secretariat } = await setUpProcess();
    const organisation = await buildActor(database.db, strategyProcess.id);
    const invitation = await insertInvitation(database.db, {
      roundId: round.id,
      actorId: organisation.id,
      tokenHash: `hash-${organisation.id}`,
      emails: ['Leder@org.example', 'post@org.example'],
    });
    const reviewer = await buildMember(database.db, strategyProcess.id, 'reviewer');
    const locator = { slug: strategyProcess.slug, email: 'leder@org.example' };
    const deps = { db: database.db, clock, filesFolder };
    await expect(deleteRespondentData(deps, reviewer.actor, locator)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const summary = await deleteRespondentData(deps, secretariat.actor, locator);
    expect(summary.invitationContactsRemoved).toBe(1);
    const [row] = await database.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.emails).toEqual(['post@org.example']);
  });
});

describe(anonymiseExpiredSubmitters.name, () => {
  it('clears submitter name and email once the retention period after the input closed has passed', async () => {
    const closedAt = new Date('2026-01-10T12:00:00Z');
    const { strategyProcess, round, questions, secretariat } = await setUpProcess();
    await database.db
      .update(inputRounds)
      .set({ status: 'closed', closedAt, deadline: new Date('2026-01-31T22:59:00Z') })
      .where(eq(inputRounds.id, round.id));
    const respondent = await buildRespondent(round.id, questions, {
      name: 'Gammel Respondent',
      email: 'gammel@example.test',
      consent: true,
    });
    const openProcess = await setUpProcess();
    const stillOpen = await buildRespondent(openProcess.round.id, openProcess.questions, {
      name: 'Aktiv Respondent',
      email: 'aktiv@example.test',
      consent: true,
    });
    await setProcessRetention(
      database.db,
      secretariat.actor,
      { slug: strategyProcess.slug, retentionDays: 30 },
      clock,
    );
    await setProcessRetention(
      database.db,
      openProcess.secretariat.actor,
      { slug: openProcess.strategyProcess.slug, retentionDays: 1 },
      clock,
    );
    await expect(
      setProcessRetention(
        database.db,
        secretariat.actor,
        { slug: strategyProcess.slug, retentionDays: 0 },
        clock,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });

    const before = await anonymiseExpiredSubmitters(
      database.db,
      fixedClock(new Date('2026-02-08T12:00:00Z')),
    );
    expect(before.submissions).toBe(0);
    const after = await anonymiseExpiredSubmitters(database.db, fixedClock(new Date('2026-02-10T12:00:00Z')));
    expect(after).toEqual({ processes: 1, submissions: 1 });
    const [cleared] = await database.db
      .select()
      .from(submissions)
      .where(eq(submissions.id, respondent.submission.id));
    expect(cleared).toMatchObject({ submitterName: null, submitterEmail: null, status: 'submitted' });
    expect(
      await database.db.select().from(answers).where(eq(answers.submissionId, respondent.submission.id)),
    ).toHaveLength(1);
    const [active] = await database.db
      .select()
      .from(submissions)
      .where(eq(submissions.id, stillOpen.submission.id));
    expect(active?.submitterEmail).toBe('aktiv@example.test');
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.processId, strategyProcess.id));
    expect(events.find((event) => event.action === 'privacy.retention_anonymised')?.detail).toMatchObject({
      submissions: 1,
      via: 'retention',
    });
    expect(
      (await anonymiseExpiredSubmitters(database.db, fixedClock(new Date('2026-03-01T12:00:00Z'))))
        .submissions,
    ).toBe(0);
  });

  it('counts a process as closed only when all its rounds are, unless it is marked closed', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const round = (values: { status: 'draft' | 'open' | 'closed'; deadline: string; closedAt?: string }) =>
      ({
        status: values.status,
        deadline: new Date(values.deadline),
        closedAt: values.closedAt ? new Date(values.closedAt) : null,
        opensAt: null,
      }) as never;
    const closedEarly = round({
      status: 'closed',
      deadline: '2026-05-01T00:00:00Z',
      closedAt: '2026-04-20T00:00:00Z',
    });
    const pastDeadline = round({ status: 'open', deadline: '2026-05-10T00:00:00Z' });
    const stillOpen = round({ status: 'open', deadline: '2026-07-01T00:00:00Z' });
    const draft = round({ status: 'draft', deadline: '2026-08-01T00:00:00Z' });
    expect(processInputClosedAt({ status: 'active' }, [closedEarly, pastDeadline], now)).toEqual(
      new Date('2026-05-10T00:00:00Z'),
    );
    expect(processInputClosedAt({ status: 'active' }, [closedEarly, stillOpen], now)).toBeUndefined();
    expect(processInputClosedAt({ status: 'active' }, [closedEarly, draft], now)).toBeUndefined();
    expect(processInputClosedAt({ status: 'closed' }, [closedEarly, draft], now)).toEqual(
      new Date('2026-04-20T00:00:00Z'),
    );
    expect(processInputClosedAt({ status: 'closed' }, [], now)).toBeUndefined();
  });
});

describe(removeStoredFiles.name, () => {
  it('counts removed files, skips missing ones and reports a failure instead of throwing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'innspill-remove-files-'));
    const store = createFileStore(folder);
    const removable = store.put(new TextEncoder().encode('a'));
    const stuck = store.put(new TextEncoder().encode('b'));
    // A directory where a file was: rm refuses it (EISDIR), as it would a read-only disk.
    rmSync(join(folder, stuck.storageKey));
    mkdirSync(join(folder, stuck.storageKey));
    writeFileSync(join(folder, stuck.storageKey, 'keep'), 'x');
    const failures: string[] = [];
    const removed = removeStoredFiles(
      folder,
      [
        removable.storageKey,
        removable.storageKey,
        stuck.storageKey,
        'ab/00000000-0000-0000-0000-000000000000',
      ],
      { onRemoveError: (storageKey) => failures.push(storageKey) },
    );
    expect(removed).toBe(1);
    expect(existsSync(join(folder, removable.storageKey))).toBe(false);
    expect(failures).toEqual([stuck.storageKey]);
    rmSync(folder, { recursive: true, force: true });
  });
});
