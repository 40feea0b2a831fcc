import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { CanvasLockedError, StaleEditError } from './strategies.errors.ts';
import { updateStatementAtVersion } from './strategies.repository.ts';
import { loadStatementForActor, recordRevision, statementSnapshot } from './strategy-context.ts';

export interface UpdateStatementInput {
  slug: string;
  statementId: string;
  text?: string | undefined;
  isTruncated?: boolean | undefined;
  /**
   * The language the text is written in. When it differs from the process language, the
   * translation is changed and the original stays as it is.
   */
  locale?: string | undefined;
  /**
   * The version the editor started from. When the statement has moved on since (someone else
   * saved in between), the edit is refused instead of overwriting their change.
   */
  baseVersion?: number | undefined;
}

/** Changes the text of a bullet (or its translation); every change is a revision. */
export async function updateStatement(db: Database, actor: Actor, input: UpdateStatementInput) {
  const text = input.text?.trim();
  if (input.text !== undefined && !text) {
    throw new ValidationError('The statement needs a text.', { text: 'Required.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess, access, statement, canvas } = await loadStatementForActor(
      tx,
      actor,
      input.slug,
      input.statementId,
    );
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    if (canvas?.status === 'approved') throw new CanvasLockedError();
    if (statement.deletedAt) throw new ValidationError('The statement is deleted; restore it first.');
    if (input.baseVersion !== undefined && input.baseVersion !== statement.version) {
      throw new StaleEditError('The statement');
    }
    const isTranslation = input.locale !== undefined && input.locale !== strategyProcess.language;
    const changes: {
      text?: string;
      isTruncated?: boolean;
      translations?: Record<string, Record<string, unknown>>;
    } = {};
    if (text !== undefined) {
      if (isTranslation && input.locale) {
        changes.translations = {
          ...statement.translations,
          [input.locale]: { ...(statement.translations[input.locale] ?? {}), text },
        };
      } else {
        changes.text = text;
      }
    }
    if (input.isTruncated !== undefined) changes.isTruncated = input.isTruncated;
    // saving what is already there is not a change: no new version, no empty history entry
    const isUnchanged =
      (changes.text === undefined || changes.text === statement.text) &&
      (changes.isTruncated === undefined || changes.isTruncated === statement.isTruncated) &&
      (changes.translations === undefined ||
        (input.locale !== undefined && statement.translations[input.locale]?.text === text));
    if (isUnchanged) return statement;
    const before = statementSnapshot(statement);
    // conditional on the version read above: a save that committed in between is not overwritten
    const updated = await updateStatementAtVersion(tx, statement.id, statement.version, {
      ...changes,
      version: statement.version + 1,
    });
    if (!updated) throw new StaleEditError('The statement');
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: statement.canvasId,
      entityType: 'statement',
      entityId: statement.id,
      version: updated.version,
      action: 'updated',
      before,
      after: statementSnapshot(updated),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'statement.updated',
      entityType: 'statement',
      entityId: statement.id,
      detail: {
        before: { text: before.text },
        after: { text: updated.text },
        ...(isTranslation ? { locale: input.locale } : {}),
      },
    });
    return updated;
  });
}
