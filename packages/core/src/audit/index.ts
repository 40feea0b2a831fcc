/** @module audit — reading the append-only log of every change (recording it is shared/record-audit-event.ts). */
export { findAuditEvents, type AuditEventFilter } from './audit.repository.ts';
export {
  listProcessAuditEvents,
  listInstanceAuditEvents,
  type AuditListFilter,
} from './list-audit-events.ts';
