import type { Database } from '../db/database.ts';
import { isCalendarDate } from '../shared/oslo-time.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, canEditProcess, getProcessForActor } from '../processes/index.ts';
import {
  deleteInvolvementEventById,
  findInvolvementEventById,
  findStakeholderBodyById,
  insertInvolvementEvent,
} from './plan.repository.ts';

export const involvementEventKinds = ['meeting', 'status_report', 'presentation', 'hearing'] as const;
export type InvolvementEventKind = (typeof involvementEventKinds)[number];

/** Records a meeting, status report, presentation or hearing with a body in the involvement log. */
export async function logInvolvementEvent(
  db: Database,
  actor: Actor,
  input: {
    slug: string;
    date: string;
    kind: InvolvementEventKind;
    bodyId?: string | null | undefined;
    notes?: string | undefined;
  },
) {
  if (!isCalendarDate(input.date)) {
    throw new ValidationError('Give the date as YYYY-MM-DD.', { date: 'Invalid date.' });
  }
  if (!involvementEventKinds.includes(input.kind)) {
    throw new ValidationError('Unknown kind of event.', { kind: 'Invalid.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditProcess(access), 'keep the involvement log');
    if (input.bodyId) {
      const body = await findStakeholderBodyById(tx, input.bodyId);
      if (!body || body.processId !== strategyProcess.id) throw new NotFoundError('The body');
    }
    const event = await insertInvolvementEvent(tx, {
      processId: strategyProcess.id,
      bodyId: input.bodyId ?? null,
      date: input.date,
      kind: input.kind,
      notes: input.notes?.trim() ?? '',
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'involvement_event.created',
      entityType: 'involvement_event',
      entityId: event.id,
      detail: { after: { date: event.date, kind: event.kind, bodyId: event.bodyId } },
    });
    return event;
  });
}

/** Removes an entry from the involvement log. */
export async function deleteInvolvementEvent(
  db: Database,
  actor: Actor,
  input: { slug: string; eventId: string },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditProcess(access), 'keep the involvement log');
    const event = await findInvolvementEventById(tx, input.eventId);
    if (!event || event.processId !== strategyProcess.id) throw new NotFoundError('The event');
    await deleteInvolvementEventById(tx, event.id);
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'involvement_event.deleted',
      entityType: 'involvement_event',
      entityId: event.id,
      detail: { before: { date: event.date, kind: event.kind, notes: event.notes } },
    });
  });
}
