import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canApproveCanvas } from './strategies.policies.ts';
import { findThemesOfProcess, insertCanvas, insertTheme } from './strategies.repository.ts';
import { recordRevision, canvasSnapshot } from './strategy-context.ts';

/** Adds a strategic theme with an empty canvas, numbered after the last one. Owner or secretariat. */
export async function createStrategicTheme(
  db: Database,
  actor: Actor,
  input: { slug: string; title: string; mainGoal?: string | undefined },
) {
  const title = input.title.trim();
  if (!title) throw new ValidationError('The theme needs a title.', { title: 'Required.' });
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canApproveCanvas(access), 'add strategic themes');
    const existing = await findThemesOfProcess(tx, strategyProcess.id);
    const number = Math.max(0, ...existing.map((theme) => theme.number ?? 0)) + 1;
    const position = Math.max(-1, ...existing.map((theme) => theme.position)) + 1;
    const theme = await insertTheme(tx, {
      processId: strategyProcess.id,
      number,
      position,
      title,
      stage: 'strategic',
    });
    const canvas = await insertCanvas(tx, {
      processId: strategyProcess.id,
      themeId: theme.id,
      title,
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
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'theme.created',
      entityType: 'theme',
      entityId: theme.id,
      detail: { after: { number, title } },
    });
    return { theme, canvas };
  });
}
