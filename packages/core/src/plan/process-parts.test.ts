import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { fixedClock } from '../shared/clock.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { deleteInvolvementEvent, logInvolvementEvent } from './log-involvement-event.ts';
import { updateStakeholderBody } from './update-stakeholder-body.ts';
import { saveMilestone } from './save-milestone.ts';
import { getProcessTimeline } from './get-process-timeline.ts';

const slug = demoProcessSlug;

describe('involvement log, bodies, milestones and the timeline', () => {
  let database: TestDatabase;
  let secretariat: Actor;
  let workingGroup: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    const processId = (await findProcessBySlug(database.db, slug))!.id;
    secretariat = (await buildMember(database.db, processId, 'secretariat')).actor;
    workingGroup = (await buildMember(database.db, processId, 'working_group')).actor;
  });
  afterAll(async () => database.close());

  it('shows where the demo process stands on a given day', async () => {
    const timeline = await getProcessTimeline(
      database.db,
      workingGroup,
      slug,
      fixedClock(new Date('2020-10-01T12:00:00Z')),
    );
    expect(timeline.today).toBe('2020-10-01');
    expect(timeline.counts).toMatchObject({
      rounds: 2,
      bodies: 6,
      strategicThemes: 6,
      statements: 126,
      milestones: 4,
    });
    expect(timeline.deliverables.map((deliverable) => deliverable.name)).toEqual([
      'Utkast til ny digitaliseringsstrategi',
      'Lansering av strategien',
    ]);
    expect(timeline.canEdit).toBe(false);
  });

  it('logs involvement events with a body, and deletes them; only the secretariat may', async () => {
    const before = await getProcessTimeline(database.db, secretariat, slug);
    const board = before.bodies.find((body) => body.name === 'Digitaliseringsstyret')!;
    await expect(
      logInvolvementEvent(database.db, workingGroup, { slug, date: '2020-10-20', kind: 'status_report' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      logInvolvementEvent(database.db, secretariat, { slug, date: '20.10.2020', kind: 'meeting' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const event = await logInvolvementEvent(database.db, secretariat, {
      slug,
      date: '2020-10-20',
      kind: 'status_report',
      bodyId: board.id,
      notes: ' Status ',
    });
    expect(event).toMatchObject({ bodyId: board.id, notes: 'Status' });
    expect((await getProcessTimeline(database.db, secretariat, slug)).events.map((row) => row.id)).toEqual([
      event.id,
    ]);
    await deleteInvolvementEvent(database.db, secretariat, { slug, eventId: event.id });
    expect((await getProcessTimeline(database.db, secretariat, slug)).events).toEqual([]);
  });

  it('keeps members of a body and adds and completes milestones', async () => {
    const { bodies } = await getProcessTimeline(database.db, secretariat, slug);
    const group = bodies.find((body) => body.name === 'Arbeidsgruppen')!;
    const updated = await updateStakeholderBody(database.db, secretariat, {
      slug,
      bodyId: group.id,
      members: [' Kari Nordmann ', '', 'Ola Nordmann'],
    });
    expect(updated.members).toEqual(['Kari Nordmann', 'Ola Nordmann']);
    const milestone = await saveMilestone(database.db, secretariat, {
      slug,
      title: 'Høringsmøte',
      date: '2020-11-05',
      kind: 'meeting',
    });
    expect(milestone.isDone).toBe(false);
    const done = await saveMilestone(database.db, secretariat, {
      slug,
      milestoneId: milestone.id,
      isDone: true,
    });
    expect(done.isDone).toBe(true);
    await expect(
      saveMilestone(database.db, workingGroup, { slug, title: 'x', date: '2020-11-05' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
