import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { systemActor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { getCanvas } from './get-canvas.ts';
import { getStrategyOverview } from './get-strategy-overview.ts';
import type { Database } from '../db/database.ts';
import { findThemeByNumber } from '../themes/index.ts';
import { findProcessBySlug } from '../processes/index.ts';

/** Themes are addressed by id: the id of the strategic theme that has `number` now. */
async function themeId(db: Database, number: number): Promise<string> {
  const processId = (await findProcessBySlug(db, demoProcessSlug))!.id;
  return (await findThemeByNumber(db, processId, number))!.id;
}

const actor = systemActor('test');

/** The counts table of the demo README: challenges, opportunities i/i/s, prerequisites i/i/s, keywords (truncated). */
const expected = [
  { challenges: 3, opportunities: [3, 3, 3], prerequisites: [2, 3, 2], keywords: 2, truncated: 0 },
  { challenges: 4, opportunities: [3, 3, 2], prerequisites: [2, 3, 2], keywords: 8, truncated: 1 },
  { challenges: 3, opportunities: [2, 3, 2], prerequisites: [2, 3, 0], keywords: 10, truncated: 3 },
  { challenges: 3, opportunities: [3, 4, 4], prerequisites: [3, 5, 3], keywords: 2, truncated: 1 },
  { challenges: 3, opportunities: [4, 3, 4], prerequisites: [3, 4, 4], keywords: 0, truncated: 0 },
  { challenges: 3, opportunities: [3, 4, 4], prerequisites: [3, 3, 3], keywords: 0, truncated: 0 },
];
const columns = ['individual', 'institution', 'society'] as const;

describe('the example strategy', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, actor);
  });
  afterAll(async () => database.close());

  it('has the four overarching goals with their lead, in both languages', async () => {
    const overview = await getStrategyOverview(database.db, actor, demoProcessSlug);
    expect(overview.goals).toHaveLength(4);
    expect(overview.strategy?.goalsLead).toMatch(/^Strategien skal styrke/);
    expect(overview.strategy?.translations.en?.goalsLead).toMatch(/^The strategy/);
    expect(overview.goals.every((goal) => typeof goal.translations.en?.text === 'string')).toBe(true);
    expect(overview.themes.map((entry) => entry.theme.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.each(expected.map((counts, index) => [index + 1, counts] as const))(
    'theme %i has every bullet in its place',
    async (number, counts) => {
      const canvas = await getCanvas(database.db, actor, {
        slug: demoProcessSlug,
        themeId: await themeId(database.db, number),
      });
      const of = (section: string) =>
        canvas.statements
          .filter((entry) => entry.statement.section === section)
          .map((entry) => entry.statement);
      expect(of('challenge')).toHaveLength(counts.challenges);
      columns.forEach((column, i) => {
        expect(of(`${column}.opportunity`), `${column} opportunities`).toHaveLength(counts.opportunities[i]!);
        expect(of(`${column}.prerequisite`), `${column} prerequisites`).toHaveLength(
          counts.prerequisites[i]!,
        );
        expect(of(`headline.${column}`)).toHaveLength(1);
      });
      expect(of('keyword')).toHaveLength(counts.keywords);
      expect(of('keyword').filter((keyword) => keyword.isTruncated)).toHaveLength(counts.truncated);
      expect(of('deep_dive')).toHaveLength(0);
      for (const entry of canvas.statements) {
        expect(entry.statement.translations.en?.text, entry.statement.text).toEqual(expect.any(String));
        expect(entry.evidenceCount).toBe(0);
      }
      expect(canvas.canvas.translations.en?.mainGoal).toEqual(expect.any(String));
    },
  );

  it('keeps the source order of the bullets', async () => {
    const canvas = await getCanvas(database.db, actor, {
      slug: demoProcessSlug,
      themeId: await themeId(database.db, 1),
    });
    const challenges = canvas.statements.filter((entry) => entry.statement.section === 'challenge');
    expect(challenges.map((entry) => entry.statement.position)).toEqual([0, 1, 2]);
    expect(challenges[0]?.statement.text).toMatch(/^Nye studentmålgrupper/);
    expect(canvas.canvas.title).toBe('Alle kunnskapssøkende i sentrum');
  });

  it('adds up to the 126 theme bullets and 22 keywords of the source', async () => {
    let bullets = 0;
    let keywords = 0;
    for (let number = 1; number <= 6; number += 1) {
      const canvas = await getCanvas(database.db, actor, {
        slug: demoProcessSlug,
        themeId: await themeId(database.db, number),
      });
      bullets += canvas.statements.filter((entry) =>
        /^(challenge|\w+\.(opportunity|prerequisite))$/.test(entry.statement.section),
      ).length;
      keywords += canvas.statements.filter((entry) => entry.statement.section === 'keyword').length;
    }
    expect(bullets).toBe(126);
    expect(keywords).toBe(22);
  });
});
