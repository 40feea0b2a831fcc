import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { getCanvas } from './get-canvas.ts';
import { getStrategyOverview } from './get-strategy-overview.ts';
import { listRevisions } from './list-revisions.ts';
import { updateCanvas } from './update-canvas.ts';
import { updateGoalsLead } from './update-goals-lead.ts';
import { updateStatement } from './update-statement.ts';
import { updateStrategyStructure } from './update-strategy-structure.ts';
import type { Database } from '../db/database.ts';
import { findThemeByNumber } from '../themes/index.ts';

const slug = demoProcessSlug;

/** Themes are addressed by id: the id of the strategic theme that has `number` now. */
async function themeId(db: Database, number: number): Promise<string> {
  const processId = (await findProcessBySlug(db, demoProcessSlug))!.id;
  return (await findThemeByNumber(db, processId, number))!.id;
}

/**
 * Two people open the same text; one saves, then the other saves from what they opened. The
 * second save must be refused (code `conflict`) so the first person's change is not silently lost.
 */
describe('edits based on an older version', () => {
  let database: TestDatabase;
  let anne: Actor;
  let bjorn: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    const processId = (await findProcessBySlug(database.db, slug))!.id;
    anne = (await buildMember(database.db, processId, 'secretariat')).actor;
    bjorn = (await buildMember(database.db, processId, 'working_group')).actor;
  });
  afterAll(async () => database.close());

  it(`${updateStatement.name} refuses a save based on a version someone else has changed`, async () => {
    const opened = (await getCanvas(database.db, anne, { slug, themeId: await themeId(database.db, 2) }))
      .statements[0]!.statement;
    await updateStatement(database.db, anne, {
      slug,
      statementId: opened.id,
      text: 'Annes tekst',
      baseVersion: opened.version,
    });
    await expect(
      updateStatement(database.db, bjorn, {
        slug,
        statementId: opened.id,
        text: 'Bjørns tekst',
        baseVersion: opened.version,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const now = (
      await getCanvas(database.db, anne, { slug, themeId: await themeId(database.db, 2) })
    ).statements.find((entry) => entry.statement.id === opened.id)!.statement;
    expect(now.text).toBe('Annes tekst');
    expect(now.version).toBe(opened.version + 1);
    // from the current version the save goes through
    await updateStatement(database.db, bjorn, {
      slug,
      statementId: opened.id,
      text: 'Bjørns tekst',
      baseVersion: now.version,
    });
  });

  it(`${updateCanvas.name} refuses a save based on a version someone else has changed`, async () => {
    const opened = (await getCanvas(database.db, anne, { slug, themeId: await themeId(database.db, 3) }))
      .canvas;
    await updateCanvas(database.db, anne, {
      slug,
      themeId: await themeId(database.db, 3),
      summary: 'Annes sammendrag',
      baseVersion: opened.version,
    });
    await expect(
      updateCanvas(database.db, bjorn, {
        slug,
        themeId: await themeId(database.db, 3),
        mainGoal: 'Bjørns mål',
        baseVersion: opened.version,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const now = (await getCanvas(database.db, anne, { slug, themeId: await themeId(database.db, 3) })).canvas;
    expect(now.summary).toBe('Annes sammendrag');
    expect(now.mainGoal).toBe(opened.mainGoal);
    const revisions = await listRevisions(database.db, anne, {
      slug,
      themeId: await themeId(database.db, 3),
    });
    expect(revisions.revisions.filter((entry) => entry.revision.entityType === 'canvas')).toHaveLength(1);
  });

  it(`${updateGoalsLead.name} and ${updateStrategyStructure.name} refuse a save from an older strategy version`, async () => {
    const opened = (await getStrategyOverview(database.db, anne, slug)).strategy!.version;
    await updateGoalsLead(database.db, anne, { slug, lead: 'Annes ingress', baseVersion: opened });
    await expect(
      updateGoalsLead(database.db, bjorn, { slug, lead: 'Bjørns ingress', baseVersion: opened }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      updateStrategyStructure(database.db, bjorn, { slug, pillars: ['Bare dette'], baseVersion: opened }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const now = (await getStrategyOverview(database.db, anne, slug)).strategy!;
    expect(now.goalsLead).toBe('Annes ingress');
    expect((now.structure as { pillars?: string[] }).pillars).not.toEqual(['Bare dette']);
    await updateStrategyStructure(database.db, bjorn, {
      slug,
      pillars: ['Bare dette'],
      baseVersion: now.version,
    });
  });
});
