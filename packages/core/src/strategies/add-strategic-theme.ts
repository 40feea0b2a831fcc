import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { createStrategicTheme } from '../themes/index.ts';
import { insertCanvas } from './strategies.repository.ts';
import { recordRevision, canvasSnapshot } from './strategy-context.ts';

/**
 * Adds a strategic theme (numbered after the last one, `themes.createStrategicTheme`) with its
 * empty canvas, in one transaction: every strategic theme has a canvas. Owner or secretariat.
 */
export async function addStrategicTheme(
  db: Database,
  actor: Actor,
  input: { slug: string; title: string; mainGoal?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, theme } = await createStrategicTheme(tx, actor, input);
    const canvas = await insertCanvas(tx, {
      processId: strategyProcess.id,
      themeId: theme.id,
      title: theme.title,
      mainGoal: input.mainGoal?.trim() ?? '',
    });
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: canvas.id,
      entityType: 'canvas',
      entityId: canvas.id,
      version: canvas.version,
      action: 'created',
      before: null,
      after: canvasSnapshot(canvas),
    });
    return { theme, canvas };
  });
}
