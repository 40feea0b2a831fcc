import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { canvases, revisions, statements, strategies, strategyComments, users } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export type StrategyRow = typeof strategies.$inferSelect;
export type CanvasRow = typeof canvases.$inferSelect;
export type StatementRow = typeof statements.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
export type CommentRow = typeof strategyComments.$inferSelect;

function one<T>(rows: T[], what: string): T {
  const [row] = rows;
  if (!row) throw new Error(`${what} returned no row`);
  return row;
}

// strategy (one per process)

export async function findStrategyOfProcess(db: Queryable, processId: string) {
  const [row] = await db.select().from(strategies).where(eq(strategies.processId, processId));
  return row;
}

export async function insertStrategy(db: Queryable, values: typeof strategies.$inferInsert) {
  return one(await db.insert(strategies).values(values).returning(), 'insert strategies');
}

export async function updateStrategy(
  db: Queryable,
  id: string,
  values: Partial<typeof strategies.$inferInsert>,
) {
  return one(
    await db
      .update(strategies)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(strategies.id, id))
      .returning(),
    'update strategies',
  );
}

/** Like `updateStatementAtVersion`, for the strategy row: undefined when its version has moved on. */
export async function updateStrategyAtVersion(
  db: Queryable,
  id: string,
  version: number,
  values: Partial<typeof strategies.$inferInsert>,
) {
  const [row] = await db
    .update(strategies)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(strategies.id, id), eq(strategies.version, version)))
    .returning();
  return row;
}

// canvases (one per strategic theme; the themes themselves are in `themes`)

export async function insertCanvas(db: Queryable, values: typeof canvases.$inferInsert) {
  return one(await db.insert(canvases).values(values).returning(), 'insert canvases');
}

export async function findCanvasesOfProcess(db: Queryable, processId: string) {
  return db.select().from(canvases).where(eq(canvases.processId, processId));
}

export async function findCanvasOfTheme(db: Queryable, themeId: string) {
  const [row] = await db.select().from(canvases).where(eq(canvases.themeId, themeId));
  return row;
}

export async function findCanvasById(db: Queryable, canvasId: string) {
  const [row] = await db.select().from(canvases).where(eq(canvases.id, canvasId));
  return row;
}

export async function updateCanvas(db: Queryable, id: string, values: Partial<typeof canvases.$inferInsert>) {
  return one(
    await db
      .update(canvases)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(canvases.id, id))
      .returning(),
    'update canvases',
  );
}

/** Like `updateStatementAtVersion`, for a canvas: undefined when its version has moved on. */
export async function updateCanvasAtVersion(
  db: Queryable,
  id: string,
  version: number,
  values: Partial<typeof canvases.$inferInsert>,
) {
  const [row] = await db
    .update(canvases)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(canvases.id, id), eq(canvases.version, version)))
    .returning();
  return row;
}

// statements

export async function insertStatements(db: Queryable, rows: (typeof statements.$inferInsert)[]) {
  if (!rows.length) return [];
  return db.insert(statements).values(rows).returning();
}

export async function findStatementById(db: Queryable, statementId: string) {
  const [row] = await db.select().from(statements).where(eq(statements.id, statementId));
  return row;
}

/** The live statements of one canvas (or of the process when `canvasId` is null), in order. */
export async function findStatementsOf(db: Queryable, processId: string, canvasId: string | null) {
  return db
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.processId, processId),
        canvasId === null ? isNull(statements.canvasId) : eq(statements.canvasId, canvasId),
        isNull(statements.deletedAt),
      ),
    )
    .orderBy(asc(statements.section), asc(statements.position), asc(statements.id));
}

/** Every statement of a process, deleted ones included (for export). */
export async function findAllStatementsOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(statements)
    .where(eq(statements.processId, processId))
    .orderBy(
      asc(statements.section),
      asc(statements.position),
      asc(statements.createdAt),
      asc(statements.id),
    );
}

export async function findSectionStatements(
  db: Queryable,
  processId: string,
  canvasId: string | null,
  section: string,
) {
  return db
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.processId, processId),
        canvasId === null ? isNull(statements.canvasId) : eq(statements.canvasId, canvasId),
        eq(statements.section, section),
        isNull(statements.deletedAt),
      ),
    )
    .orderBy(asc(statements.position), asc(statements.id));
}

