import type { Queryable } from '../db/database.ts';
import { actorUserId, type Actor } from './actor.ts';
import { insertAuditEvent, insertAuditEvents, type NewAuditEvent } from './audit-log.repository.ts';

export interface AuditEntry {
  processId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** For text changes: `{ before, after }`. Never put secrets or password hashes here. */
  detail?: Record<string, unknown>;
}

/**
 * Records one change in the append-only audit log. Call it inside the same transaction as the
 * change, so the log and the data never disagree.
 */
export async function recordAuditEvent(db: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, auditEventOf(actor, entry));
}

/** Records several changes by the same actor in one statement (same rules as `recordAuditEvent`). */
export async function recordAuditEvents(db: Queryable, actor: Actor, entries: AuditEntry[]): Promise<void> {
  await insertAuditEvents(
    db,
    entries.map((entry) => auditEventOf(actor, entry)),
  );
}

function auditEventOf(actor: Actor, entry: AuditEntry): NewAuditEvent {
  return {
    userId: actorUserId(actor),
    processId: entry.processId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    detail: { ...(actor.kind === 'system' ? { via: actor.reason } : {}), ...(entry.detail ?? {}) },
  };
}
