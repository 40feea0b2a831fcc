import type { Queryable } from '../db/database.ts';
import { actorUserId, type Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { getProcessForActor } from '../processes/index.ts';
import { findThemeOfProcess } from '../themes/index.ts';
import type { CanvasSnapshot, CanvasStatus, StatementSnapshot } from './strategy.ts';
import {
  findCanvasById,
  findCanvasOfTheme,
  findStatementById,
  findUserNames,
  insertRevision,
  type CanvasRow,
  type StatementRow,
} from './strategies.repository.ts';

/** The process, the actor's access and one theme with its canvas; 404 when either is missing. */
export async function loadCanvasForActor(db: Queryable, actor: Actor, slug: string, themeId: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const theme = await findThemeOfProcess(db, strategyProcess.id, themeId);
  const canvas = theme ? await findCanvasOfTheme(db, theme.id) : undefined;
  if (!theme || !canvas) throw new NotFoundError('The theme');
  return { strategyProcess, access, theme, canvas };
}

/** The process, the actor's access, one statement of it and its canvas (null for process-level). */
export async function loadStatementForActor(db: Queryable, actor: Actor, slug: string, statementId: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const statement = await findStatementById(db, statementId);
  if (!statement || statement.processId !== strategyProcess.id) throw new NotFoundError('The statement');
  const canvas = statement.canvasId ? await findCanvasById(db, statement.canvasId) : undefined;
  return { strategyProcess, access, statement, canvas: canvas ?? null };
}

export function statementSnapshot(row: StatementRow): StatementSnapshot {
  return {
    section: row.section,
    position: row.position,
    text: row.text,
    isTruncated: row.isTruncated,
    translations: row.translations,
    deleted: row.deletedAt !== null,
  };
}

export function canvasSnapshot(row: CanvasRow): CanvasSnapshot {
  return {
    title: row.title,
    summary: row.summary,
    mainGoal: row.mainGoal,
    status: row.status as CanvasStatus,
    translations: row.translations,
  };
}

/** Writes one revision (who, when, before/after) for a change that bumped `version`. */
export async function recordRevision(
  db: Queryable,
  actor: Actor,
  entry: {
    processId: string;
    canvasId: string | null;
    entityType: 'statement' | 'canvas' | 'strategy' | 'process';
    entityId: string;
    version: number;
    action: string;
    before: object | null;
    after: object | null;
    at?: Date;
  },
) {
  const userId = actorUserId(actor);
  const authorName = userId
    ? ((await findUserNames(db, [userId])).get(userId)?.name ?? null)
    : actor.kind === 'system'
      ? actor.reason
      : null;
  return insertRevision(db, {
    processId: entry.processId,
    canvasId: entry.canvasId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    version: entry.version,
    action: entry.action,
    authorId: userId,
    authorName,
    at: entry.at ?? new Date(),
    before: entry.before as Record<string, unknown> | null,
    after: entry.after as Record<string, unknown> | null,
  });
}