export async function updateStatement(
  db: Queryable,
  id: string,
  values: Partial<typeof statements.$inferInsert>,
) {
  return one(
    await db
      .update(statements)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(statements.id, id))
      .returning(),
    'update statements',
  );
}

/**
 * Updates a statement only if it still has `version` (the one the change was computed from);
 * undefined when another transaction changed it first, so a concurrent write is never overwritten.
 */
export async function updateStatementAtVersion(
  db: Queryable,
  id: string,
  version: number,
  values: Partial<typeof statements.$inferInsert>,
) {
  const [row] = await db
    .update(statements)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(statements.id, id), eq(statements.version, version)))
    .returning();
  return row;
}

export async function setStatementPosition(db: Queryable, id: string, position: number) {
  await db.update(statements).set({ position }).where(eq(statements.id, id));
}

/** Live statement counts per canvas and section, for the overview. */
export async function countStatementsBySection(db: Queryable, processId: string) {
  return db
    .select({ canvasId: statements.canvasId, section: statements.section, count: sql<number>`count(*)::int` })
    .from(statements)
    .where(and(eq(statements.processId, processId), isNull(statements.deletedAt)))
    .groupBy(statements.canvasId, statements.section);
}

// revisions

export async function insertRevision(db: Queryable, values: typeof revisions.$inferInsert) {
  return one(await db.insert(revisions).values(values).returning(), 'insert revisions');
}

export async function insertRevisions(db: Queryable, rows: (typeof revisions.$inferInsert)[]) {
  if (rows.length) await db.insert(revisions).values(rows);
}

export async function findRevisionById(db: Queryable, revisionId: string) {
  const [row] = await db.select().from(revisions).where(eq(revisions.id, revisionId));
  return row;
}

export async function findRevisionsOfCanvas(db: Queryable, canvasId: string, limit = 500) {
  return db
    .select()
    .from(revisions)
    .where(eq(revisions.canvasId, canvasId))
    .orderBy(desc(revisions.at), desc(revisions.version))
    .limit(limit);
}

export async function findProcessLevelRevisions(db: Queryable, processId: string, limit = 500) {
  return db
    .select()
    .from(revisions)
    .where(and(eq(revisions.processId, processId), isNull(revisions.canvasId)))
    .orderBy(desc(revisions.at), desc(revisions.version))
    .limit(limit);
}

export async function findAllRevisionsOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(revisions)
    .where(eq(revisions.processId, processId))
    .orderBy(asc(revisions.at), asc(revisions.entityType), asc(revisions.entityId), asc(revisions.version));
}

// comments

export async function insertComment(db: Queryable, values: typeof strategyComments.$inferInsert) {
  return one(await db.insert(strategyComments).values(values).returning(), 'insert strategy_comments');
}

export async function insertComments(db: Queryable, rows: (typeof strategyComments.$inferInsert)[]) {
  if (rows.length) await db.insert(strategyComments).values(rows);
}

export async function findCommentsOfCanvas(db: Queryable, canvasId: string) {
  return db
    .select()
    .from(strategyComments)
    .where(eq(strategyComments.canvasId, canvasId))
    .orderBy(asc(strategyComments.createdAt), asc(strategyComments.id));
}

export async function findCommentsOfProcess(db: Queryable, processId: string) {
  return db
    .select()
    .from(strategyComments)
    .where(eq(strategyComments.processId, processId))
    .orderBy(asc(strategyComments.createdAt), asc(strategyComments.id));
}

// people named in revisions and comments

export async function findUserNames(db: Queryable, userIds: string[]) {
  if (!userIds.length) return new Map<string, { name: string; email: string }>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, userIds));
  return new Map(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}

export async function findUserIdsByEmail(db: Queryable, emails: string[]) {
  if (!emails.length) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** The highest revision version recorded for an entity (0 when none). */
export async function findLatestRevisionVersion(
  db: Queryable,
  entityType: RevisionRow['entityType'],
  entityId: string,
) {
  const [row] = await db
    .select({ version: sql<number>`coalesce(max(${revisions.version}), 0)` })
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId)));
  return Number(row?.version ?? 0);
}
