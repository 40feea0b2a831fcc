import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, buildMember, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { addStrategicTheme, getCanvas, getStrategyOverview } from '../strategies/index.ts';
import { moveStrategicTheme } from './move-strategic-theme.ts';
import { getTheme } from './get-theme.ts';
import { listThemes } from './list-themes.ts';
import { findThemeByNumber, findThemeOfProcess, insertTheme } from './themes.repository.ts';

const slug = demoProcessSlug;

describe('strategic themes: numbered and ordered', () => {
  let database: TestDatabase;
  let processId: string;
  let owner: Actor;
  let workingGroup: Actor;
  /** Themes are addressed by id: the id of the strategic theme that has `number` now. */
  const themeId = async (number: number) => (await findThemeByNumber(database.db, processId, number))!.id;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    processId = (await findProcessBySlug(database.db, slug))!.id;
    owner = (await buildMember(database.db, processId, 'owner')).actor;
    workingGroup = (await buildMember(database.db, processId, 'working_group')).actor;
  });
  afterAll(async () => database.close());

  const titles = async () =>
    (await getStrategyOverview(database.db, owner, slug)).themes.map(
      (entry) => `${entry.theme.number} ${entry.theme.title}`,
    );

  it('adds a theme with an empty canvas after the last one', async () => {
    const { theme } = await addStrategicTheme(database.db, owner, { slug, title: 'Bærekraft' });
    expect(theme.number).toBe(7);
    const canvas = await getCanvas(database.db, owner, { slug, themeId: await themeId(7) });
    expect(canvas.statements).toEqual([]);
    expect(canvas.canvas.status).toBe('draft');
    await expect(addStrategicTheme(database.db, workingGroup, { slug, title: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('moves a theme and renumbers all of them in order, canvases following', async () => {
    const before = await titles();
    await moveStrategicTheme(database.db, owner, { slug, themeId: await themeId(7), position: 0 });
    const after = await titles();
    expect(after[0]).toBe('1 Bærekraft');
    expect(after.slice(1).map((entry) => entry.slice(2))).toEqual(
      before.slice(0, 6).map((entry) => entry.slice(2)),
    );
    const second = await getCanvas(database.db, owner, { slug, themeId: await themeId(2) });
    expect(second.canvas.title).toBe('Alle kunnskapssøkende i sentrum');
    expect(second.statements.length).toBeGreaterThan(0);
    await expect(
      moveStrategicTheme(database.db, workingGroup, { slug, themeId: await themeId(1), position: 3 }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keeps a theme id when its number changes, and finds no theme of another id', async () => {
    const id = await themeId(1);
    await moveStrategicTheme(database.db, owner, { slug, themeId: id, position: 6 });
    const { theme } = await getTheme(database.db, owner, { slug, themeId: id });
    expect(theme).toMatchObject({ id, number: 7, title: 'Bærekraft' });
    await expect(getTheme(database.db, owner, { slug, themeId: randomUUID() })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      moveStrategicTheme(database.db, owner, { slug, themeId: randomUUID(), position: 0 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the theme tree', () => {
  let database: TestDatabase;
  let processId: string;
  let observer: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    processId = (await findProcessBySlug(database.db, slug))!.id;
    observer = (await buildMember(database.db, processId, 'observer')).actor;
  });
  afterAll(async () => database.close());

  it('groups candidate themes under their strategic theme; candidates have no number', async () => {
    const parent = (await findThemeByNumber(database.db, processId, 2))!;
    const grouped = await insertTheme(database.db, {
      processId,
      parentId: parent.id,
      title: 'Digitale ferdigheter hos ansatte',
      origin: 'discovered',
      position: 10,
    });
    const loose = await insertTheme(database.db, { processId, title: 'Campusnett', position: 11 });
    const tree = await listThemes(database.db, observer, slug);
    expect(tree.canArrange).toBe(false);
    expect(tree.strategic.map((entry) => entry.theme.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tree.strategic[1]?.candidates.map((theme) => theme.id)).toEqual([grouped.id]);
    expect(tree.ungrouped.map((theme) => theme.id)).toEqual([loose.id]);
    expect(grouped).toMatchObject({ stage: 'candidate', number: null });
  });

  it('refuses a number on a theme that is not strategic, and a parent that does not exist', async () => {
    await expect(
      insertTheme(database.db, { processId, title: 'Nummerert kandidat', stage: 'candidate', number: 8 }),
    ).rejects.toThrow();
    await expect(
      insertTheme(database.db, { processId, title: 'Foreldreløs', parentId: randomUUID() }),
    ).rejects.toThrow();
  });

  it('leaves the candidates of a removed strategic theme ungrouped', async () => {
    const parent = await insertTheme(database.db, {
      processId,
      title: 'Midlertidig',
      stage: 'strategic',
      number: 99,
    });
    const child = await insertTheme(database.db, { processId, title: 'Barn', parentId: parent.id });
    await database.db.execute(`delete from themes where id = '${parent.id}'`);
    expect((await findThemeOfProcess(database.db, processId, child.id))?.parentId).toBeNull();
  });
});
