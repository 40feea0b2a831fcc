import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { CanvasLockedError, HeadlineExistsError, InvalidSectionError } from './strategies.errors.ts';
import { isCanvasSection, isSingleStatementSection, moveInList, type StatementSection } from './strategy.ts';
import { findSectionStatements, setStatementPosition, updateStatement } from './strategies.repository.ts';
import { loadStatementForActor, recordRevision, statementSnapshot } from './strategy-context.ts';

export interface MoveStatementInput {
  slug: string;
  statementId: string;
  /** The new index within the (target) section, 0 = first. */
  position: number;
  /** Another section of the same canvas (e.g. from opportunities to prerequisites). */
  section?: string | undefined;
}

/** Reorders a bullet within its section, or moves it to another section of the same canvas. */
export async function moveStatement(db: Database, actor: Actor, input: MoveStatementInput) {
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
    const targetSection = (input.section ?? statement.section) as StatementSection;
    if (targetSection !== statement.section) {
      if (statement.canvasId === null || !isCanvasSection(targetSection)) {
        throw new InvalidSectionError(targetSection);
      }
      if (
        isSingleStatementSection(targetSection) ||
        isSingleStatementSection(statement.section as StatementSection)
      ) {
        throw new HeadlineExistsError();
      }
    }
    const before = statementSnapshot(statement);
    const target = await findSectionStatements(tx, strategyProcess.id, statement.canvasId, targetSection);
    const order = moveInList(
      target.map((row) => row.id),
      statement.id,
      input.position,
    );
    if (targetSection === statement.section && order.every((id, index) => target[index]?.id === id)) {
      return statement;
    }
    const positions = new Map(target.map((row) => [row.id, row.position]));
    for (const [index, id] of order.entries()) {
      if (id !== statement.id && positions.get(id) !== index) await setStatementPosition(tx, id, index);
    }
    const moved = await updateStatement(tx, statement.id, {
      section: targetSection,
      position: order.indexOf(statement.id),
      version: statement.version + 1,
    });
    if (targetSection !== statement.section) {
      const left = await findSectionStatements(tx, strategyProcess.id, statement.canvasId, statement.section);
      for (const [index, row] of left.entries()) {
        if (row.position !== index) await setStatementPosition(tx, row.id, index);
      }
    }
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: statement.canvasId,
      entityType: 'statement',
      entityId: statement.id,
      version: moved.version,
      action: 'moved',
      before,
      after: statementSnapshot(moved),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'statement.moved',
      entityType: 'statement',
      entityId: statement.id,
      detail: {
        before: { section: before.section, position: before.position },
        after: { section: moved.section, position: moved.position },
      },
    });
    return moved;
  });
}
