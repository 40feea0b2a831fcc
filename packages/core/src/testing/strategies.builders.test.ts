import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './create-test-database.ts';
import { buildProcess } from './builders.ts';
import { buildCanvas, buildStatement, buildTheme } from './strategies.builders.ts';

describe('strategy builders', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.close());

  it('number themes after the last one and give a canvas its theme and process', async () => {
    const process = await buildProcess(database.db);
    const first = await buildTheme(database.db, { processId: process.id });
    const { canvas, theme } = await buildCanvas(database.db, {
      processId: process.id,
      theme: { title: 'Bærekraft' },
    });
    expect([first.number, theme?.number]).toEqual([1, 2]);
    expect(canvas).toMatchObject({
      processId: process.id,
      themeId: theme?.id,
      title: 'Bærekraft',
      status: 'draft',
    });
    expect((await buildTheme(database.db, { processId: process.id, stage: 'candidate' })).number).toBeNull();
  });

  it('append statements to their section, of a canvas or of the process', async () => {
    const { canvas, processId } = await buildCanvas(database.db);
    const one = await buildStatement(database.db, { canvasId: canvas.id });
    const two = await buildStatement(database.db, { canvasId: canvas.id, text: 'Andre' });
    const keyword = await buildStatement(database.db, { canvasId: canvas.id, section: 'keyword' });
    const goal = await buildStatement(database.db, { processId });
    expect([one, two, keyword].map((row) => [row.section, row.position, row.processId])).toEqual([
      ['challenge', 0, processId],
      ['challenge', 1, processId],
      ['keyword', 0, processId],
    ]);
    expect(two.text).toBe('Andre');
    expect(goal).toMatchObject({ canvasId: null, section: 'overarching_goal', position: 0 });
    expect((await buildStatement(database.db)).canvasId).not.toBeNull();
  });
});
