import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { assertProcessPermission } from '../processes/index.ts';
import { canApproveCanvas, canEditStrategy } from './strategies.policies.ts';
import { InvalidTransitionError } from './strategies.errors.ts';
import { transitionNeeds, type CanvasStatus } from './strategy.ts';
import { updateCanvas } from './strategies.repository.ts';
import { canvasSnapshot, loadCanvasForActor, recordRevision } from './strategy-context.ts';

/**
 * Moves a canvas through draft → in review → approved. Sending to review (and back) needs an
 * editor; approving, and reopening an approved canvas, needs the owner or the secretariat.
 */
export async function changeCanvasStatus(
  db: Database,
  actor: Actor,
  input: { slug: string; themeId: string; status: CanvasStatus },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access, canvas } = await loadCanvasForActor(
      tx,
      actor,
      input.slug,
      input.themeId,
    );
    assertProcessPermission(
      access,
      canEditStrategy(access) || canApproveCanvas(access),
      'change the canvas status',
    );
    const from = canvas.status as CanvasStatus;
    const needs = transitionNeeds(from, input.status);
    if (!needs) throw new InvalidTransitionError(from, input.status);
    assertProcessPermission(
      access,
      needs === 'approver' ? canApproveCanvas(access) : canEditStrategy(access),
      needs === 'approver' ? 'approve or reopen a canvas' : 'change the canvas status',
    );
    const before = canvasSnapshot(canvas);
    const updated = await updateCanvas(tx, canvas.id, { status: input.status, version: canvas.version + 1 });
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: canvas.id,
      entityType: 'canvas',
      entityId: canvas.id,
      version: updated.version,
      action: 'status_changed',
      before,
      after: canvasSnapshot(updated),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'canvas.status_changed',
      entityType: 'canvas',
      entityId: canvas.id,
      detail: { before: from, after: input.status },
    });
    return updated;
  });
}
