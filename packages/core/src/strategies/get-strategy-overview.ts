import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { getProcessForActor } from '../processes/index.ts';
import { canApproveCanvas, canEditStrategy } from './strategies.policies.ts';
import {
  countStatementsBySection,
  findCanvasesOfProcess,
  findStatementsOf,
  findStrategyOfProcess,
} from './strategies.repository.ts';
import { findThemesOfProcess } from '../themes/index.ts';

/** The strategy at a glance: structure, overarching goals with their lead, and the themes in order. */
export async function getStrategyOverview(db: Database, actor: Actor, slug: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const [strategy, themeRows, canvasRows, goals, counts] = await Promise.all([
    findStrategyOfProcess(db, strategyProcess.id),
    findThemesOfProcess(db, strategyProcess.id),
    findCanvasesOfProcess(db, strategyProcess.id),
    findStatementsOf(db, strategyProcess.id, null),
    countStatementsBySection(db, strategyProcess.id),
  ]);
  const canvasByTheme = new Map(canvasRows.map((canvas) => [canvas.themeId, canvas]));
  const countsByCanvas = new Map<string, Record<string, number>>();
  for (const row of counts) {
    if (!row.canvasId) continue;
    const entry = countsByCanvas.get(row.canvasId) ?? {};
    entry[row.section] = Number(row.count);
    countsByCanvas.set(row.canvasId, entry);
  }
  return {
    strategyProcess,
    access,
    canEdit: canEditStrategy(access),
    canApprove: canApproveCanvas(access),
    strategy: strategy ?? null,
    goals: goals.filter((goal) => goal.section === 'overarching_goal'),
    themes: themeRows.map((theme) => {
      const canvas = canvasByTheme.get(theme.id) ?? null;
      return { theme, canvas, sectionCounts: canvas ? (countsByCanvas.get(canvas.id) ?? {}) : {} };
    }),
  };
}
