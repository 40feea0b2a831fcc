import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { canvases, statements, themes } from '../db/schema/index.ts';
import {
  findCanvasById,
  findSectionStatements,
  insertCanvas,
  insertStatements,
  type StatementSection,
} from '../strategies/index.ts';
import { findThemesOfProcess, insertTheme } from '../themes/index.ts';
import { buildProcess } from './builders.ts';

const unique = () => randomBytes(4).toString('hex');

/**
 * A theme of a process (strategic, numbered and placed after the last one unless told). Creates
 * its process when `processId` is not given. No canvas: use {@link buildCanvas} for a theme with one.
 */
export async function buildTheme(db: Database, overrides: Partial<typeof themes.$inferInsert> = {}) {
  const processId = overrides.processId ?? (await buildProcess(db)).id;
  const existing = await findThemesOfProcess(db, processId);
  const stage = overrides.stage ?? 'strategic';
  return insertTheme(db, {
    number: stage === 'strategic' ? Math.max(0, ...existing.map((theme) => theme.number ?? 0)) + 1 : null,
    position: Math.max(-1, ...existing.map((theme) => theme.position)) + 1,
    title: `Theme ${unique()}`,
    ...overrides,
    stage,
    processId,
  });
}

/**
 * A canvas (draft, empty) with its strategic theme, the way a new strategic theme gets one.
 * Creates the theme (and its process) unless `themeId` is given; `theme` overrides go to it.
 */
export async function buildCanvas(
  db: Database,
  overrides: Partial<typeof canvases.$inferInsert> & { theme?: Partial<typeof themes.$inferInsert> } = {},
) {
  const { theme: themeOverrides, ...values } = overrides;
  const theme = values.themeId
    ? undefined
    : await buildTheme(db, {
        ...themeOverrides,
        ...(values.processId ? { processId: values.processId } : {}),
      });
  const processId = values.processId ?? theme?.processId;
  if (!processId) throw new Error('buildCanvas: give processId along with themeId');
  const canvas = await insertCanvas(db, {
    title: theme?.title ?? `Canvas ${unique()}`,
    ...values,
    themeId: values.themeId ?? theme!.id,
    processId,
  });
  return { canvas, theme, processId };
}

/**
 * A statement (a bullet) at the end of its section: of a canvas (a challenge unless told), or of
 * the process (an overarching goal) when only `processId` is given or `canvasId` is null.
 * Creates a canvas (with its theme and process) when neither is given.
 */
export async function buildStatement(
  db: Database,
  overrides: Partial<Omit<typeof statements.$inferInsert, 'section'>> & { section?: StatementSection } = {},
) {
  let { processId, canvasId } = overrides;
  if (canvasId) {
    const canvas = await findCanvasById(db, canvasId);
    if (!canvas) throw new Error(`buildStatement: no canvas ${canvasId}`);
    processId = canvas.processId;
  } else if (canvasId === undefined && !processId) {
    const built = await buildCanvas(db);
    canvasId = built.canvas.id;
    processId = built.processId;
  }
  if (!processId) throw new Error('buildStatement: give processId for a process-level statement');
  const section = overrides.section ?? (canvasId ? 'challenge' : 'overarching_goal');
  const siblings = await findSectionStatements(db, processId, canvasId ?? null, section);
  const [created] = await insertStatements(db, [
    {
      position: siblings.length,
      text: `Statement ${unique()}`,
      ...overrides,
      section,
      processId,
      canvasId: canvasId ?? null,
    },
  ]);
  if (!created) throw new Error('insert statements returned no row');
  return created;
}
