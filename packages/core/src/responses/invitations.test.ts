import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  buildActor,
  buildMember,
  buildRound,
  type TestDatabase,
} from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { systemActor } from '../shared/actor.ts';
import { findJobs } from '../jobs/index.ts';
import { findProcessById } from '../processes/index.ts';
import { importActors } from '../actors/index.ts';
import {
  getParticipation,
  inviteActors,
  openRespondentLink,
  sendDueReminders,
  submitResponse,
} from './index.ts';

let database: TestDatabase;
const now = new Date('2026-11-28T12:00:00Z');
const clock = fixedClock(now);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(inviteActors.name, () => {
  it('issues one secret link per actor, emails it by job, and reminds only non-responders once', async () => {
    const { round, questions, processId } = await buildRound(database.db, {
      number: 1,
      deadline: new Date('2026-11-30T22:59:00Z'),
      reminderDaysBefore: 3,
    });
    const strategyProcess = await findProcessById(database.db, processId);
    const { actor } = await buildMember(database.db, processId, 'secretariat');
    const answering = await buildActor(database.db, processId, { name: 'Svarer AS', type: 'naeringsliv' });
    const silent = await buildActor(database.db, processId, {
      name: 'Stille kommune',
      type: 'kommune_fylkeskommune',
    });
    const deps = { db: database.db, clock, publicUrl: 'https://innspill.test' };
    const result = await inviteActors(deps, actor, { slug: strategyProcess!.slug, roundNumber: 1 }, [
      answering.id,
      silent.id,
    ]);
    expect(result.issued).toHaveLength(2);
    const again = await inviteActors(deps, actor, { slug: strategyProcess!.slug, roundNumber: 1 }, [
      answering.id,
    ]);
    expect(again).toMatchObject({ issued: [], skipped: 1 });
    const emailJobs = (await findJobs(database.db, 'email.send')).filter((job) =>
      String(job.payload.text).includes('innspill.test/i/'),
    );
    expect(emailJobs).toHaveLength(2);

    const answeringLink = result.issued.find((row) => row.actorId === answering.id)!.link;
    const token = answeringLink.split('/i/')[1]!;
    expect((await openRespondentLink(database.db, token, clock)).actorName).toBe('Svarer AS');
    await submitResponse({ ...deps }, token, {
      answers: [{ questionId: questions[0]!.id, text: 'Vårt svar.' }],
    });

    expect(await sendDueReminders(deps, systemActor('test'))).toBe(1);
    expect(await sendDueReminders(deps, systemActor('test'))).toBe(0);
    const silentOldToken = result.issued.find((row) => row.actorId === silent.id)!.link.split('/i/')[1]!;
    await expect(openRespondentLink(database.db, silentOldToken, clock)).rejects.toMatchObject({
      code: 'not_found',
    });

    const participation = await getParticipation(database.db, actor, {
      slug: strategyProcess!.slug,
      roundNumber: 1,
    });
    expect(participation.totals).toEqual({ invited: 2, invitedAnswered: 1, answered: 1, late: 0 });
    expect(participation.byType).toEqual([
      { actorType: 'kommune_fylkeskommune', invited: 1, answered: 0 },
      { actorType: 'naeringsliv', invited: 1, answered: 1 },
    ]);
    expect(participation.notAnswered.map((row) => row.name)).toEqual(['Stille kommune']);
    expect(round.id).toBeTruthy();
  });
});

describe(importActors.name, () => {
  it('previews every row with its errors, then imports all or nothing', async () => {
    const { processId } = await buildRound(database.db);
    const strategyProcess = await findProcessById(database.db, processId);
    const { actor } = await buildMember(database.db, processId, 'secretariat');
    const bad =
      'navn;type;orgnr;e-post\nUniversitetet i Oslo;Universitet;971035854;post@uio.example\nFeil AS;Næringsliv;123456789;x\n';
    const preview = await importActors(
      database.db,
      actor,
      strategyProcess!.slug,
      { fileName: 'a.csv', bytes: new TextEncoder().encode(bad) },
      true,
    );
    expect(preview.errorCount).toBe(1);
    expect(Object.keys(preview.rows[1]!.problems).sort()).toEqual(['contactEmails', 'organisationNumber']);
    await expect(
      importActors(
        database.db,
        actor,
        strategyProcess!.slug,
        { fileName: 'a.csv', bytes: new TextEncoder().encode(bad) },
        false,
      ),
    ).rejects.toMatchObject({ code: 'import_failed' });
    const good = bad.replace('Feil AS;Næringsliv;123456789;x', 'Bra AS;Næringsliv;;');
    const done = await importActors(
      database.db,
      actor,
      strategyProcess!.slug,
      { fileName: 'a.csv', bytes: new TextEncoder().encode(good) },
      false,
    );
    expect(done).toMatchObject({ isCommitted: true, createCount: 2 });
    const repeat = await importActors(
      database.db,
      actor,
      strategyProcess!.slug,
      { fileName: 'a.csv', bytes: new TextEncoder().encode(good) },
      true,
    );
    expect(repeat.duplicateCount).toBe(2);
  });
});
