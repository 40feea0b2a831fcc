import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findAuditEvents } from '../audit/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { findStrategyOfProcess } from './strategies.repository.ts';
import { listRevisions } from './list-revisions.ts';
import { restoreRevision } from './restore-revision.ts';
import { updateStrategyStructure } from './update-strategy-structure.ts';

const slug = demoProcessSlug;

describe('strategy structure editing', () => {
  let database: TestDatabase;
  let processId: string;
  let workingGroup: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    processId = (await findProcessBySlug(database.db, slug))!.id;
    workingGroup = (await buildMember(database.db, processId, 'working_group')).actor;
    reviewer = (await buildMember(database.db, processId, 'reviewer')).actor;
  });
  afterAll(async () => database.close());

  it('changes dimensions, pillars and other areas, keeps unknown keys, records a revision and restores it', async () => {
    const original = (await findStrategyOfProcess(database.db, processId))!;
    await expect(
      updateStrategyStructure(database.db, reviewer, { slug, pillars: ['x'] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      updateStrategyStructure(database.db, workingGroup, {
        slug,
        dimensions: [{ name: ' ', description: '' }],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const updated = await updateStrategyStructure(database.db, workingGroup, {
      slug,
      dimensions: [{ name: ' Utfordringer ', description: 'Hvorfor?' }],
      pillarsLabel: 'Søyler',
      pillars: ['Utdanning', ' ', 'Forskning'],
      otherAreas: [],
    });
    expect(updated.structure).toMatchObject({
      dimensions: [{ name: 'Utfordringer', description: 'Hvorfor?' }],
      pillarsLabel: 'Søyler',
      pillars: ['Utdanning', 'Forskning'],
      otherAreas: [],
      slideTitle: original.structure.slideTitle,
      notes: original.structure.notes,
    });
    expect(updated.version).toBe(original.version + 1);
    // the same structure again writes nothing
    await updateStrategyStructure(database.db, workingGroup, { slug, pillars: ['Utdanning', 'Forskning'] });
    const audit = await findAuditEvents(database.db, { processId, action: 'strategy.structure_updated' });
    expect(audit).toHaveLength(1);

    const history = await listRevisions(database.db, workingGroup, { slug, themeId: null });
    const revision = history.revisions.find((row) => row.revision.version === updated.version)!.revision;
    expect(revision).toMatchObject({
      entityType: 'strategy',
      action: 'updated',
      before: { structure: original.structure },
    });
    await updateStrategyStructure(database.db, workingGroup, { slug, pillars: ['Feil'] });
    await restoreRevision(database.db, workingGroup, { slug, revisionId: revision.id });
    const restored = (await findStrategyOfProcess(database.db, processId))!;
    expect(restored.structure).toEqual(updated.structure);
    expect(restored.goalsLead).toBe(original.goalsLead);
  });
});
