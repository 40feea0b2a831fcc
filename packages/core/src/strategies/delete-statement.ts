import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { assertProcessPermission } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { CanvasLockedError } from './strategies.errors.ts';
import { findSectionStatements, setStatementPosition, updateStatement } from './strategies.repository.ts';
import { loadStatementForActor, recordRevision, statementSnapshot } from './strategy-context.ts';

/** Deletes a bullet (it stays in the history and can be restored); the rest close the gap. */
export async function deleteStatement(
  db: Database,
  actor: Actor,
  input: { slug: string; statementId: string },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access, statement, canvas } = await loadStatementForActor(
      tx,
      actor,
      input.slug,
      input.statementId,
    );
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    if (canvas?.status === 'approved') throw new CanvasLockedError();
    if (statement.deletedAt) return statement;
    const before = statementSnapshot(statement);
    const deleted = await updateStatement(tx, statement.id, {
      deletedAt: new Date(),
      version: statement.version + 1,
    });
    const siblings = await findSectionStatements(
      tx,
      strategyProcess.id,
      statement.canvasId,
      statement.section,
    );
    for (const [index, sibling] of siblings.entries()) {
      if (sibling.position !== index) await setStatementPosition(tx, sibling.id, index);
    }
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: statement.canvasId,
      entityType: 'statement',
      entityId: statement.id,
      version: deleted.version,
      action: 'deleted',
      before,
      after: statementSnapshot(deleted),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'statement.deleted',
      entityType: 'statement',
      entityId: statement.id,
      detail: { before: { text: before.text, section: before.section } },
    });
    return deleted;
  });
}
