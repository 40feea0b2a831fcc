import { sql } from 'drizzle-orm';
import { auditEvents } from '../db/schema/index.ts';
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
