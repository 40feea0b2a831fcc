import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  buildActor,
  buildMember,
  buildProcess,
  buildRound,
  buildSubmission,
  createTestDatabase,
  type TestDatabase,
} from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { auditEvents, submissions } from '../db/schema/index.ts';
import { createFileStore } from './file-store.ts';
import { importResponses } from './import-responses.ts';
import { matchSubmissionActor } from './match-submission-actor.ts';

let database: TestDatabase;
const folder = mkdtempSync(join(tmpdir(), 'innspill-matching-'));
const clock = fixedClock(new Date('2026-11-28T12:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

async function setUp() {
  const strategyProcess = await buildProcess(database.db);
  const { round } = await buildRound(database.db, { processId: strategyProcess.id });
  const secretariat = await buildMember(database.db, round.processId, 'secretariat');
  return { round, secretariat, locator: { slug: strategyProcess.slug, roundNumber: round.number } };
}

const auditOf = (submissionId: string) =>
  database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'submission'), eq(auditEvents.entityId, submissionId)))
    .orderBy(auditEvents.id);

describe(matchSubmissionActor.name, () => {
  it('unlinks a wrong automatic match, keeps the name the file gave and audits both changes', async () => {
    const { round, secretariat, locator } = await setUp();
    const wrong = await buildActor(database.db, round.processId, { name: 'Universitetet i Testby' });
    const right = await buildActor(database.db, round.processId, {
      name: 'Universitetet i Testby, fakultetet',
    });
    const csv = 'actor,q1\nUniversitetet i Testby,Mer samarbeid om digital eksamen.\n';
    const report = await importResponses(
      {
        db: database.db,
        clock,
        fileStore: createFileStore(join(folder, 'files')),
        maxUploadBytes: 1024 * 1024,
      },
      secretariat.actor,
      locator,
      [{ fileName: 'svar.csv', bytes: new TextEncoder().encode(csv) }],
      { isDryRun: false },
    );
    expect(report.submissionCount).toBe(1);
    const [imported] = await database.db.select().from(submissions).where(eq(submissions.roundId, round.id));
    expect(imported).toMatchObject({ actorId: wrong.id, organisationName: 'Universitetet i Testby' });

    const unlinked = await matchSubmissionActor(database.db, secretariat.actor, locator, imported!.id, null);
    expect(unlinked.submission).toMatchObject({ actorId: null, organisationName: 'Universitetet i Testby' });
    const matched = await matchSubmissionActor(
      database.db,
      secretariat.actor,
      locator,
      imported!.id,
      right.id,
    );
    expect(matched.submission.actorId).toBe(right.id);

    const events = await auditOf(imported!.id);
    expect(events.map((event) => [event.action, event.detail])).toEqual([
      ['submission.unmatched', { roundNumber: round.number, actorId: null, previousActorId: wrong.id }],
      ['submission.matched', { roundNumber: round.number, actorId: right.id, previousActorId: null }],
    ]);
  });

  it('keeps the unlinked actor’s name on a submission that had none, and does nothing for an unlinked one', async () => {
    const { round, secretariat, locator } = await setUp();
    const registered = await buildActor(database.db, round.processId, { name: 'Høgskolen i Testby' });
    const submission = await buildSubmission(database.db, round.id, {
      source: 'import',
      actorId: registered.id,
    });
    const unlinked = await matchSubmissionActor(database.db, secretariat.actor, locator, submission.id, null);
    expect(unlinked.submission).toMatchObject({ actorId: null, organisationName: 'Høgskolen i Testby' });
    await matchSubmissionActor(database.db, secretariat.actor, locator, submission.id, null);
    expect((await auditOf(submission.id)).map((event) => event.action)).toEqual(['submission.unmatched']);
  });

  it('lets only the secretariat (and owners) unlink', async () => {
    const { round, locator } = await setUp();
    const registered = await buildActor(database.db, round.processId);
    const submission = await buildSubmission(database.db, round.id, {
      source: 'import',
      actorId: registered.id,
    });
    for (const role of ['observer', 'reviewer'] as const) {
      const member = await buildMember(database.db, round.processId, role);
      await expect(
        matchSubmissionActor(database.db, member.actor, locator, submission.id, null),
      ).rejects.toMatchObject({ code: 'forbidden' });
    }
    const [row] = await database.db.select().from(submissions).where(eq(submissions.id, submission.id));
    expect(row?.actorId).toBe(registered.id);
    expect(await auditOf(submission.id)).toEqual([]);
  });
});
