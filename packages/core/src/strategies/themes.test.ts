import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { createStrategicTheme } from './create-strategic-theme.ts';
import { moveStrategicTheme } from './move-strategic-theme.ts';
import { getStrategyOverview } from './get-strategy-overview.ts';
import { getCanvas } from './get-canvas.ts';

const slug = demoProcessSlug;

describe('strategic themes: numbered and ordered', () => {
  let database: TestDatabase;
  let owner: Actor;
  let workingGroup: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    const processId = (await findProcessBySlug(database.db, slug))!.id;
    owner = (await buildMember(database.db, processId, 'owner')).actor;
    workingGroup = (await buildMember(database.db, processId, 'working_group')).actor;
  });
  afterAll(async () => database.close());

  const titles = async () =>
    (await getStrategyOverview(database.db, owner, slug)).themes.map(
      (entry) => `${entry.theme.number} ${entry.theme.title}`,
    );

  it('adds a theme with an empty canvas after the last one', async () => {
    const { theme } = await createStrategicTheme(database.db, owner, { slug, title: 'Bærekraft' });
    expect(theme.number).toBe(7);
    const canvas = await getCanvas(database.db, owner, { slug, themeNumber: 7 });
    expect(canvas.statements).toEqual([]);
    expect(canvas.canvas.status).toBe('draft');
    await expect(createStrategicTheme(database.db, workingGroup, { slug, title: 'x' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
  });

  it('moves a theme and renumbers all of them in order, canvases following', async () => {
    const before = await titles();
    await moveStrategicTheme(database.db, owner, { slug, themeNumber: 7, position: 0 });
    const after = await titles();
    expect(after[0]).toBe('1 Bærekraft');
    expect(after.slice(1).map((entry) => entry.slice(2))).toEqual(
      before.slice(0, 6).map((entry) => entry.slice(2)),
    );
    const second = await getCanvas(database.db, owner, { slug, themeNumber: 2 });
    expect(second.canvas.title).toBe('Alle kunnskapssøkende i sentrum');
    expect(second.statements.length).toBeGreaterThan(0);
    await expect(
      moveStrategicTheme(database.db, workingGroup, { slug, themeNumber: 1, position: 3 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
