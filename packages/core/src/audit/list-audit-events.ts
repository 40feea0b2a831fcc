import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../shared/domain-error.ts';
import { assertProcessPermission, canEditProcess, getProcessForActor } from '../processes/index.ts';
import { findAuditEvents, type AuditEventFilter } from './audit.repository.ts';

export type AuditListFilter = Omit<AuditEventFilter, 'processId'>;

/**
 * The audit log of one process, newest first, for its secretariat and owners. The log is
 * append-only: there is no use-case (and so no route) that changes or deletes an entry.
 */
export async function listProcessAuditEvents(
  db: Database,
  actor: Actor,
  slug: string,
  filter: AuditListFilter,
) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canEditProcess(access), 'read the audit log');
  return findAuditEvents(db, {
    ...filter,
    processId: strategyProcess.id,
    limit: Math.min(filter.limit ?? 200, 1000),
  });
}

/** The whole instance's audit log, for administrators. */
export async function listInstanceAuditEvents(db: Database, actor: Actor, filter: AuditEventFilter) {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (!(actor.kind === 'system' || actor.isInstanceAdmin)) {
    throw new ForbiddenError('Only an administrator can read the whole audit log.');
  }
  return findAuditEvents(db, { ...filter, limit: Math.min(filter.limit ?? 200, 1000) });
}
