import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { canApproveCanvas, canCommentOnStrategy, canEditStrategy } from './strategies.policies.ts';
import { findCommentsOfCanvas, findStatementsOf, findThemesOfProcess } from './strategies.repository.ts';
import { loadCanvasForActor } from './strategy-context.ts';

/**
 * One theme's canvas with every live statement in order, the comments, what the reader may do,
 * and how many evidence links each statement has (0 until the analysis module links segments).
 */
export async function getCanvas(db: Database, actor: Actor, input: { slug: string; themeNumber: number }) {
  const { strategyProcess, access, theme, canvas } = await loadCanvasForActor(
    db,
    actor,
    input.slug,
    input.themeNumber,
  );
  const [statementRows, comments, themeRows] = await Promise.all([
    findStatementsOf(db, strategyProcess.id, canvas.id),
    findCommentsOfCanvas(db, canvas.id),
    findThemesOfProcess(db, strategyProcess.id),
  ]);
  const numbers = themeRows.map((row) => row.number).filter((n): n is number => n !== null);
  const index = numbers.indexOf(input.themeNumber);
  return {
    strategyProcess,
    access,
    theme,
    canvas,
    statements: statementRows.map((statement) => ({ statement, evidenceCount: 0 })),
    comments,
    previousThemeNumber: index > 0 ? (numbers[index - 1] ?? null) : null,
    nextThemeNumber: index >= 0 && index < numbers.length - 1 ? (numbers[index + 1] ?? null) : null,
    permissions: {
      canEdit: canEditStrategy(access) && canvas.status !== 'approved',
      canComment: canCommentOnStrategy(access),
      canApprove: canApproveCanvas(access),
      canChangeStatus: canEditStrategy(access) || canApproveCanvas(access),
    },
  };
}
