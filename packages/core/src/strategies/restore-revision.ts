import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import {
  assertProcessPermission,
  canEditProcess,
  getProcessForActor,
  lockProcessRow,
  updateProcessRow,
} from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { CanvasLockedError } from './strategies.errors.ts';
import { clampPosition, type CanvasSnapshot, type StatementSnapshot } from './strategy.ts';
import {
  findCanvasById,
  findRevisionById,
  findSectionStatements,
  findStatementById,
  findStrategyOfProcess,
  setStatementPosition,
  updateCanvas,
  updateStatement,
  updateStrategy,
  findLatestRevisionVersion,
} from './strategies.repository.ts';
import { processDetailsSnapshot, type ProcessDetailsSnapshot } from './update-process-details.ts';
import { canvasSnapshot, recordRevision, statementSnapshot } from './strategy-context.ts';

/** Whether two JSON-like values are equal (snapshots are plain data). */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/**
 * Brings a statement, canvas or the goals' lead text back to the state a revision recorded
 * (its "after"). The restore is itself a new revision, so nothing is lost. A deleted statement
 * comes back at its old place; a canvas keeps its workflow status.
 */
export async function restoreRevision(
  db: Database,
  actor: Actor,
  input: { slug: string; revisionId: string },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    const revision = await findRevisionById(tx, input.revisionId);
    if (!revision || revision.processId !== strategyProcess.id) throw new NotFoundError('The revision');
    const target = revision.after;
    if (!target) throw new ValidationError('This revision has no state to restore.');
    if (revision.canvasId) {
      const canvas = await findCanvasById(tx, revision.canvasId);
      if (canvas?.status === 'approved') throw new CanvasLockedError();
    }
    let restoredVersion: number;
    if (revision.entityType === 'statement') {
      const statement = await findStatementById(tx, revision.entityId);
      if (!statement) throw new NotFoundError('The statement');
      const snapshot = target as unknown as StatementSnapshot;
      const before = statementSnapshot(statement);
      const comesBack = statement.deletedAt !== null && !snapshot.deleted;
      const goesAway = statement.deletedAt === null && snapshot.deleted;
      if (
        !comesBack &&
        !goesAway &&
        before.text === snapshot.text &&
        before.isTruncated === snapshot.isTruncated &&
        sameJson(before.translations, snapshot.translations)
      ) {
        // the statement is already in that state (e.g. its newest revision): nothing to record
        return { entityType: revision.entityType, entityId: revision.entityId, version: statement.version };
      }
      const changes: Parameters<typeof updateStatement>[2] = {
        text: snapshot.text,
        isTruncated: snapshot.isTruncated,
        translations: snapshot.translations,
        version: statement.version + 1,
      };
      if (comesBack) {
        const siblings = await findSectionStatements(
          tx,
          strategyProcess.id,
          statement.canvasId,
          statement.section,
        );
        const position = clampPosition(snapshot.position, siblings.length);
        for (const sibling of siblings.slice(position)) {
          await setStatementPosition(tx, sibling.id, sibling.position + 1);
        }
        changes.deletedAt = null;
        changes.position = position;
      }
      if (goesAway) changes.deletedAt = new Date();
      const updated = await updateStatement(tx, statement.id, changes);
      if (goesAway) {
        const siblings = await findSectionStatements(
          tx,
          strategyProcess.id,
          statement.canvasId,
          statement.section,
        );
        for (const [index, sibling] of siblings.entries()) {
          if (sibling.position !== index) await setStatementPosition(tx, sibling.id, index);
        }
      }
      restoredVersion = updated.version;
      await recordRevision(tx, actor, {
        processId: strategyProcess.id,
        canvasId: statement.canvasId,
        entityType: 'statement',
        entityId: statement.id,
        version: updated.version,
        action: 'restored',
        before,
        after: statementSnapshot(updated),
      });
    } else if (revision.entityType === 'canvas') {
      const canvas = await findCanvasById(tx, revision.entityId);
      if (!canvas) throw new NotFoundError('The canvas');
      const snapshot = target as unknown as CanvasSnapshot;
      const before = canvasSnapshot(canvas);
      if (
        before.title === snapshot.title &&
        before.summary === snapshot.summary &&
        before.mainGoal === snapshot.mainGoal &&
        sameJson(before.translations, snapshot.translations)
      ) {
        return { entityType: revision.entityType, entityId: revision.entityId, version: canvas.version };
      }
      const updated = await updateCanvas(tx, canvas.id, {
        title: snapshot.title,
        summary: snapshot.summary,
        mainGoal: snapshot.mainGoal,
        translations: snapshot.translations,
        version: canvas.version + 1,
      });
      restoredVersion = updated.version;
      await recordRevision(tx, actor, {
        processId: strategyProcess.id,
        canvasId: canvas.id,
        entityType: 'canvas',
        entityId: canvas.id,
        version: updated.version,
        action: 'restored',
        before,
        after: canvasSnapshot(updated),
      });
    } else if (revision.entityType === 'process') {
      assertProcessPermission(access, canEditProcess(access), 'edit the process');
      const current = (await lockProcessRow(tx, strategyProcess.id)) ?? strategyProcess;
      const snapshot = target as unknown as ProcessDetailsSnapshot;
      const before = processDetailsSnapshot(current);
      const updated = await updateProcessRow(tx, current.id, {
        title: snapshot.title,
        subtitle: snapshot.subtitle,
        commissionedBy: snapshot.commissionedBy,
        commissionedByFullName: snapshot.commissionedByFullName,
        mandate: snapshot.mandate,
        principles: snapshot.principles,
      });
      restoredVersion = (await findLatestRevisionVersion(tx, 'process', current.id)) + 1;
      await recordRevision(tx, actor, {
        processId: current.id,
        canvasId: null,
        entityType: 'process',
        entityId: current.id,
        version: restoredVersion,
        action: 'restored',
        before,
        after: processDetailsSnapshot(updated),
      });
    } else {
      const strategy = await findStrategyOfProcess(tx, strategyProcess.id);
      if (!strategy) throw new NotFoundError('The strategy');
      const snapshot = target as {
        goalsLead?: string;
        translations?: Record<string, Record<string, unknown>>;
        structure?: Record<string, unknown>;
      };
      // a structure revision records only the structure; a lead revision the lead and translations
      const isStructure = snapshot.structure !== undefined;
      const before = isStructure
        ? { structure: strategy.structure }
        : { goalsLead: strategy.goalsLead, translations: strategy.translations };
      const updated = await updateStrategy(tx, strategy.id, {
        ...(isStructure
          ? { structure: snapshot.structure }
          : {
              goalsLead: snapshot.goalsLead ?? strategy.goalsLead,
              translations: snapshot.translations ?? strategy.translations,
            }),
        version: strategy.version + 1,
      });
      restoredVersion = updated.version;
      await recordRevision(tx, actor, {
        processId: strategyProcess.id,
        canvasId: null,
        entityType: 'strategy',
        entityId: strategy.id,
        version: updated.version,
        action: 'restored',
        before,
        after: isStructure
          ? { structure: updated.structure }
          : { goalsLead: updated.goalsLead, translations: updated.translations },
      });
    }
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'revision.restored',
      entityType: revision.entityType,
      entityId: revision.entityId,
      detail: { fromVersion: revision.version, toVersion: restoredVersion },
    });
    return { entityType: revision.entityType, entityId: revision.entityId, version: restoredVersion };
  });
}
