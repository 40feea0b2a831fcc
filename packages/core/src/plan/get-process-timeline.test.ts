import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  buildMember,
  buildProcess,
  buildRound,
  type TestDatabase,
} from '../testing/index.ts';
import type { Actor } from '../shared/actor.ts';
import { fixedClock } from '../shared/clock.ts';
import { getProcessOverview } from './index.ts';
import { saveMilestone } from './save-milestone.ts';
import { logInvolvementEvent } from './log-involvement-event.ts';
import { saveDeliverable } from './deliverables-and-bodies.ts';
import { getProcessTimeline } from './get-process-timeline.ts';

/**
 * A round open until 29 November 00:01 Oslo (28 November 23:01 UTC), a draft round with a
 * deadline long past, and milestones on 28 and 29 November.
 */
describe('the timeline and overview around midnight in Oslo', () => {
  let database: TestDatabase;
  let secretariat: Actor;
  let slug: string;
  const at = (iso: string) => fixedClock(new Date(iso));

  beforeAll(async () => {
    database = await createTestDatabase();
    const strategyProcess = await buildProcess(database.db);
    slug = strategyProcess.slug;
    secretariat = (await buildMember(database.db, strategyProcess.id, 'secretariat')).actor;
    await buildRound(database.db, {
      processId: strategyProcess.id,
      number: 1,
      title: 'Runde 1',
      status: 'open',
      deadline: new Date('2026-11-28T23:01:00Z'),
    });
    await buildRound(database.db, {
      processId: strategyProcess.id,
      number: 2,
      title: 'Gammelt utkast',
      status: 'draft',
      deadline: new Date('2001-05-01T10:00:00Z'),
    });
    await saveMilestone(database.db, secretariat, {
      slug,
      title: 'Lørdag',
      date: '2026-11-28',
      kind: 'meeting',
    });
    await saveMilestone(database.db, secretariat, {
      slug,
      title: 'Søndag',
      date: '2026-11-29',
      kind: 'meeting',
    });
  });
  afterAll(async () => database.close());

  it('is still 28 November one minute before midnight Oslo, with the round open', async () => {
    const timeline = await getProcessTimeline(database.db, secretariat, slug, at('2026-11-28T22:59:00Z'));
    expect(timeline.today).toBe('2026-11-28');
    expect(timeline.nextMilestone?.title).toBe('Lørdag');
    expect(timeline.openRounds.map((round) => round.title)).toEqual(['Runde 1']);
  });

  it('is 29 November just after midnight Oslo, though the UTC date is still the 28th', async () => {
    const timeline = await getProcessTimeline(database.db, secretariat, slug, at('2026-11-28T23:00:30Z'));
    expect(timeline.today).toBe('2026-11-29');
    expect(timeline.nextMilestone?.title).toBe('Søndag');
    expect(timeline.openRounds.map((round) => round.title)).toEqual(['Runde 1']);
  });

  it('counts a round stored as open but past its deadline as closed, and a draft as a draft', async () => {
    const clock = at('2026-11-28T23:02:00Z');
    const timeline = await getProcessTimeline(database.db, secretariat, slug, clock);
    expect(timeline.openRounds).toEqual([]);
    const statusByTitle = Object.fromEntries(
      timeline.rounds.map((round) => [round.title, round.effectiveStatus]),
    );
    expect(statusByTitle).toEqual({ 'Runde 1': 'closed', 'Gammelt utkast': 'draft' });

    const overview = await getProcessOverview(database.db, secretariat, slug, clock);
    expect(overview.rounds.map((round) => [round.title, round.effectiveStatus])).toEqual(
      expect.arrayContaining([
        ['Runde 1', 'closed'],
        ['Gammelt utkast', 'draft'],
      ]),
    );
  });

  it('refuses plan dates that are not in the calendar (Date.parse reads 30 February as 2 March)', async () => {
    await expect(
      saveMilestone(database.db, secretariat, { slug, title: 'Feil', date: '2099-02-30', kind: 'meeting' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      logInvolvementEvent(database.db, secretariat, { slug, date: '2027-02-29', kind: 'meeting' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      saveDeliverable(database.db, secretariat, { slug, name: 'Strategi', date: '2026-04-31' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      saveMilestone(database.db, secretariat, {
        slug,
        title: 'Skuddår',
        date: '2028-02-29',
        kind: 'meeting',
      }),
    ).resolves.toMatchObject({ date: '2028-02-29' });
  });
});
