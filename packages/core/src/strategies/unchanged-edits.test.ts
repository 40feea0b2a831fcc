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
import { restoreRevision } from './restore-revision.ts';
import type { Database } from '../db/database.ts';
import { findThemeByNumber } from '../themes/index.ts';

const slug = demoProcessSlug;

/** Themes are addressed by id: the id of the strategic theme that has `number` now. */
async function themeId(db: Database, number: number): Promise<string> {
  const processId = (await findProcessBySlug(db, demoProcessSlug))!.id;
  return (await findThemeByNumber(db, processId, number))!.id;
}

/** Pressing "save" without changing anything must not add a version or an empty history entry. */
describe('saving unchanged text', () => {
  let database: TestDatabase;
  let editor: Actor;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    const processId = (await findProcessBySlug(database.db, slug))!.id;
    editor = (await buildMember(database.db, processId, 'secretariat')).actor;
  });
  afterAll(async () => database.close());

  it(`${updateStatement.name} and ${updateCanvas.name} record nothing when the text is what it was`, async () => {
    const opened = await getCanvas(database.db, editor, { slug, themeId: await themeId(database.db, 2) });
    const statement = opened.statements[0]!.statement;
    await updateStatement(database.db, editor, { slug, statementId: statement.id, text: statement.text });
    await updateStatement(database.db, editor, {
      slug,
      statementId: statement.id,
      text: String(statement.translations.en?.text),
      locale: 'en',
    });
    await updateCanvas(database.db, editor, {
      slug,
      themeId: await themeId(database.db, 2),
      title: opened.canvas.title,
      mainGoal: opened.canvas.mainGoal,
    });
    const after = await getCanvas(database.db, editor, { slug, themeId: await themeId(database.db, 2) });
    expect(after.statements[0]!.statement.version).toBe(statement.version);
    expect(after.canvas.version).toBe(opened.canvas.version);
    expect(
      (await listRevisions(database.db, editor, { slug, themeId: await themeId(database.db, 2) })).revisions,
    ).toEqual([]);
    // a real change is still recorded
    await updateStatement(database.db, editor, { slug, statementId: statement.id, text: 'Ny tekst' });
    expect(
      (await listRevisions(database.db, editor, { slug, themeId: await themeId(database.db, 2) })).revisions,
    ).toHaveLength(1);
  });

  it(`${updateGoalsLead.name} records nothing when the lead is what it was`, async () => {
    const strategy = (await getStrategyOverview(database.db, editor, slug)).strategy!;
    await updateGoalsLead(database.db, editor, { slug, lead: strategy.goalsLead });
    expect((await getStrategyOverview(database.db, editor, slug)).strategy!.version).toBe(strategy.version);
    expect((await listRevisions(database.db, editor, { slug, themeId: null })).revisions).toEqual([]);
  });

  it(`${restoreRevision.name} records nothing when the bullet or canvas is already in that state`, async () => {
    const opened = await getCanvas(database.db, editor, { slug, themeId: await themeId(database.db, 4) });
    const statement = opened.statements[0]!.statement;
    await updateStatement(database.db, editor, { slug, statementId: statement.id, text: 'Endret' });
    await updateCanvas(database.db, editor, {
      slug,
      themeId: await themeId(database.db, 4),
      summary: 'Nytt sammendrag',
    });
    const history = (
      await listRevisions(database.db, editor, { slug, themeId: await themeId(database.db, 4) })
    ).revisions;
    expect(history).toHaveLength(2);
    // the newest revision of each is the current state: restoring it changes nothing
    for (const entry of history) {
      await restoreRevision(database.db, editor, { slug, revisionId: entry.revision.id });
    }
    expect(
      (await listRevisions(database.db, editor, { slug, themeId: await themeId(database.db, 4) })).revisions,
    ).toHaveLength(2);
    const after = await getCanvas(database.db, editor, { slug, themeId: await themeId(database.db, 4) });
    expect(after.canvas.version).toBe(opened.canvas.version + 1);
    expect(after.statements[0]!.statement.version).toBe(statement.version + 1);
  });
});
