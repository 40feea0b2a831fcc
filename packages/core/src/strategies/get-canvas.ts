import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { canApproveCanvas, canCommentOnStrategy, canEditStrategy } from './strategies.policies.ts';
import { findThemesOfProcess, isStrategicTheme } from '../themes/index.ts';
import { findCommentsOfCanvas, findStatementsOf } from './strategies.repository.ts';
import { loadCanvasForActor } from './strategy-context.ts';

/**
 * One theme's canvas with every live statement in order, the comments, what the reader may do,
 * and how many evidence links each statement has (0 until the analysis module links segments).
 */
export async function getCanvas(db: Database, actor: Actor, input: { slug: string; themeId: string }) {
  const { strategyProcess, access, theme, canvas } = await loadCanvasForActor(
    db,
    actor,
    input.slug,
    input.themeId,
  );
  const [statementRows, comments, themeRows] = await Promise.all([
    findStatementsOf(db, strategyProcess.id, canvas.id),
    findCommentsOfCanvas(db, canvas.id),
    findThemesOfProcess(db, strategyProcess.id),
  ]);
  // previous and next among the strategic themes (the numbered ones), in their order
  const strategic = themeRows.filter((row) => isStrategicTheme(row) && row.number !== null);
  const index = strategic.findIndex((row) => row.id === theme.id);
  const previous = index > 0 ? strategic[index - 1] : undefined;
  const next = index >= 0 ? strategic[index + 1] : undefined;
  return {
    strategyProcess,
    access,
    theme,
    canvas,
    statements: statementRows.map((statement) => ({ statement, evidenceCount: 0 })),
    comments,
    previousThemeId: previous?.id ?? null,
    previousThemeNumber: previous?.number ?? null,
    nextThemeId: next?.id ?? null,
    nextThemeNumber: next?.number ?? null,
    permissions: {
      canEdit: canEditStrategy(access) && canvas.status !== 'approved',
      canComment: canCommentOnStrategy(access),
      canApprove: canApproveCanvas(access),
      canChangeStatus: canEditStrategy(access) || canApproveCanvas(access),
    },
  };
}
