import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { CanvasLockedError, StaleEditError } from './strategies.errors.ts';
import { updateCanvasAtVersion } from './strategies.repository.ts';
import { canvasSnapshot, loadCanvasForActor, recordRevision } from './strategy-context.ts';

export interface UpdateCanvasInput {
  slug: string;
  themeId: string;
  title?: string | undefined;
  summary?: string | undefined;
  mainGoal?: string | undefined;
  /** Writes the translation when it differs from the process language. */
  locale?: string | undefined;
  /** The version the editor started from; a canvas changed since then is not overwritten. */
  baseVersion?: number | undefined;
}

/** Changes the title, summary or main goal of a canvas; every change is a revision. */
export async function updateCanvas(db: Database, actor: Actor, input: UpdateCanvasInput) {
  if (input.title !== undefined && !input.title.trim()) {
    throw new ValidationError('The canvas needs a title.', { title: 'Required.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess, access, canvas } = await loadCanvasForActor(
      tx,
      actor,
      input.slug,
      input.themeId,
    );
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    if (canvas.status === 'approved') throw new CanvasLockedError();
    if (input.baseVersion !== undefined && input.baseVersion !== canvas.version) {
      throw new StaleEditError('The canvas');
    }
    const fields: Record<string, string> = {};
    if (input.title !== undefined) fields.title = input.title.trim();
    if (input.summary !== undefined) fields.summary = input.summary.trim();
    if (input.mainGoal !== undefined) fields.mainGoal = input.mainGoal.trim();
    if (!Object.keys(fields).length) return canvas;
    const isTranslation = input.locale !== undefined && input.locale !== strategyProcess.language;
    const current: Record<string, unknown> =
      isTranslation && input.locale
        ? (canvas.translations[input.locale] ?? {})
        : { title: canvas.title, summary: canvas.summary, mainGoal: canvas.mainGoal };
    // saving what is already there is not a change: no new version, no empty history entry
    if (Object.entries(fields).every(([field, value]) => current[field] === value)) return canvas;
    const before = canvasSnapshot(canvas);
    const updated = await updateCanvasAtVersion(
      tx,
      canvas.id,
      canvas.version,
      isTranslation && input.locale
        ? {
            translations: {
              ...canvas.translations,
              [input.locale]: { ...(canvas.translations[input.locale] ?? {}), ...fields },
            },
            version: canvas.version + 1,
          }
        : { ...fields, version: canvas.version + 1 },
    );
    if (!updated) throw new StaleEditError('The canvas');
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: canvas.id,
      entityType: 'canvas',
      entityId: canvas.id,
      version: updated.version,
      action: 'updated',
      before,
      after: canvasSnapshot(updated),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'canvas.updated',
      entityType: 'canvas',
      entityId: canvas.id,
      detail: { after: fields, ...(isTranslation ? { locale: input.locale } : {}) },
    });
    return updated;
  });
}
