import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findAuditEvents } from '../audit/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { getProcessOverview } from '../plan/index.ts';
import {
  addStakeholderBody,
  deleteDeliverable,
  deleteInvolvementEvent,
  deleteStakeholderBody,
  getProcessTimeline,
  logInvolvementEvent,
  saveDeliverable,
  updateStakeholderBody,
} from '../plan/index.ts';
import { listRevisions } from './list-revisions.ts';
import { restoreRevision } from './restore-revision.ts';
import { updateProcessDetails } from './update-process-details.ts';

const slug = demoProcessSlug;

describe('process metadata editing by the secretariat', () => {
  let database: TestDatabase;
  let processId: string;
  let secretariat: Actor;
  let owner: Actor;
  let workingGroup: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    processId = (await findProcessBySlug(database.db, slug))!.id;
    secretariat = (await buildMember(database.db, processId, 'secretariat')).actor;
    owner = (await buildMember(database.db, processId, 'owner')).actor;
    workingGroup = (await buildMember(database.db, processId, 'working_group')).actor;
  });
  afterAll(async () => database.close());

  it('changes title, subtitle, commissioned by, mandate and principles with a revision and an audit event', async () => {
    const before = (await getProcessOverview(database.db, secretariat, slug)).strategyProcess;
    await expect(
      updateProcessDetails(database.db, workingGroup, { slug, title: 'Ny tittel' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateProcessDetails(database.db, secretariat, { slug, title: '  ' })).rejects.toMatchObject(
      {
        code: 'validation_failed',
      },
    );
    const updated = await updateProcessDetails(database.db, secretariat, {
      slug,
      title: ' Digitaliseringsstrategi 2021–2025 ',
      subtitle: '',
      commissionedBy: 'Kunnskapsdepartementet (KD)',
      mandate: ['Første mandatpunkt', ' ', 'Andre mandatpunkt '],
      principles: [...before.principles, 'Åpenhet'],
    });
    expect(updated).toMatchObject({
      title: 'Digitaliseringsstrategi 2021–2025',
      subtitle: null,
      commissionedBy: 'Kunnskapsdepartementet (KD)',
      mandate: ['Første mandatpunkt', 'Andre mandatpunkt'],
      principles: [...before.principles, 'Åpenhet'],
    });
    // an unchanged save writes nothing
    await updateProcessDetails(database.db, owner, { slug, commissionedBy: 'Kunnskapsdepartementet (KD)' });

    const history = await listRevisions(database.db, secretariat, { slug, themeId: null });
    const processRevisions = history.revisions.filter((row) => row.revision.entityType === 'process');
    expect(processRevisions).toHaveLength(1);
    expect(processRevisions[0]!.revision).toMatchObject({
      entityId: processId,
      version: 1,
      action: 'updated',
      before: { title: before.title, mandate: before.mandate },
      after: {
        title: 'Digitaliseringsstrategi 2021–2025',
        mandate: ['Første mandatpunkt', 'Andre mandatpunkt'],
      },
    });
    const audit = await findAuditEvents(database.db, { processId, action: 'process.details_updated' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.event.detail).toMatchObject({
      fields: ['title', 'subtitle', 'commissionedBy', 'mandate', 'principles'],
      before: { title: before.title },
      after: { title: 'Digitaliseringsstrategi 2021–2025' },
    });

    // restoring the revision's "before" is done by restoring an earlier state: edit again, restore the first
    await updateProcessDetails(database.db, secretariat, { slug, title: 'Feil tittel' });
    const restored = await restoreRevision(database.db, owner, {
      slug,
      revisionId: processRevisions[0]!.revision.id,
    });
    expect(restored).toMatchObject({ entityType: 'process', version: 3 });
    expect((await findProcessBySlug(database.db, slug))!.title).toBe('Digitaliseringsstrategi 2021–2025');
  });

  it('adds, changes and deletes deliverables; each audited', async () => {
    await expect(
      saveDeliverable(database.db, workingGroup, { slug, name: 'Rapport', date: '2021-06-01' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      saveDeliverable(database.db, secretariat, { slug, name: 'Rapport', date: '01.06.2021' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const created = await saveDeliverable(database.db, secretariat, {
      slug,
      name: 'Handlingsplan',
      recipient: 'Departementet',
      date: '2021-06-01',
    });
    expect(created.position).toBe(2);
    await saveDeliverable(database.db, secretariat, {
      slug,
      deliverableId: created.id,
      name: 'Handlingsplan 2021',
      recipient: null,
    });
    let timeline = await getProcessTimeline(database.db, secretariat, slug);
    expect(timeline.deliverables.map((row) => [row.name, row.recipient, row.date])).toContainEqual([
      'Handlingsplan 2021',
      null,
      '2021-06-01',
    ]);
    await deleteDeliverable(database.db, secretariat, { slug, deliverableId: created.id });
    timeline = await getProcessTimeline(database.db, secretariat, slug);
    expect(timeline.deliverables.map((row) => row.name)).not.toContain('Handlingsplan 2021');
    const actions = (await findAuditEvents(database.db, { processId }))
      .filter((row) => row.event.entityId === created.id)
      .map((row) => row.event.action)
      .sort();
    expect(actions).toEqual(['deliverable.created', 'deliverable.deleted', 'deliverable.updated']);
  });

  it('adds, renames, changes and deletes stakeholder bodies, but not one the involvement log names', async () => {
    await expect(
      addStakeholderBody(database.db, workingGroup, { slug, name: 'Referansegruppe' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addStakeholderBody(database.db, secretariat, { slug, name: 'Digitaliseringsstyret' }),
    ).rejects.toMatchObject({ code: 'body_name_taken', details: { fields: { name: 'Taken.' } } });
    const body = await addStakeholderBody(database.db, secretariat, {
      slug,
      name: 'Referansegruppe',
      role: 'Gir råd',
      members: ['Kari', ' ', 'Ola'],
    });
    expect(body).toMatchObject({ name: 'Referansegruppe', members: ['Kari', 'Ola'], position: 6 });
    await expect(
      updateStakeholderBody(database.db, secretariat, {
        slug,
        bodyId: body.id,
        name: 'Digitaliseringsstyret',
      }),
    ).rejects.toMatchObject({ code: 'body_name_taken' });
    const renamed = await updateStakeholderBody(database.db, secretariat, {
      slug,
      bodyId: body.id,
      name: 'Studentrådet',
      role: 'Studentenes stemme',
    });
    expect(renamed).toMatchObject({
      name: 'Studentrådet',
      role: 'Studentenes stemme',
      members: ['Kari', 'Ola'],
    });
    const event = await logInvolvementEvent(database.db, secretariat, {
      slug,
      date: '2020-11-01',
      kind: 'meeting',
      bodyId: body.id,
      notes: 'Møte med studentene',
    });
    await expect(deleteStakeholderBody(database.db, owner, { slug, bodyId: body.id })).rejects.toMatchObject({
      code: 'body_in_involvement_log',
      message: expect.stringContaining('Studentrådet is named in 1 entry of the involvement log'),
    });
    let timeline = await getProcessTimeline(database.db, secretariat, slug);
    expect(timeline.events.find((row) => row.id === event.id)).toMatchObject({
      bodyId: body.id,
      notes: 'Møte med studentene',
    });
    expect(timeline.bodies.map((row) => row.name)).toContain('Studentrådet');

    await deleteInvolvementEvent(database.db, secretariat, { slug, eventId: event.id });
    await deleteStakeholderBody(database.db, owner, { slug, bodyId: body.id });
    timeline = await getProcessTimeline(database.db, secretariat, slug);
    expect(timeline.bodies.map((row) => row.name)).not.toContain('Studentrådet');
    const actions = (await findAuditEvents(database.db, { processId }))
      .filter((row) => row.event.entityId === body.id)
      .map((row) => row.event.action)
      .sort();
    expect(actions).toEqual([
      'stakeholder_body.created',
      'stakeholder_body.deleted',
      'stakeholder_body.updated',
    ]);
  });
});
