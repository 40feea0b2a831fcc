import { and, desc, eq, gte, like, lte, sql, type SQL } from 'drizzle-orm';
import { auditEvents, users } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

export interface NewAuditEvent {
  userId: string | null;
  processId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
}

export async function insertAuditEvent(db: Queryable, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    userId: event.userId,
    processId: event.processId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    detail: event.detail ?? {},
  });
}

/** Inserts several audit events in one statement (a batch of submits; the rows as one JSON parameter). */
export async function insertAuditEvents(db: Queryable, events: NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => ({
    user_id: event.userId,
    process_id: event.processId ?? null,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId ?? null,
    detail: event.detail ?? {},
  }));
  await db.execute(sql`
    insert into audit_events (user_id, process_id, action, entity_type, entity_id, detail)
    select r.user_id, r.process_id, r.action, r.entity_type, r.entity_id, r.detail
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(user_id uuid, process_id uuid, action text,
      entity_type text, entity_id text, detail jsonb)`);
}

export interface AuditEventFilter {
  processId?: string | undefined;
  action?: string | undefined;
  /** Only events whose action starts with this (e.g. `statement.`). */
  actionPrefix?: string | undefined;
  entityType?: string | undefined;
  userId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number | undefined;
}

export async function findAuditEvents(db: Queryable, filter: AuditEventFilter) {
  const conditions: SQL[] = [];
  if (filter.processId) conditions.push(eq(auditEvents.processId, filter.processId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actionPrefix) conditions.push(like(auditEvents.action, `${filter.actionPrefix.replace(/[%_\\]/g, '')}%`));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.userId) conditions.push(eq(auditEvents.userId, filter.userId));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.at, filter.to));
  return db
    .select({ event: auditEvents, userName: users.name, userEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit ?? 200);
}
