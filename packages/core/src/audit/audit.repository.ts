import { and, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import { auditEvents, users } from '../db/schema/index.ts';
import type { Queryable } from '../db/database.ts';

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
  if (filter.actionPrefix) {
    conditions.push(like(auditEvents.action, `${filter.actionPrefix.replace(/[%_\\]/g, '')}%`));
  }
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
