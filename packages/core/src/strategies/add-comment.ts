import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { actorUserId, type Actor } from '../shared/actor.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission } from '../processes/index.ts';
import { canCommentOnStrategy } from './strategies.policies.ts';
import { findStatementById, findUserNames, insertComment } from './strategies.repository.ts';
import { loadCanvasForActor } from './strategy-context.ts';

/** A remark on a canvas, or on one of its statements. Reviewers may comment; observers may not. */
export async function addComment(
  db: Database,
  actor: Actor,
  input: { slug: string; themeId: string; statementId?: string | null | undefined; body: string },
) {
  const body = input.body.trim();
  if (!body) throw new ValidationError('The comment is empty.', { body: 'Required.' });
  if (body.length > 5000) {
    throw new ValidationError('The comment is too long (at most 5000 characters).', { body: 'Too long.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess, access, canvas } = await loadCanvasForActor(
      tx,
      actor,
      input.slug,
      input.themeId,
    );
    assertProcessPermission(access, canCommentOnStrategy(access), 'comment on the strategy');
    if (input.statementId) {
      const statement = await findStatementById(tx, input.statementId);
      if (!statement || statement.canvasId !== canvas.id) throw new NotFoundError('The statement');
    }
    const userId = actorUserId(actor);
    const authorName = userId ? ((await findUserNames(tx, [userId])).get(userId)?.name ?? null) : null;
    const comment = await insertComment(tx, {
      processId: strategyProcess.id,
      canvasId: canvas.id,
      statementId: input.statementId ?? null,
      authorId: userId,
      authorName,
      body,
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'comment.created',
      entityType: 'strategy_comment',
      entityId: comment.id,
    });
    return comment;
  });
}
