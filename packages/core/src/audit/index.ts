/** @module audit — the append-only log of every change. */
export { recordAuditEvent, recordAuditEvents, type AuditEntry } from './record-audit-event.ts';
export { findAuditEvents, type AuditEventFilter } from './audit.repository.ts';
export { listProcessAuditEvents, listInstanceAuditEvents, type AuditListFilter } from './list-audit-events.ts';
